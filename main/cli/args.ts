/** Parses `--name value` and `--flag` arguments; unknown flags are an error, said plainly. */
export function parseArgs(argv: readonly string[], spec: Record<string, 'string' | 'boolean'>) {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind)
      throw new Error(
        `Unknown option --${name}. Known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    if (kind === 'boolean') out[name] = inline === undefined ? true : inline !== 'false';
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}
