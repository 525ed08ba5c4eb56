// Noto Sans ships with the app (covers every Vietnamese letter with its tone marks); the room's
// tablets may have no suitable system font and no internet to fetch one. It ships as WOFF2 subsets
// by Unicode range (Latin, Vietnamese, Latin Extended), as Google Fonts serves it: a page of
// Vietnamese text needs about 20 KB per style instead of a 630 KB TrueType file, which the browser
// would also have to check and load on the main thread at the app's first layout.
import ranges from '@fontsource/noto-sans/unicode.json';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin400i from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import vi400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import vi400i from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-italic.woff2?url';
import vi700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';
import ext400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import ext400i from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import ext700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';

const regular = { weight: '400', style: 'normal' };
const italic = { weight: '400', style: 'italic' };
const bold = { weight: '700', style: 'normal' };

// Where ranges overlap (Đ, Ă, Ơ, Ư are in both Latin Extended and Vietnamese), the browser tries
// the face added last first: Vietnamese last, so Vietnamese text never needs Latin Extended.
const faces: Array<[string, FontFaceDescriptors, string]> = [
  [ext400, regular, ranges['latin-ext']],
  [ext400i, italic, ranges['latin-ext']],
  [ext700, bold, ranges['latin-ext']],
  [latin400, regular, ranges.latin],
  [latin400i, italic, ranges.latin],
  [latin700, bold, ranges.latin],
  [vi400, regular, ranges.vietnamese],
  [vi400i, italic, ranges.vietnamese],
  [vi700, bold, ranges.vietnamese],
];

/**
 * Registers the faces; the browser downloads a subset only when text on screen needs one of its
 * letters in that style (italic is rare), and shows the fallback sans-serif until then.
 */
export function loadFonts(): void {
  for (const [url, descriptors, unicodeRange] of faces) {
    document.fonts.add(
      new FontFace('Noto Sans', `url(${url}) format('woff2')`, {
        display: 'swap',
        unicodeRange,
        ...descriptors,
      }),
    );
  }
}
