/**
 * The one allow-list for HTML that comes from outside: an imported HTML or Word file (main,
 * sanitize-html) and a paste from Word, Google Docs or a web page (renderer, DOMPurify). Only
 * what a story body can hold survives: headings, paragraphs, lists, quotes, bold, italic,
 * underline, strikethrough, code, line breaks and links to the web or mail. Styles, classes,
 * scripts, event attributes, images, frames, forms and tracking pixels do not.
 */

/** Tags kept (their content is kept too when a tag is dropped, except DROPPED_WITH_CONTENT). */
export const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'ul', 'ol', 'li',
  'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'code', 'sub', 'sup',
  'a',
] as const;

/** Attributes kept, per tag. Nothing else: no style, class, id, on*, data-*. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  ol: ['start'],
};

/** Link targets kept; a link to anything else (javascript:, data:, file:, vbscript:) loses its target, not its text. */
export const ALLOWED_URL_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Dropped with everything inside them: their text is never story text. */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math',
  'head', 'title', 'meta', 'link', 'button', 'select', 'textarea', 'canvas', 'video', 'audio',
] as const;

/** Whether a link target may be kept: an absolute http(s) or mailto URL (relative links have no base once imported). */
export function isAllowedUrl(href: string): boolean {
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  return scheme !== undefined && (ALLOWED_URL_SCHEMES as readonly string[]).includes(scheme);
}

/**
 * Inline styles that mean formatting, read before styles are dropped (Google Docs writes bold
 * as `<span style="font-weight:700">`, Word as `<span style='font-weight:bold'>`). The
 * `docs-internal-guid` wrapper's `font-weight:normal` is exactly why weight is read per span.
 */
export function formattingOfStyle(style: string): { bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean } {
  const out: { bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean } = {};
  const weight = /(?:^|;)\s*font-weight\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim().toLowerCase();
  if (weight) out.bold = weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
  const fontStyle = /(?:^|;)\s*font-style\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim().toLowerCase();
  if (fontStyle) out.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = /(?:^|;)\s*text-decoration(?:-line)?\s*:\s*([^;]+)/i.exec(style)?.[1]?.toLowerCase();
  if (decoration) {
    out.underline = decoration.includes('underline');
    out.strikethrough = decoration.includes('line-through');
  }
  return out;
}

/** A span that only tracks (analytics, Word's list bullets, hidden text): dropped with its content. */
export function isHiddenStyle(style: string): boolean {
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-list\s*:\s*ignore)/i.test(style);
}

/**
 * Word's list paragraphs (`<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level2 lfo1'>`):
 * Word writes no `<ul>`, only indented paragraphs with a bullet in a `mso-list:Ignore` span. The
 * list level (1 = top), or null when the paragraph is not a list item.
 */
export function wordListLevel(className: string, style: string): number | null {
  const level = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(style);
  if (level) return Math.min(Number(level[1]), 6);
  return /(?:^|\s)MsoListParagraph/i.test(className) ? 1 : null;
}
/** Whether Word's bullet text numbers the item ("1.", "a)", "iv.") rather than marks it ("·", "o", "§", "–"). */
export function isNumberedMarker(marker: string): boolean {
  return /^\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]$/i.test(marker.replace(/\s+/g, ''));
}
