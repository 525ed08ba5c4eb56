// Noto Sans ships with the app (covers every Vietnamese letter with its tone marks); the room's
// tablets may have no suitable system font and no internet to fetch one.
import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import italic from '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf?url';
import bold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';

const faces: Array<[string, FontFaceDescriptors]> = [
  [regular, { weight: '400', style: 'normal' }],
  [italic, { weight: '400', style: 'italic' }],
  [bold, { weight: '700', style: 'normal' }],
];

/**
 * Registers the faces; the browser downloads each one only when text needs it (italic is rare),
 * and shows the fallback sans-serif until then.
 */
export function loadFonts(): void {
  for (const [url, descriptors] of faces) {
    document.fonts.add(
      new FontFace('Noto Sans', `url(${url}) format('truetype')`, {
        display: 'swap',
        ...descriptors,
      }),
    );
  }
}
