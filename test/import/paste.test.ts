/**
 * Paste cleaning on real clipboard HTML (Word 365 on Windows, Google Docs in Chrome, a news page
 * in Chrome, as each puts it on the clipboard, in test/fixtures/paste), parsed by jsdom and
 * purified by DOMPurify as the renderer does with the browser's own DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, clipboardFragment, plainTextToParagraphs, type PasteDocument } from '../../src/shared/paste.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'paste', name), 'utf8');

/** Clean clipboard HTML the way the app does; the result is parsed again to check its shape. */
function paste(raw: string, headline = '') {
  const window = new JSDOM('').window;
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const doc = new window.DOMParser().parseFromString(clipboardFragment(raw), 'text/html');
  const result = cleanPastedHtml(doc as unknown as PasteDocument, purify, headline);
  const out = new window.DOMParser().parseFromString(`<body>${result.html}</body>`, 'text/html').body;
  return { ...result, out };
}
const texts = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
/** Every tag and attribute left in the cleaned HTML. */
const shape = (root: Element) => ({
  tags: [...new Set(Array.from(root.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()))].sort(),
  attributes: [...new Set(Array.from(root.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)))].sort(),
});

describe('paste from Word (Windows, Word 365)', () => {
  const { html, headline, out } = paste(fixture('word-365-windows.html'));

  it('keeps only allowed tags and attributes: no mso classes, styles, <o:p>, comments', () => {
    expect(shape(out)).toEqual({ tags: ['a', 'b', 'h2', 'i', 'li', 'ol', 'p', 'ul'], attributes: ['a[href]'] });
    expect(html).not.toMatch(/mso|o:p|<!--|\[if|MsoNormal|Symbol|Times New Roman/);
  });
  it('makes the Title the headline of a story without one, and not a body heading', () => {
    expect(headline).toBe('Cohen lands in Baku for talks on trade and security');
    expect(out.textContent).not.toContain('Cohen lands in Baku for talks');
  });
  it('rebuilds Word list paragraphs as real nested lists, bullets and numbers, without the bullet characters', () => {
    const [bullets, numbers] = Array.from(out.querySelectorAll('body > ul, body > ol'));
    expect(bullets!.tagName).toBe('UL');
    expect(texts(bullets!, ':scope > li')).toEqual(['Security cooperationDrones and air defence', 'Trade and energy']);
    expect(texts(bullets!, ':scope > li > ul > li')).toEqual(['Drones and air defence']);
    expect(bullets!.querySelector(':scope > li > b')?.textContent).toBe('Trade');
    expect(numbers!.tagName).toBe('OL');
    expect(texts(numbers!, 'li')).toEqual(['Meetings in Baku', 'A visit to Ganja']);
    expect(out.textContent).not.toMatch(/·|\bo\s+Drones|1\.\s+Meetings/);
  });
  it('keeps bold, italic, links and headings; drops the empty &nbsp; paragraph', () => {
    expect(out.querySelector('b')?.textContent).toBe('Eli Cohen');
    expect(out.querySelector('i')?.textContent).toBe('Baku');
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Tel_Aviv');
    expect(texts(out, 'h2')).toEqual(['On the agenda']);
    expect(texts(out, 'body > p')).toEqual([
      'Foreign Minister Eli Cohen arrived in Baku on Monday, weeks after Azerbaijan opened its embassy in Tel Aviv.',
      "The delegation's schedule:",
      '“The relationship is an important and strategic asset to Israel,” Zisser said.',
    ]);
  });
  it('drops the Title when it repeats the headline the story has, and makes it a subheading when it differs', () => {
    expect(paste(fixture('word-365-windows.html'), 'Cohen lands in Baku for talks on trade and security').out.querySelector('h1, h2')?.textContent).toBe('On the agenda');
    const other = paste(fixture('word-365-windows.html'), 'A different headline');
    expect(other.headline).toBeUndefined();
    expect(texts(other.out, 'h2')[0]).toBe('Cohen lands in Baku for talks on trade and security');
    expect(other.out.querySelector('h1')).toBeNull();
  });
});

describe('paste from Google Docs (Chrome)', () => {
  const { html, headline, out } = paste(fixture('google-docs-chrome.html'));

  it('drops the docs-internal-guid wrapper (its font-weight:normal bolds nothing) and every style', () => {
    expect(html).not.toMatch(/docs-internal-guid|style=|dir=|role=|aria-/);
    expect(out.querySelector('body > b')).toBeNull();
    expect(shape(out)).toEqual({ tags: ['a', 'em', 'h2', 'li', 'p', 'strong', 'ul'], attributes: ['a[href]'] });
  });
  it('turns font-weight:700 into bold and font-style:italic into italic, and nothing else', () => {
    expect(texts(out, 'strong')).toEqual(['Eli Cohen', 'Trade']);
    expect(texts(out, 'em')).toEqual(['Baku']);
  });
  it('takes the h1 as headline, keeps lists nested and p-free, and no stray line breaks', () => {
    expect(headline).toBe('Cohen lands in Baku for talks on trade and security');
    expect(texts(out, 'body > ul > li')).toEqual(['Security cooperation', 'Trade and energy']);
    expect(texts(out, 'body > ul > ul > li')).toEqual(['Drones and air defence']);
    expect(out.querySelector('li p')).toBeNull();
    expect(out.querySelector('br')).toBeNull();
  });
  it("points Google's redirect links at their target", () => {
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Tel_Aviv');
  });
});

describe('paste from a web page (Chrome)', () => {
  const { html, headline, out } = paste(fixture('web-page-chrome.html'), 'Cohen lands in Baku for talks on trade and security');

  it('never repeats the headline: an h1 equal to it is dropped', () => {
    expect(headline).toBeUndefined();
    expect(out.querySelector('h1, h2')).toBeNull();
  });
  it('drops styles, scripts, event attributes, tracking spans and pixels', () => {
    expect(html).not.toMatch(/style|script|onclick|onmouseover|data-|track|pixel|<img|box-sizing/);
    expect(shape(out)).toEqual({ tags: ['a', 'blockquote', 'em', 'p', 'strong'], attributes: ['a[href]'] });
  });
  it('drops javascript: and data: link targets and keeps their text', () => {
    expect(Array.from(out.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://en.wikipedia.org/wiki/Tel_Aviv']);
    expect(html).not.toMatch(/javascript|data:|<a>/);
    expect(out.textContent).toContain('Read the full statement or the summary.');
  });
  it('keeps the byline line as text, bold, italic, links and the quote', () => {
    expect(out.textContent).toContain('By Pesach Benson');
    expect(texts(out, 'blockquote')).toEqual(['“The relationship is an important and strategic asset to Israel,” Zisser said.']);
    expect(texts(out, 'strong')).toEqual(['By Pesach Benson', 'Eli Cohen']);
  });
});

describe('clipboard fragments and plain text', () => {
  it('takes what lies between StartFragment and EndFragment, and strips a CF_HTML header', () => {
    expect(clipboardFragment('<html><body><!--StartFragment--><p>x</p><!--EndFragment--></body></html>')).toBe('<p>x</p>');
    expect(clipboardFragment('Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000200\r\n<html><body><p>y</p></body></html>')).toBe('<html><body><p>y</p></body></html>');
    expect(clipboardFragment('<p>z</p>')).toBe('<p>z</p>');
  });
  it('cleans a document with no body to nothing', () => {
    expect(cleanPastedHtml({ body: null } as unknown as PasteDocument, { sanitize: () => 'never' })).toEqual({ html: '' });
  });
  it('paste as plain text: blank lines separate paragraphs, none empty', () => {
    expect(plainTextToParagraphs('Cabinet meets\r\n\r\n\r\nMinisters met\non Sunday.\n\n')).toEqual(['Cabinet meets', 'Ministers met on Sunday.']);
  });
});
