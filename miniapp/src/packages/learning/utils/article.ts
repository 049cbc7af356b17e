// An article chapter's HTML made ready for RichText. The server sanitises bodies (a small tag
// list, https images); this is a second line of defence on the phone plus the layout a phone
// needs: images never wider than the screen, paragraphs spaced for easy reading.

const IMAGE_STYLE = 'max-width:100%;height:auto;display:block;margin:12px auto;border-radius:8px'
const PARAGRAPH_STYLE = 'margin:0 0 0.9em'

/** Removes what must never run: script/style blocks, event handlers, javascript: links. */
export function stripActiveContent(html: string): string {
  return html
    .replace(/<(script|style|iframe|object|embed)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|iframe|object|embed)\b[^>]*\/?>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src)\s*=\s*("|')?\s*javascript:[^"'\s>]*("|')?/gi, '$1="#"')
}

/** The HTML handed to RichText as its nodes. */
export function articleHtml(body: string | null | undefined): string {
  if (!body) return ''
  return stripActiveContent(body)
    .replace(/<img\b(?![^>]*\bstyle=)/gi, `<img style="${IMAGE_STYLE}"`)
    .replace(/<p>/gi, `<p style="${PARAGRAPH_STYLE}">`)
}

/** True when an article has no text or image to show (a chapter still being written). */
export function isBlankArticle(body: string | null | undefined): boolean {
  if (!body) return true
  if (/<img\b/i.test(body)) return false
  return body.replace(/<[^>]*>/g, '').replace(/&nbsp;/gi, ' ').trim() === ''
}
