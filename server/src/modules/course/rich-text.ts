import sanitizeHtml from 'sanitize-html';

/**
 * Articles are written by lecturers and shown to every parent, in the mini program's rich-text
 * view and in H5, so only plain formatting survives: no scripts, styles, frames, event handlers,
 * links or non-https images. Tags outside the list are dropped and their text kept; the contents
 * of script-like tags are dropped with them.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'img'],
  allowedAttributes: { img: ['src', 'alt'] },
  allowedSchemes: ['https'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'title', 'head'],
  // An image whose source was refused is not worth keeping as an empty box.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizeArticle(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Nothing a parent would see: no text (entities and spaces aside) and no image. */
export function isEmptyArticle(sanitized: string): boolean {
  if (/<img\b/i.test(sanitized)) return false;
  const text = sanitized.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|\s/g, '');
  return text.length === 0;
}
