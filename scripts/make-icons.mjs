// Draws the add-in's icons (a rising bar chart on the brand blue) as PNGs at the sizes the
// manifest and ribbon need. Run `node scripts/make-icons.mjs` after changing the design.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [15, 108, 189];
const WHITE = [255, 255, 255];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of pixel (x, y) by the shape, supersampled 4×4 for smooth edges. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = size * 0.18;
  const bars = [
    [0.2, 0.62],
    [0.42, 0.45],
    [0.64, 0.26],
  ]; // [left, top] in unit square; bars end at 0.8
  const barWidth = 0.16;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let bar = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          const dx = Math.max(radius - px, 0, px - (size - radius));
          const dy = Math.max(radius - py, 0, py - (size - radius));
          if (dx * dx + dy * dy > radius * radius) continue;
          inside++;
          const ux = px / size;
          const uy = py / size;
          if (bars.some(([left, top]) => ux >= left && ux <= left + barWidth && uy >= top && uy <= 0.8)) bar++;
        }
      }
      const i = (y * size + x) * 4;
      const mix = inside ? bar / inside : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BRAND[c] * (1 - mix) + WHITE[c] * mix);
      rgba[i + 3] = Math.round((inside / 16) * 255);
    }
  }
  return rgba;
}

function png(size) {
  const rgba = draw(size);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
console.log("assets/icon-{16,32,64,80,128}.png written");
