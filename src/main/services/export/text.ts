/**
 * Small text helpers shared by the exporters: splitting inline content into lines, cleaning
 * characters a target format cannot carry, and deciding which links are safe to keep.
 */
import type { Inline, TextRun } from '../../../shared/body.ts';

const NEWLINE = /\r\n|\r|\n/;

/**
 * Splits inline content into lines: at line-break nodes and at newline characters inside text
 * (a pasted text node may carry them). Every exporter renders a line break its own way.
 */
export function toLines(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  const current = () => lines[lines.length - 1];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      lines.push([]);
    } else if (inline.kind === 'text') {
      inline.text.split(NEWLINE).forEach((part, i) => {
        if (i > 0) lines.push([]);
        // Empty pieces are dropped, so an empty line is one with no inlines at all.
        if (part !== '') current().push({ ...inline, text: part });
      });
    } else {
      // A link cannot span lines in Markdown, so a newline inside link text becomes a space.
      const children = inline.children.map((c) => ({ ...c, text: c.text.replace(/\r\n|\r|\n/g, ' ') }));
      current().push({ ...inline, children });
    }
  }
  return lines;
}

/** True when adjacent runs can be written as one (Lexical sometimes splits a run in two). */
export function sameFormat(a: TextRun, b: TextRun): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.code === b.code
  );
}

/** Merges adjacent text runs with the same formatting, so formatting marks are not split needlessly. */
export function mergeRuns<T extends Inline>(line: readonly T[]): T[] {
  const out: T[] = [];
  for (const inline of line) {
    const prev: Inline | undefined = out[out.length - 1];
    if (inline.kind === 'text' && prev?.kind === 'text' && sameFormat(prev, inline)) {
      out[out.length - 1] = { ...prev, text: prev.text + inline.text } as T;
    } else {
      out.push(inline);
    }
  }
  return out;
}

/** A lone UTF-16 surrogate cannot be encoded in UTF-8 files; it becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Text for xmlbuilder2: removes characters XML 1.0 forbids (C0 controls other than tab/newline/
 * carriage return, and U+FFFE/U+FFFF) — text pasted from word processors sometimes carries them,
 * and one such character would make the whole export unreadable to an XML parser — and protects
 * a literal "&amp;", "&lt;", "&gt;", "&apos;" or "&quot;" in the text: xmlbuilder2 escapes every
 * other "&" but leaves those five as they are, so a story that says "&amp;" would read back "&".
 */
export function xmlChars(text: string): string {
  return wellFormed(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&(?=(?:lt|gt|amp|apos|quot);)/g, '&amp;');
}

/** Collapses all whitespace (including newlines and tabs) to single spaces, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Links are kept only for schemes that cannot run code when the exported file is rendered as
 * HTML by another system (the same list Lexical's link node accepts). Other links keep their text.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'sms:']);
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  try {
    return SAFE_SCHEMES.has(new URL(trimmed).protocol) ? trimmed : null;
  } catch {
    return null;
  }
}
