// JSON.parse has no depth limit, and a body of 2 MB of `[[[[…` costs it seconds of the one event
// loop. Counting brackets outside strings while the bytes arrive is linear and allocation-free,
// so a body that nests too deeply is refused before it is parsed (or even fully read).
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Feeds chunks of a JSON text; `push` returns false once the nesting passes `maxDepth`. */
export function createDepthGauge(maxDepth: number) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  return {
    push(chunk: Uint8Array): boolean {
      for (const byte of chunk) {
        if (inString) {
          // UTF-8 continuation bytes are >= 0x80, so they never look like a quote or backslash.
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
        } else if (byte === QUOTE) inString = true;
        else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
          if (++depth > maxDepth) return false;
        } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
      }
      return true;
    },
  };
}
