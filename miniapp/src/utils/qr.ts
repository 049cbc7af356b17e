// QR codes drawn without canvas, as plain boxes: the same View tree renders in the mini program
// and in the browser. Pure (qrcode-generator has no dependencies), so unit tests run it in Node.
import qrcode from 'qrcode-generator'

export type QrMatrix = boolean[][]

/** The module matrix of `text` (byte mode, error correction M, smallest version that fits). */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const rows: QrMatrix = []
  for (let r = 0; r < size; r++) {
    const row: boolean[] = []
    for (let c = 0; c < size; c++) row.push(qr.isDark(r, c))
    rows.push(row)
  }
  return rows
}

/** A dark rectangle, in modules. */
export interface QrBox {
  x: number
  y: number
  w: number
  h: number
}

/**
 * The dark modules as few rectangles as a simple sweep finds: runs of dark modules in a row, and a
 * run continued straight down while the rows below have exactly the same run. A 57×57 code needs
 * a few hundred boxes instead of some 1,600 dark modules: fewer nodes for the mini program to draw.
 */
export function qrBoxes(matrix: QrMatrix): QrBox[] {
  const done: QrBox[] = []
  // Boxes still growing downwards, keyed by "x:w" of their run.
  let open = new Map<string, QrBox>()
  matrix.forEach((row, y) => {
    const next = new Map<string, QrBox>()
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x++
        continue
      }
      let w = 1
      while (x + w < row.length && row[x + w]) w++
      const key = `${x}:${w}`
      const above = open.get(key)
      if (above) {
        above.h++
        open.delete(key)
        next.set(key, above)
      } else {
        next.set(key, { x, y, w, h: 1 })
      }
      x += w
    }
    open.forEach((box) => done.push(box))
    open = next
  })
  open.forEach((box) => done.push(box))
  return done.sort((a, b) => a.y - b.y || a.x - b.x)
}

/** The matrix back from boxes (for tests: what is drawn is exactly the code). */
export function matrixOfBoxes(boxes: QrBox[], size: number): QrMatrix {
  const rows: QrMatrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const { x, y, w, h } of boxes) {
    for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) rows[r][c] = true
  }
  return rows
}
