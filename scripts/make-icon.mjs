#!/usr/bin/env node
// Draws the extension's icon (images/icon.png, 128×128): a cache (a stack of discs) with a clock
// badge, for values that outlive their truth. Drawn from shapes with 4×4 supersampling and written
// with a minimal PNG encoder over node:zlib, so the icon is reproducible without any image tool.
// The PNG is committed; run `node scripts/make-icon.mjs` again only to change it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // subpixels per axis

const NAVY = [18, 50, 74, 255];
const DISC = [232, 241, 245, 255];
const BAND = [140, 170, 188, 255];
const TOP = [255, 255, 255, 255];
const TOP_INNER = [200, 222, 232, 255];
const AMBER = [245, 166, 35, 255];

const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
}
/** within `w / 2` of the segment (ax, ay)–(bx, by): a hand with round ends */
function inCapsule(x, y, ax, ay, bx, by, w) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return (x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= (w / 2) ** 2;
}

// the cache: three discs, x centre 54, half-width 32, ellipses 9 high
const CX = 54;
const RX = 32;
const RY = 9;
const TOP_Y = 32;
const BOTTOM_Y = 90;
const BANDS = [51.5, 71];
// the clock
const KX = 94;
const KY = 92;

/** The colour at a point: the last shape (painter's order) that holds it. */
function colorAt(x, y) {
  let c = null;
  if (inRoundedRect(x, y, 0, 0, SIZE, SIZE, 26)) c = NAVY;
  if ((Math.abs(x - CX) <= RX && y >= TOP_Y && y <= BOTTOM_Y) || inEllipse(x, y, CX, BOTTOM_Y, RX, RY)) c = DISC;
  for (const b of BANDS) if (inEllipse(x, y, CX, b, RX, RY) && !inEllipse(x, y, CX, b - 3.5, RX, RY) && y > b - 3.5) c = BAND;
  if (inEllipse(x, y, CX, TOP_Y, RX, RY)) c = inEllipse(x, y, CX, TOP_Y + 0.8, RX - 5, RY - 3) ? TOP_INNER : TOP;
  if (inCircle(x, y, KX, KY, 29)) c = NAVY; // a gap between the cache and the clock
  if (inCircle(x, y, KX, KY, 24)) c = AMBER;
  if (inCapsule(x, y, KX, KY, KX, KY - 14, 4.5) || inCapsule(x, y, KX, KY, KX + 10, KY + 4, 4.5) || inCircle(x, y, KX, KY, 3.5)) c = NAVY;
  return c;
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++)
    for (let px = 0; px < SIZE; px++) {
      // premultiplied average of the subpixels: smooth edges against any background
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const c = colorAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      const i = (py * SIZE + px) * 4;
      const n = SS * SS;
      rgba[i] = a ? Math.round((r * 255) / a) : 0;
      rgba[i + 1] = a ? Math.round((g * 255) / a) : 0;
      rgba[i + 2] = a ? Math.round((b * 255) / a) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels → PNG bytes (colour type 6, 8 bits, no interlace, filter 0 on every row). */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = fileURLToPath(new URL('../images/icon.png', import.meta.url));
  writeFileSync(out, encodePng(render(), SIZE, SIZE));
  console.log(`wrote ${out}`);
}
