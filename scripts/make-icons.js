#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and store icons as PNGs into assets/ (no image tools needed):
 *   icon-{16,32,64,80,128}.png       the add-in (ascending bars on a blue tile)
 *   templates-{16,32,80}.png         the Templates button (a table grid)
 *   abc-{16,32,80}.png               the ABC button (descending Pareto bars)
 *   bonus-{16,32,80}.png             the Bonus button (a coin)
 * Shapes are described in a 0..1 unit square and rasterised with 4×4 supersampling.
 * Run: node scripts/make-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BLUE = [31, 78, 120];
const WHITE = [255, 255, 255];
const GOLD = [214, 160, 32];
const GOLD_DARK = [160, 112, 10];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r0, r1) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d <= r1 * r1 && d >= r0 * r0;
};
const tile = { shape: roundedRect(0.02, 0.02, 0.98, 0.98, 0.16), color: BLUE };

const ICONS = {
  icon: [
    tile,
    { shape: rect(0.2, 0.58, 0.34, 0.8), color: WHITE },
    { shape: rect(0.43, 0.42, 0.57, 0.8), color: WHITE },
    { shape: rect(0.66, 0.22, 0.8, 0.8), color: WHITE },
  ],
  templates: [
    tile,
    { shape: rect(0.18, 0.2, 0.82, 0.36), color: WHITE },
    ...[0.42, 0.6].flatMap((y) =>
      [0.18, 0.4, 0.62].map((x) => ({ shape: rect(x, y, x + 0.2, y + 0.14), color: WHITE })),
    ),
    ...[0.18, 0.4, 0.62].map((x) => ({ shape: rect(x, 0.78, x + 0.2, 0.82), color: WHITE })),
  ],
  abc: [
    tile,
    { shape: rect(0.18, 0.2, 0.34, 0.8), color: WHITE },
    { shape: rect(0.42, 0.5, 0.58, 0.8), color: WHITE },
    { shape: rect(0.66, 0.68, 0.82, 0.8), color: WHITE },
  ],
  bonus: [
    { shape: circle(0.5, 0.5, 0.47), color: GOLD },
    { shape: ring(0.5, 0.5, 0.33, 0.39), color: GOLD_DARK },
    { shape: rect(0.46, 0.3, 0.54, 0.7), color: WHITE },
    { shape: rect(0.36, 0.46, 0.64, 0.54), color: WHITE },
  ],
};

function rasterise(layers, size) {
  const SS = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxi + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let hit = null;
          for (const layer of layers) if (layer.shape(x, y)) hit = layer.color;
          if (hit) {
            r += hit[0]; g += hit[1]; b += hit[2]; a += 1;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      // Premultiplied accumulation → straight alpha.
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return px;
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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SIZES = { icon: [16, 32, 64, 80, 128], templates: [16, 32, 80], abc: [16, 32, 80], bonus: [16, 32, 80] };
const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, encodePng(rasterise(ICONS[name], size), size));
  }
}
console.log(`icons written to ${path.relative(process.cwd(), outDir) || '.'}`);
