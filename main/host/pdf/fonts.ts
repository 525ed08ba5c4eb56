import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Noto Sans covers every Vietnamese letter with its tone marks (ầ, ữ, ỹ, Đ...). It comes from a
// package rather than the system, so PDFs look the same on every host.
const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold' | 'italic';

const FILES: Record<FontWeight, string> = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
};

const cache = new Map<FontWeight, Uint8Array>();

export function fontPath(weight: FontWeight = 'regular'): string {
  const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  return path.join(pkg, FILES[weight]);
}

/** The TTF bytes, for pdf-lib's embedFont (with @pdf-lib/fontkit registered). */
export function unicodeFont(weight: FontWeight = 'regular'): Uint8Array {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = new Uint8Array(fs.readFileSync(fontPath(weight)));
    cache.set(weight, bytes);
  }
  return bytes;
}
