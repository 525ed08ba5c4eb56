// Finds signature dictionaries in a PDF by their bytes rather than through a full parser: a
// signature is defined by its /ByteRange and the /Contents hole, and a verifier must still report
// on a file that was tampered with so badly that a parser would give up.

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The DER CMS (hole content, hex-decoded, zero padding kept). */
  contents: Uint8Array;
  subFilter: string | null;
  /** /M as an ISO date, when present and well-formed. */
  signedAt: string | null;
  name: string | null;
  reason: string | null;
  /** The /ByteRange is well-formed: starts at 0, and its hole is exactly one hex string. */
  wellFormed: boolean;
}

function decodeTextString(raw: string): string {
  const hex = /^<([0-9a-fA-F\s]*)>$/.exec(raw);
  let bytes: Buffer;
  if (hex) bytes = Buffer.from(hex[1]!.replace(/\s+/g, ''), 'hex');
  else bytes = Buffer.from(raw.slice(1, -1).replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2));
    body.swap16();
    return body.toString('utf16le');
  }
  return bytes.toString('latin1');
}

/** D:YYYYMMDDHHmmSS+HH'mm' (or Z) → ISO 8601. */
export function parsePdfDate(text: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  let offset = 'Z';
  if (tz && tz !== 'Z') {
    const digits = tz.replace(/'/g, '');
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function entry(dict: string, key: string): string | null {
  const re = new RegExp(
    `/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9a-fA-F\\s]*>|/[^\\s/<>\\[\\]()]+)`,
  );
  const m = re.exec(dict);
  return m ? m[1]! : null;
}

export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: FoundSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (const m of text.matchAll(re)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [
      number,
      number,
      number,
      number,
    ];
    const [a, b, c, d] = range;
    const holeStart = a + b;
    const hole = holeStart < c && c <= text.length ? text.slice(holeStart, c) : '';
    const holeIsHex = /^<[0-9a-fA-F]*>$/.test(hole);
    const wellFormed = a === 0 && holeIsHex && c + d <= pdf.length && b > 0;
    // The dictionary is the text between "obj" before /ByteRange and "endobj" after it, minus the hole.
    const objStart = text.lastIndexOf(' obj', m.index);
    const objEnd = text.indexOf('endobj', m.index);
    const before = text.slice(objStart < 0 ? 0 : objStart, holeIsHex ? holeStart : m.index);
    const after = text.slice(holeIsHex ? c : m.index, objEnd < 0 ? text.length : objEnd);
    const dict = `${before} ${after}`;
    const sub = entry(dict, 'SubFilter');
    const when = entry(dict, 'M');
    const name = entry(dict, 'Name');
    const reason = entry(dict, 'Reason');
    out.push({
      byteRange: range,
      contents: holeIsHex ? Buffer.from(hole.slice(1, -1), 'hex') : new Uint8Array(),
      subFilter: sub ? sub.slice(1) : null,
      signedAt: when ? parsePdfDate(decodeTextString(when)) : null,
      name: name ? decodeTextString(name) : null,
      reason: reason ? decodeTextString(reason) : null,
      wellFormed,
    });
  }
  return out;
}
