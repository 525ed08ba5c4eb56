// Finds signature dictionaries in a PDF by their bytes rather than through a full parser: a
// signature is defined by its /ByteRange and the /Contents hole, and a verifier must still report
// on a file that was tampered with so badly that a parser would give up.
//
// The file is whoever's upload (POST /verify), so every step is linear in its size: one pass finds
// the /ByteRange entries, each dictionary is read from a bounded window around its entry with a
// hand-written lexer (no backtracking regex), and the number of signatures and the hole's size are
// capped. Searching the whole file around each entry made a 675 KB file cost seconds.

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

/** Far more than any signed minutes carry (one per signer and each timestamp). */
export const MAX_SIGNATURES = 50;
/** A hole larger than this (hex characters) is not read as a CMS: 512 KB of DER with room to spare. */
export const MAX_HOLE_CHARS = 1024 * 1024;
/**
 * How far from its /ByteRange (or its hole) a dictionary's "obj" and "endobj" are looked for. A
 * signature dictionary apart from its hole is a few hundred bytes; a longer one is read up to here.
 */
export const DICT_WINDOW = 16 * 1024;

export class TooManySignaturesError extends Error {
  constructor(readonly limit: number) {
    super(`The PDF has more than ${limit} signatures.`);
    this.name = 'TooManySignaturesError';
  }
}

function decodeTextString(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ''), 'hex');
  else bytes = Buffer.from(raw.slice(1, -1).replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // An odd trailing byte is no UTF-16 unit (and swap16 would throw on it).
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
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

const WANTED = new Set(['SubFilter', 'M', 'Name', 'Reason']);
const DELIMITER = /[\s/<>[\]()%{}]/;
const isHexDigit = (c: string) => /[0-9a-fA-F]/.test(c);

/**
 * The first value of each wanted key in a dictionary's text, read in one pass: a name, a literal
 * string (nested parentheses and escapes) or a hex string right after `/Key`. Strings are skipped
 * whole, so a key spelled inside another entry's string is not taken for one.
 */
function readEntries(dict: string): Map<string, string> {
  const found = new Map<string, string>();
  let pendingKey: string | null = null;
  let i = 0;
  const n = dict.length;
  while (i < n) {
    const c = dict[i]!;
    let token: { kind: 'name' | 'string' | 'other'; text: string } | null = null;
    if (c === '(') {
      const start = i;
      let depth = 0;
      for (; i < n; i++) {
        const ch = dict[i]!;
        if (ch === '\\') i++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      if (i >= n) break; // unterminated: nothing after it can be read reliably
      i++;
      token = { kind: 'string', text: dict.slice(start, i) };
    } else if (c === '<' && dict[i + 1] !== '<') {
      const start = i++;
      while (i < n && (isHexDigit(dict[i]!) || /\s/.test(dict[i]!))) i++;
      if (dict[i] !== '>') {
        token = { kind: 'other', text: '' };
      } else {
        i++;
        token = { kind: 'string', text: dict.slice(start, i) };
      }
    } else if (c === '/') {
      const start = ++i;
      while (i < n && !DELIMITER.test(dict[i]!)) i++;
      token = { kind: 'name', text: dict.slice(start, i) };
    } else if (/\s/.test(c)) {
      i++;
      continue;
    } else {
      i++;
      token = { kind: 'other', text: c };
    }
    if (pendingKey !== null) {
      if (token.kind !== 'other' && !found.has(pendingKey))
        found.set(pendingKey, token.kind === 'name' ? `/${token.text}` : token.text);
      pendingKey = null;
    } else if (token.kind === 'name' && WANTED.has(token.text)) {
      pendingKey = token.text;
    }
  }
  return found;
}

/** `needle`'s last start in text[from, to), or -1: never looks outside the window. */
function lastIndexWithin(text: string, needle: string, from: number, to: number): number {
  const at = text.slice(from, to).lastIndexOf(needle);
  return at < 0 ? -1 : from + at;
}

function indexWithin(text: string, needle: string, from: number, to: number): number {
  const at = text.slice(from, to).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

const HEX_HOLE = /^<[0-9a-fA-F]*>$/;

export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const out: FoundSignature[] = [];
  // Digits and spaces cannot overlap the next "/ByteRange", so each attempt reads fresh bytes.
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (const m of text.matchAll(re)) {
    if (out.length === MAX_SIGNATURES) throw new TooManySignaturesError(MAX_SIGNATURES);
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [
      number,
      number,
      number,
      number,
    ];
    const [a, b, c, d] = range;
    const at = m.index;
    const holeStart = a + b;
    const hole =
      holeStart < c && c <= text.length && c - holeStart <= MAX_HOLE_CHARS
        ? text.slice(holeStart, c)
        : '';
    const holeIsHex = HEX_HOLE.test(hole);
    const wellFormed = a === 0 && holeIsHex && c + d <= pdf.length && b > 0;
    // The dictionary is the text between "obj" before /ByteRange and "endobj" after it, minus the
    // hole; both are looked for only within a window beyond the entry and the hole. A hole far
    // from its entry is not part of the dictionary read (reading between them would be unbounded).
    const entryEnd = at + m[0].length;
    const holeNear = holeIsHex && holeStart <= entryEnd + DICT_WINDOW && c >= at - DICT_WINDOW;
    const first = holeNear ? Math.min(at, holeStart) : at;
    const last = holeNear ? Math.max(entryEnd, c) : entryEnd;
    const windowStart = Math.max(0, first - DICT_WINDOW);
    const objStart = lastIndexWithin(text, ' obj', windowStart, first);
    const windowEnd = Math.min(text.length, last + DICT_WINDOW);
    const objEnd = indexWithin(text, 'endobj', last, windowEnd);
    const from = objStart < 0 ? windowStart : objStart;
    const to = objEnd < 0 ? windowEnd : objEnd;
    const dict = holeNear
      ? `${text.slice(from, holeStart)} ${text.slice(c, to)}`
      : text.slice(from, to);
    const entries = readEntries(dict);
    const sub = entries.get('SubFilter');
    const when = entries.get('M');
    const name = entries.get('Name');
    const reason = entries.get('Reason');
    out.push({
      byteRange: range,
      contents: holeIsHex ? Buffer.from(hole.slice(1, -1), 'hex') : new Uint8Array(),
      subFilter: sub?.startsWith('/') ? sub.slice(1) : null,
      signedAt: when && !when.startsWith('/') ? parsePdfDate(decodeTextString(when)) : null,
      name: name && !name.startsWith('/') ? decodeTextString(name) : null,
      reason: reason && !reason.startsWith('/') ? decodeTextString(reason) : null,
      wellFormed,
    });
  }
  return out;
}
