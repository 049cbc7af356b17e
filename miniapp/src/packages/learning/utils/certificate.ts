// The 结业证书 as a picture: the texts and the drawing, for a 2D canvas (WeChat's canvas 2d on the
// phone, an HTML canvas on H5). Pure: the canvas comes in as an argument, so unit tests draw on a
// recording fake and check what was written where.

export interface CertificateData {
  number: string
  recipientName: string
  courseTitle: string
  lecturerName: string
  issuedAt: string
}

/** The slice of CanvasRenderingContext2D used here (both platforms provide it). */
export interface CanvasLike {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  closePath(): void
  fill(): void
  stroke(): void
}

/** The picture's size in pixels: roughly A4 upright, sharp enough to print. */
export const CERTIFICATE_WIDTH = 1080
export const CERTIFICATE_HEIGHT = 1528

export const ISSUER = '南平市妇女联合会'
export const PROGRAMME = '家庭教育大讲堂'

const RED = '#b8322e'
const GOLD = '#9a6a12'
const INK = '#1a1a1a'
const PAPER = '#fffaf0'
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

/** "2026年3月5日" in Beijing time (the date on a Nanping calendar, whatever the phone's zone). */
export function certificateDate(issuedAt: string): string {
  const ms = Date.parse(issuedAt)
  if (Number.isNaN(ms)) return ''
  const d = new Date(ms + 8 * 3600 * 1000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** The sentence under the name. */
export function certificateStatement(data: Pick<CertificateData, 'courseTitle'>): string {
  return `已完成家庭教育课程《${data.courseTitle}》的全部学习，特发此证，以资鼓励。`
}

/**
 * Breaks text into lines no wider than `maxWidth` (as `measure` says). Chinese breaks between any
 * two characters; a closing punctuation mark never starts a line (it stays with the character
 * before it, as in print).
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const chars = Array.from(text)
  const lines: string[] = []
  let line = ''
  for (const ch of chars) {
    const candidate = line + ch
    if (line && measure(candidate) > maxWidth && !NO_LINE_START.has(ch)) {
      lines.push(line)
      line = ch
    } else {
      line = candidate
    }
  }
  if (line) lines.push(line)
  return lines
}

const NO_LINE_START = new Set(Array.from('，。、；：！？》）」』”’,.;:!?)'))

/** Shrinks a font size until `text` fits `maxWidth` (long names and titles), not below `min`. */
export function fittingSize(text: string, start: number, min: number, maxWidth: number, measureAt: (s: string, size: number) => number): number {
  let size = start
  while (size > min && measureAt(text, size) > maxWidth) size -= 2
  return size
}

/** Baselines of the statement's first and (at most) last line. */
const BODY_TOP = 800
const BODY_LAST_LINE = 1040

/** Draws the certificate on a canvas of CERTIFICATE_WIDTH x CERTIFICATE_HEIGHT pixels. */
export function drawCertificate(ctx: CanvasLike, data: CertificateData): void {
  const W = CERTIFICATE_WIDTH
  const H = CERTIFICATE_HEIGHT
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`
  const measureAt = (s: string, size: number, bold = false) => {
    ctx.font = font(size, bold)
    return ctx.measureText(s).width
  }

  // Paper and a double frame: red outside, gold inside, small diamonds in the corners.
  ctx.fillStyle = PAPER
  ctx.fillRect(0, 0, W, H)
  ctx.strokeStyle = RED
  ctx.lineWidth = 18
  ctx.strokeRect(40, 40, W - 80, H - 80)
  ctx.strokeStyle = GOLD
  ctx.lineWidth = 3
  ctx.strokeRect(72, 72, W - 144, H - 144)
  for (const [x, y] of [
    [72, 72],
    [W - 72, 72],
    [72, H - 72],
    [W - 72, H - 72],
  ]) {
    diamond(ctx, x, y, 16, GOLD)
  }

  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'center'

  ctx.fillStyle = GOLD
  ctx.font = font(34)
  ctx.fillText(PROGRAMME, W / 2, 200)

  ctx.fillStyle = RED
  ctx.font = font(124, true)
  ctx.fillText('结 业 证 书', W / 2, 350)

  ctx.strokeStyle = GOLD
  ctx.lineWidth = 3
  line(ctx, 240, 400, W - 240, 400)
  diamond(ctx, W / 2, 400, 12, GOLD)

  const left = 150
  const width = W - 2 * left

  ctx.textAlign = 'left'
  ctx.fillStyle = INK
  ctx.font = font(44)
  ctx.fillText('兹证明', left, 530)

  // The name, large, on a line of its own.
  const nameSize = fittingSize(data.recipientName, 84, 48, width - 80, (s, size) => measureAt(s, size, true))
  ctx.textAlign = 'center'
  ctx.fillStyle = INK
  ctx.font = font(nameSize, true)
  ctx.fillText(data.recipientName, W / 2, 660)
  ctx.strokeStyle = INK
  ctx.lineWidth = 2
  line(ctx, W / 2 - 260, 690, W / 2 + 260, 690)

  // The statement: as large as fits above the lecturer line (a long course title gets smaller type).
  ctx.textAlign = 'left'
  ctx.fillStyle = INK
  const statement = certificateStatement(data)
  let bodyLines: string[] = []
  let lineHeight = 0
  for (const size of [44, 40, 36, 32, 28]) {
    ctx.font = font(size)
    bodyLines = wrapText(statement, width, (s) => ctx.measureText(s).width)
    lineHeight = Math.round(size * 1.7)
    if (BODY_TOP + (bodyLines.length - 1) * lineHeight <= BODY_LAST_LINE) break
  }
  let y = BODY_TOP
  for (const text of bodyLines) {
    ctx.fillText(text, left, y)
    y += lineHeight
  }

  ctx.font = font(40)
  ctx.fillStyle = INK
  ctx.fillText(`主讲人：${data.lecturerName}`, left, y + 40)

  // Bottom: the issuer on the right, then the number and date on lines of their own (a long
  // number never runs into the issuer's name).
  ctx.textAlign = 'right'
  ctx.fillStyle = RED
  ctx.font = font(46, true)
  ctx.fillText(ISSUER, W - left, H - 330)
  ctx.fillStyle = GOLD
  ctx.font = font(32)
  ctx.fillText(PROGRAMME, W - left, H - 280)

  ctx.textAlign = 'left'
  ctx.font = font(32)
  ctx.fillStyle = '#444444'
  ctx.fillText(`证书编号：${data.number}`, left, H - 200)
  ctx.fillText(`颁发日期：${certificateDate(data.issuedAt)}`, left, H - 150)
}

function line(ctx: CanvasLike, x1: number, y1: number, x2: number, y2: number) {
  ctx.beginPath()
  ctx.moveTo(x1, y1)
  ctx.lineTo(x2, y2)
  ctx.stroke()
}

function diamond(ctx: CanvasLike, x: number, y: number, r: number, color: string) {
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.moveTo(x, y - r)
  ctx.lineTo(x + r, y)
  ctx.lineTo(x, y + r)
  ctx.lineTo(x - r, y)
  ctx.closePath()
  ctx.fill()
}

/** The file name offered on H5: 结业证书-NP-2026-7K3Q9X.png (nothing a file system refuses). */
export function certificateFileName(number: string): string {
  return `结业证书-${number.replace(/[^0-9A-Za-z-]/g, '') || 'certificate'}.png`
}

/** WeChat refused the photo album because the reader said no (now or before). */
export function isAlbumPermissionRefusal(errMsg: string | undefined | null): boolean {
  return /auth|authorize|permission|denied|deny/i.test(errMsg ?? '') && !/cancel/i.test(errMsg ?? '')
}

/** The reader closed the save sheet themselves: not an error. */
export function isUserCancel(errMsg: string | undefined | null): boolean {
  return /cancel/i.test(errMsg ?? '')
}
