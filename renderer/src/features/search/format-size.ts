/** Bytes for people: 1,5 MB / 1.5 MB by language. */
export function formatSize(bytes: number, lang: string): string {
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  });
  if (bytes >= 1024 ** 3) return `${fmt.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${fmt.format(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}
