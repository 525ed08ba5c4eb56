/** `AB:CD:…` → `ABCD…`, as join links carry it. */
export function compactFingerprint(fp: string): string {
  return fp.replace(/:/g, '').toUpperCase();
}

/** Groups of four for reading aloud and comparing with the room screen. */
export function groupFingerprint(fp: string): string {
  return compactFingerprint(fp).replace(/(.{4})(?=.)/g, '$1 ');
}
