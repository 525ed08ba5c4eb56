// Which files make up the app shell, read from Vite's build manifest. Kept apart from the service
// worker so it can be tested without one.

/** Files under /assets/ carry a content hash in their name: cached once, never revalidated. */
export function isShellAsset(pathname: string): boolean {
  return pathname.startsWith('/assets/');
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Every emitted file the manifest names (entry and lazy chunks, their CSS, fonts and other
 * assets), as absolute paths, each once. Source maps are not listed, so not cached.
 */
export function shellFiles(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const out = new Set<string>();
  for (const entry of Object.values(manifest as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const files = [
      ...(typeof e.file === 'string' ? [e.file] : []),
      ...strings(e.css),
      ...strings(e.assets),
    ];
    for (const f of files) if (isShellAsset(`/${f}`)) out.add(`/${f}`);
  }
  return [...out];
}
