#!/usr/bin/env node
// Draws the tab bar icons (81x81 PNG, normal + selected) with no dependencies:
// shapes are signed distance functions, sampled 4x4 per pixel for smooth edges,
// written as RGBA PNG with node:zlib. Run: node scripts/make-tab-icons.mjs
// Normal icons are gray outlines, selected ones solid brand red, as WeChat's guidelines suggest.
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SAMPLES = 4
const STROKE = 6
const GRAY = [0x5c, 0x5c, 0x5c]
const RED = [0xb8, 0x32, 0x2e]
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets')

// --- signed distance functions (negative inside) ---
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const box = (x0, y0, x1, y1) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
  const dx = Math.abs(x - cx) - (x1 - x0) / 2
  const dy = Math.abs(y - cy) - (y1 - y0) / 2
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0)
}
const polygon = (pts) => (x, y) => {
  // Inigo Quilez's exact polygon SDF.
  let d = Infinity
  let sign = 1
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [ax, ay] = pts[j], [bx, by] = pts[i]
    const ex = bx - ax, ey = by - ay, wx = x - ax, wy = y - ay
    const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t))
    const c1 = y >= ay, c2 = y < by, c3 = ex * wy > ey * wx
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign
  }
  return sign * d
}
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)))
const intersect = (...fs) => (x, y) => Math.max(...fs.map((f) => f(x, y)))
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y))

// --- the two icons ---
const house = subtract(
  union(polygon([[40.5, 10], [72, 38], [9, 38]]), box(17, 36, 64, 70)),
  box(34, 48, 47, 71),
)
const person = union(
  circle(40.5, 27, 15),
  intersect(circle(40.5, 78, 30), box(0, 0, 81, 71)),
)

function render(sdf, color, filled) {
  const rgba = Buffer.alloc(SIZE * SIZE * 4)
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const d = sdf(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
          // Outline: a band just inside the edge, so both variants share the same footprint.
          if (filled ? d <= 0 : d <= 0 && d > -STROKE) hits++
        }
      }
      const o = (py * SIZE + px) * 4
      rgba[o] = color[0]; rgba[o + 1] = color[1]; rgba[o + 2] = color[2]
      rgba[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  return encodePng(rgba)
}

// --- minimal PNG encoder (8-bit RGBA, filter 0 on every row) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function encodePng(rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(outDir, { recursive: true })
const icons = {
  'tab-home.png': render(house, GRAY, false),
  'tab-home-active.png': render(house, RED, true),
  'tab-mine.png': render(person, GRAY, false),
  'tab-mine-active.png': render(person, RED, true),
}
for (const [name, png] of Object.entries(icons)) {
  writeFileSync(join(outDir, name), png)
  console.log(`${name}: ${png.length} bytes`)
}
