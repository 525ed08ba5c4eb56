#!/usr/bin/env node
// Draws the app icon (a paper with lines on a blue rounded square) and writes the PNG sizes
// Linux wants, icon.ico (Windows) and icon.icns (macOS) into resources/icons. No image library:
// PNG is zlib-compressed RGBA rows; ICO and ICNS simply embed the PNGs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/icons');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates.
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function icon(x, y) {
  const blue = [21, 101, 192, 255];
  const white = [255, 255, 255, 255];
  const line = [144, 164, 184, 255];
  const red = [198, 40, 40, 255];
  if (!roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return [0, 0, 0, 0];
  if (roundedRect(x, y, 0.27, 0.16, 0.73, 0.84, 0.03)) {
    // A seal at the bottom right: the signed minutes.
    if ((x - 0.62) ** 2 + (y - 0.72) ** 2 < 0.065 ** 2) return red;
    for (const ly of [0.3, 0.4, 0.5, 0.6])
      if (y > ly && y < ly + 0.035 && x > 0.34 && x < (ly === 0.6 ? 0.52 : 0.66)) return line;
    return white;
  }
  return blue;
}

fs.mkdirSync(out, { recursive: true });
const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((s) => [s, png(s, icon)]));
for (const [s, data] of pngs) fs.writeFileSync(path.join(out, `${s}x${s}.png`), data);
fs.copyFileSync(path.join(out, '512x512.png'), path.join(out, 'icon.png'));

// ICO: a directory of PNG images (Windows Vista and later read PNG entries).
const icoSizes = [16, 32, 48, 256];
const header = Buffer.alloc(6);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = 6 + 16 * icoSizes.length;
const entries = [];
for (const s of icoSizes) {
  const e = Buffer.alloc(16);
  e[0] = s === 256 ? 0 : s;
  e[1] = s === 256 ? 0 : s;
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(pngs.get(s).length, 8);
  e.writeUInt32LE(offset, 12);
  offset += pngs.get(s).length;
  entries.push(e);
}
fs.writeFileSync(
  path.join(out, 'icon.ico'),
  Buffer.concat([header, ...entries, ...icoSizes.map((s) => pngs.get(s))]),
);

// ICNS: typed PNG entries (ic07 128, ic08 256, ic09 512, ic10 1024, ic11 32, ic12 64).
const icnsTypes = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const parts = icnsTypes.map(([type, s]) => {
  const h = Buffer.alloc(8);
  h.write(type, 0, 'ascii');
  h.writeUInt32BE(8 + pngs.get(s).length, 4);
  return Buffer.concat([h, pngs.get(s)]);
});
const icnsHeader = Buffer.alloc(8);
icnsHeader.write('icns', 0, 'ascii');
icnsHeader.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
fs.writeFileSync(path.join(out, 'icon.icns'), Buffer.concat([icnsHeader, ...parts]));
console.log(`icons written to ${path.relative(process.cwd(), out)}`);
