/**
 * Story → NewsML-G2 2.35 newsItem (power conformance), with the body as XHTML in inlineXML.
 *
 * Built with xmlbuilder2, which escapes every text and attribute value; nothing here is put
 * together as a string. Element order follows the XSD's sequences: catalogRef, rightsInfo,
 * itemMeta (itemClass, provider, versionCreated, firstCreated, pubStatus), contentMeta
 * (administrative properties before descriptive ones), contentSet.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { parseBody, type Block, type Inline, type ListBlock, type TextRun } from '../../../shared/body.ts';
import type { Story } from '../../../shared/story.ts';
import { oneLine, safeUrl, toLines, xmlChars } from './text.ts';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The IPTC catalog that defines the `ninat:` and `stat:` schemes used below. */
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_35.xml';

/** The language of every export, for now (the editor does not record a story's language yet). */
const LANGUAGE = 'en';

export interface NewsMLOptions {
  /** The organisation distributing the item (itemMeta/provider, rightsInfo/copyrightHolder). */
  readonly provider: string;
  /** Used only when a story timestamp cannot be read as a date. */
  readonly now: Date;
  /** Whether the story's approval still matches its content (checked by the story service). */
  readonly approvalValid: boolean;
}

export function storyToNewsML(story: Story, options: NewsMLOptions): string {
  const provider = oneLine(xmlChars(options.provider));
  const headline = oneLine(xmlChars(story.headline));
  const created = xsDateTime(story.createdAt, options.now);
  const updated = xsDateTime(story.updatedAt, options.now);

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const item = doc
    .ele(NAR_NS, 'newsItem', {
      guid: newsItemGuid(story.id),
      version: String(story.revision),
      standard: 'NewsML-G2',
      standardversion: '2.35',
      conformance: 'power',
    })
    .att(XML_NS, 'xml:lang', LANGUAGE);
  // Children created without a namespace inherit the parent's (NAR here, XHTML inside <html>).
  item.ele('catalogRef', { href: IPTC_CATALOG });
  item.ele('rightsInfo').ele('copyrightHolder').ele('name').txt(provider);

  const meta = item.ele('itemMeta');
  meta.ele('itemClass', { qcode: 'ninat:text' });
  meta.ele('provider', { literal: provider });
  meta.ele('versionCreated').txt(updated);
  meta.ele('firstCreated').txt(created);
  meta.ele('pubStatus', { qcode: isUsable(story, options.approvalValid) ? 'stat:usable' : 'stat:withheld' });

  const content = item.ele('contentMeta');
  content.ele('contentCreated').txt(created);
  content.ele('contentModified').txt(updated);
  content.ele('creator').ele('name').txt(oneLine(xmlChars(story.author)));
  content.ele('language', { tag: LANGUAGE });
  for (const keyword of story.keywords) content.ele('keyword').txt(oneLine(xmlChars(keyword)));
  content.ele('headline').txt(headline);

  const inline = item.ele('contentSet').ele('inlineXML', { contenttype: 'application/xhtml+xml' });
  const html = inline.ele(XHTML_NS, 'html');
  html.ele('head').ele('title').txt(headline);
  appendBlocks(html.ele('body'), parseBody(story.body).blocks);

  // No pretty printing: indentation would add whitespace inside paragraphs (mixed content).
  return doc.end({ prettyPrint: false });
}

/** Stable across exports and revisions of the same story; `version` tells revisions apart. */
export function newsItemGuid(storyId: string): string {
  return `urn:newsml:copydesk:${storyId}`;
}

/** Only an approved story whose approval still matches its content may be published. */
function isUsable(story: Story, approvalValid: boolean): boolean {
  return story.status === 'approved' && story.approval !== null && approvalValid;
}

/** xs:dateTime in UTC. A timestamp that is not a date falls back to `fallback`. */
function xsDateTime(value: string, fallback: Date): string {
  const date = new Date(value);
  return (Number.isNaN(date.getTime()) ? fallback : date).toISOString();
}

// --- Body as XHTML ---

function appendBlocks(parent: XMLBuilder, blocks: readonly Block[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        appendInlines(parent.ele('p'), block.inlines);
        break;
      case 'heading':
        // The headline is the document's title; body headings start at h2.
        appendInlines(parent.ele(`h${Math.max(2, block.level)}`), block.inlines);
        break;
      case 'quote':
        // XHTML blockquote holds blocks, not text.
        appendInlines(parent.ele('blockquote').ele('p'), block.inlines);
        break;
      case 'list':
        appendList(parent, block);
        break;
    }
  }
}

function appendList(parent: XMLBuilder, list: ListBlock): void {
  if (list.items.length === 0) return; // an empty <ul> is not valid XHTML
  const el = parent.ele(list.ordered ? 'ol' : 'ul');
  for (const item of list.items) {
    const li = el.ele('li');
    appendInlines(li, item.inlines);
    for (const sub of item.sublists) appendList(li, sub);
  }
}

function appendInlines(parent: XMLBuilder, inlines: readonly Inline[]): void {
  toLines(inlines).forEach((line, i) => {
    if (i > 0) parent.ele('br');
    for (const inline of line) {
      if (inline.kind === 'text') appendRun(parent, inline);
      else if (inline.kind === 'link') appendLink(parent, inline.url, inline.children);
    }
  });
}

function appendLink(parent: XMLBuilder, url: string, children: readonly TextRun[]): void {
  const safe = safeUrl(xmlChars(url));
  // An unsafe link (javascript: and the like) keeps its text and loses the link.
  const target = safe === null ? parent : parent.ele('a', { href: safe });
  for (const run of children) appendRun(target, run);
}

function appendRun(parent: XMLBuilder, run: TextRun): void {
  const text = xmlChars(run.text);
  if (text === '') return;
  let el = parent;
  if (run.bold) el = el.ele('strong');
  if (run.italic) el = el.ele('em');
  if (run.underline) el = el.ele('u');
  if (run.strikethrough) el = el.ele('s');
  if (run.code) el = el.ele('code');
  el.txt(text);
}
