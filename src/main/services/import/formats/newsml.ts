/**
 * NewsML-G2 → draft: reads a newsItem (Copydesk's own exports and other agencies' items) back
 * into story fields, from the places `export/newsml.ts` writes them (its header lists them), and
 * the body from XHTML in `inlineXML` into the editor's document.
 *
 * The file is first checked for well-formedness by libxml2 (xmllint-wasm, as the exporter's
 * validator), because xmlbuilder2's own parser accepts some broken XML silently; a document type
 * declaration is refused outright (a news item never needs one, and entity expansion is how XML
 * bombs work). The tree is then read with xmlbuilder2's namespace-aware DOM.
 *
 * From other agencies' items: a subject without Copydesk's vocabulary release gets the item's
 * own date as its release; creators without a known role are writers, contributors editors;
 * an `edNote` becomes the editorial note (internal, where an agency's note to editors belongs);
 * an embargo without a zone is shown in UTC; a body that is not XHTML is left empty, with a note.
 */
import { validateXML } from 'xmllint-wasm';
import { create } from 'xmlbuilder2';
import { type Block, type BodyDocument, type Inline, type ListBlock, type ListItem, type TextRun } from '../../../../shared/body.ts';
import { bodyFromDocument, run } from '../../../../shared/body-build.ts';
import { AppError } from '../../../../shared/errors.ts';
import { CONTRIBUTOR_ROLES, type ContributorRole, type Dateline, type Picture, type Place } from '../../../../shared/news-item.ts';
import type { Entity, EntityKind, Subject } from '../../../../shared/tagging.ts';
import { COPYDESK_NS, ENTITY_TYPES, EVENT_LOCATION_ID, NAR_NS, PICTURE_REL, XHTML_NS } from '../../export/newsml.ts';
import type { ImportFile, ImportFormat, ImportedDraft } from '../types.ts';
import { draftFrom, type FoundFields } from './draft.ts';
import { decodeText } from '../text.ts';
import { showName } from '../../packages/zip-reader.ts';

/** The DOM that xmlbuilder2 builds, as far as it is read here. */
interface DomNode {
  readonly nodeType: number;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly childNodes: Iterable<DomNode>;
  readonly data?: string;
  getAttribute?(name: string): string | null;
}
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const elements = (node: DomNode, ns: string | null = NAR_NS): DomNode[] =>
  [...node.childNodes].filter((c) => c.nodeType === ELEMENT && (ns === null || c.namespaceURI === ns));
const child = (node: DomNode | undefined, name: string, ns = NAR_NS): DomNode | undefined =>
  node ? elements(node, ns).find((c) => c.localName === name) : undefined;
const attr = (node: DomNode | undefined, name: string): string | null => node?.getAttribute?.(name) ?? null;
const text = (node: DomNode | undefined): string => node?.textContent ?? '';

export const newsmlFormat: ImportFormat = {
  id: 'newsml-g2',
  label: 'NewsML-G2',
  extensions: ['.xml'],
  sniff: (head) => /<(?:[\w.-]+:)?newsItem[\s>]/.test(head) && head.includes(NAR_NS),
  async parse(file: ImportFile): Promise<ImportedDraft> {
    const xml = decodeText(file.bytes, showName(file.name)).text;
    await checkWellFormed(xml, file.name);
    return newsmlToDraft(xml, file.name);
  },
};

/** libxml2's verdict; a message naming the line of the first error otherwise. */
export async function checkWellFormed(xml: string, fileName: string): Promise<void> {
  if (/<!DOCTYPE/i.test(xml)) throw new AppError('invalid_input', `“${fileName}” declares a document type; Copydesk does not read XML with one.`);
  const result = await validateXML({ xml: [{ fileName: 'item.xml', contents: xml }], normalization: 'c14n' });
  const first = result.errors[0];
  if (!result.valid && first) {
    throw new AppError('invalid_input', `“${fileName}” is not well-formed XML (${first.loc ? `line ${first.loc.lineNumber}: ` : ''}${first.message.trim()}).`);
  }
}

/** Reads a well-formed NewsML-G2 document (see `checkWellFormed`). */
export function newsmlToDraft(xml: string, fileName = 'the file'): ImportedDraft {
  let root: DomNode;
  try {
    // Whitespace between formatted runs is text ("a <b>x</b> <i>y</i>"): keep it.
    root = (create({ skipWhitespaceOnlyText: false }, xml).node as unknown as { documentElement: DomNode }).documentElement;
  } catch (error) {
    throw new AppError('invalid_input', `“${fileName}” is not XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const item = root?.localName === 'newsMessage' ? findDeep(root, 'newsItem') : root;
  if (!item || item.localName !== 'newsItem' || item.namespaceURI !== NAR_NS) {
    throw new AppError('invalid_input', `“${fileName}” is not a NewsML-G2 news item.`);
  }
  const notes: string[] = [];
  const found: FoundFields = {};
  readContentMeta(child(item, 'contentMeta'), found, notes, itemDate(item));
  readItemMeta(child(item, 'itemMeta'), found);
  readRights(child(item, 'rightsInfo'), found);
  const language = attr(item, 'xml:lang') ?? '';
  if (found.language === undefined && language) found.language = language;
  if (found.language !== undefined) found.languageSetByPerson = true;
  const body = readBody(item, notes);
  if (body) found.body = bodyFromDocument(body);
  return draftFrom(found, notes);
}

function findDeep(node: DomNode, name: string): DomNode | undefined {
  for (const c of elements(node)) {
    if (c.localName === name) return c;
    const inner = findDeep(c, name);
    if (inner) return inner;
  }
  return undefined;
}

/** The item's own date (YYYY-MM-DD), for subjects tagged elsewhere with no vocabulary release. */
function itemDate(item: DomNode): string {
  const meta = child(item, 'itemMeta');
  const value = text(child(meta, 'versionCreated')).trim() || text(child(meta, 'firstCreated')).trim();
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? new Date().toISOString().slice(0, 10);
}

// --- Metadata ------------------------------------------------------------------------------

function readPlace(node: DomNode): Place {
  const name = text(child(node, 'name')).trim();
  const country = elements(node)
    .filter((c) => c.localName === 'broader')
    .map((c) => /^iso3166-1a2:([A-Za-z]{2})$/.exec(attr(c, 'qcode') ?? '')?.[1])
    .find((c) => c !== undefined);
  return country ? { name, countryCode: country.toUpperCase() } : { name };
}

interface Extensions {
  agency?: string;
  versions: Map<string, string>;
}

function readExtensions(meta: DomNode, found: FoundFields): Extensions {
  const out: Extensions = { versions: new Map() };
  for (const ext of elements(meta).filter((c) => c.localName === 'contentMetaExtProperty')) {
    const value = attr(ext, 'value') ?? '';
    switch (attr(ext, 'rel')) {
      case 'cdprop:datelineAgency':
        out.agency = value;
        break;
      case 'cdprop:vocabularyVersion':
        out.versions.set(attr(ext, 'qcode') ?? '', value);
        break;
      case 'cdprop:desk':
        found.desk = value;
        break;
      case 'cdprop:targetWords':
        found.targetWords = Number(value);
        break;
    }
  }
  return out;
}

const ENTITY_KIND_OF: ReadonlyMap<string, EntityKind> = new Map(Object.entries(ENTITY_TYPES).map(([kind, type]) => [type, kind as EntityKind]));

function readContentMeta(meta: DomNode | undefined, found: FoundFields, notes: string[], fallbackVersion: string): void {
  if (!meta) return;
  const ext = readExtensions(meta, found);
  const byline: unknown[] = [];
  const keywords: string[] = [];
  const subjects: Subject[] = [];
  const entities: Entity[] = [];
  let datelinePlace: Place | null = null;
  let datelineDate: string | null = null;
  let datelineText = '';
  for (const el of elements(meta)) {
    const value = text(el);
    switch (el.localName) {
      case 'urgency':
        found.urgency = Number(value.trim());
        break;
      case 'contentCreated':
        datelineDate = /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? null;
        break;
      case 'located':
        datelinePlace ??= readPlace(el);
        break;
      case 'creator':
      case 'contributor':
        byline.push(readParty(el));
        break;
      case 'language':
        found.language ??= attr(el, 'tag') ?? '';
        break;
      case 'genre':
        if (attr(el, 'qcode')) found.genre ??= attr(el, 'qcode');
        break;
      case 'keyword':
        keywords.push(value);
        break;
      case 'subject':
        readSubject(el, { subjects, entities, found, notes, versions: ext.versions, fallbackVersion });
        break;
      case 'slugline':
        found.slugline ??= value;
        break;
      case 'headline':
        found.headline ??= value;
        break;
      case 'dateline':
        datelineText ||= value.trim();
        break;
      case 'creditline':
        found.creditLine ??= value;
        break;
      case 'description':
        if (!attr(el, 'role') || attr(el, 'role') === 'drol:summary') found.summary ??= value;
        break;
    }
  }
  if (byline.length > 0) found.byline = byline;
  if (keywords.length > 0) found.keywords = keywords;
  if (subjects.length > 0) found.subjects = subjects;
  if (entities.length > 0) found.entities = entities;
  // `located` is where the content originates, on the day it was created: a dateline.
  if (datelinePlace && datelineDate) {
    // Another agency's dateline names its agency only in the printed line: "(TPS) --".
    const agency = ext.agency ?? /\(([^()]+)\)\s*(?:--|—|–)\s*$/.exec(datelineText)?.[1]?.trim();
    const dateline: Dateline = agency ? { place: datelinePlace, date: datelineDate, agency } : { place: datelinePlace, date: datelineDate };
    found.dateline = dateline;
  } else if (datelineText) {
    notes.push(`The dateline “${datelineText}” names no place and date that Copydesk could read; fill in the dateline.`);
  }
}

function readParty(el: DomNode): unknown {
  const roles = (attr(el, 'role') ?? '').split(/\s+/).map((r) => r.replace(/^cdrole:/, ''));
  const role: ContributorRole = (roles.find((r) => (CONTRIBUTOR_ROLES as readonly string[]).includes(r)) as ContributorRole | undefined) ?? (el.localName === 'creator' ? 'writer' : 'editor');
  const name = text(child(el, 'name')) || attr(el, 'literal') || '';
  const affiliation = text(child(child(child(el, 'personDetails'), 'affiliation'), 'name'));
  return affiliation ? { name, role, affiliation } : { name, role };
}

interface SubjectSink {
  subjects: Subject[];
  entities: Entity[];
  found: FoundFields;
  notes: string[];
  versions: Map<string, string>;
  fallbackVersion: string;
}

function readSubject(el: DomNode, sink: SubjectSink): void {
  const type = attr(el, 'type') ?? '';
  const qcode = attr(el, 'qcode') ?? '';
  const name = text(child(el, 'name'));
  if (attr(el, 'id') === EVENT_LOCATION_ID) {
    sink.found.located ??= readPlace(el);
    return;
  }
  if (qcode.startsWith('medtop:')) {
    sink.subjects.push({ qcode, label: name.trim() || qcode, vocabularyVersion: sink.versions.get(qcode) ?? sink.fallbackVersion });
    return;
  }
  const kind = ENTITY_KIND_OF.get(type);
  if (kind && name.trim()) {
    const id = attr(el, 'uri') ?? attr(el, 'literal') ?? (qcode || null);
    sink.entities.push(id ? { kind, name, id } : { kind, name });
    return;
  }
  sink.notes.push(`A subject${name.trim() ? ` “${name.trim()}”` : ''}${qcode ? ` (${qcode})` : ''} is not a Media Topic, person, organisation or place; it was left out.`);
}

function readItemMeta(meta: DomNode | undefined, found: FoundFields): void {
  if (!meta) return;
  const zone = elements(meta).find((c) => c.localName === 'itemMetaExtProperty' && attr(c, 'rel') === 'cdprop:embargoTimeZone');
  const embargoed = text(child(meta, 'embargoed')).trim();
  if (embargoed) {
    const at = new Date(embargoed);
    found.embargo = { at: Number.isNaN(at.getTime()) ? embargoed : at.toISOString(), timeZone: attr(zone, 'value') ?? 'UTC' };
  }
  const notes = elements(meta).filter((c) => c.localName === 'edNote').map((c) => text(c).trim()).filter(Boolean);
  if (notes.length > 0) found.editorialNote = notes.join('\n\n');
  const pictures = elements(meta)
    .filter((c) => c.localName === 'link' && attr(c, 'rel') === PICTURE_REL && (attr(c, 'residref') ?? '').startsWith('sha256:'))
    .map(readPicture);
  if (pictures.length > 0) found.pictures = pictures;
}

function readPicture(link: DomNode): Picture | Record<string, unknown> {
  const details = child(link, 'picture', COPYDESK_NS);
  const detail = (name: string) => text(child(details, name, COPYDESK_NS));
  return {
    sha256: (attr(link, 'residref') ?? '').slice('sha256:'.length),
    role: attr(details, 'role') ?? 'inline',
    fileName: attr(details, 'fileName') ?? '',
    mediaType: attr(link, 'contenttype') ?? '',
    width: Number(attr(details, 'width')),
    height: Number(attr(details, 'height')),
    bytes: Number(attr(link, 'size')),
    caption: detail('caption'),
    credit: detail('credit'),
    altText: detail('altText'),
    usageTerms: detail('usageTerms'),
  };
}

function readRights(rights: DomNode | undefined, found: FoundFields): void {
  if (!rights) return;
  const holder = child(rights, 'copyrightHolder');
  if (holder) found.copyrightHolder = text(child(holder, 'name')) || attr(holder, 'literal') || '';
  const notice = child(rights, 'copyrightNotice');
  if (notice) found.copyrightNotice = text(notice);
  const terms = child(rights, 'usageTerms');
  if (terms) found.usageTerms = text(terms);
}

// --- Body: XHTML → the editor's document ------------------------------------------------------

function readBody(item: DomNode, notes: string[]): BodyDocument | null {
  const inline = child(child(item, 'contentSet'), 'inlineXML');
  if (!inline) return null;
  const html = elements(inline, XHTML_NS).find((c) => c.localName === 'html');
  const body = html ? child(html, 'body', XHTML_NS) : elements(inline, XHTML_NS).find((c) => c.localName === 'body');
  if (!body) {
    notes.push(`The body is ${attr(inline, 'contenttype') ?? 'not XHTML'}; Copydesk reads XHTML bodies only, so the text was left out.`);
    return null;
  }
  return { blocks: readBlocks(body) };
}

type Format = Pick<TextRun, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>;
const PLAIN: Format = { bold: false, italic: false, underline: false, strikethrough: false, code: false };
const FORMAT_OF: Readonly<Record<string, keyof Format>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  del: 'strikethrough',
  strike: 'strikethrough',
  code: 'code',
  tt: 'code',
};
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'div', 'section', 'article', 'header', 'footer', 'aside', 'pre', 'figure', 'table', 'dl']);

function readBlocks(container: DomNode): Block[] {
  const blocks: Block[] = [];
  let loose: DomNode[] = []; // inline content sitting directly in a block container
  const flush = () => {
    const inlines = readInlines(loose, PLAIN);
    if (inlines.some((i) => i.kind !== 'text' || i.text.trim() !== '')) blocks.push({ kind: 'paragraph', inlines: trimEdges(inlines) });
    loose = [];
  };
  for (const node of container.childNodes) {
    const name = node.nodeType === ELEMENT ? (node.localName ?? '') : '';
    if (!BLOCKS.has(name)) {
      if (node.nodeType === ELEMENT || node.nodeType === TEXT || node.nodeType === CDATA) loose.push(node);
      continue;
    }
    flush();
    if (name === 'p' || name === 'pre') blocks.push({ kind: 'paragraph', inlines: trimEdges(readInlines([...node.childNodes], PLAIN)) });
    else if (/^h[1-6]$/.test(name)) blocks.push({ kind: 'heading', level: Number(name[1]) as 1, inlines: trimEdges(readInlines([...node.childNodes], PLAIN)) });
    else if (name === 'blockquote') blocks.push(...readBlocks(node).map(asQuote));
    else if (name === 'ul' || name === 'ol') blocks.push(readList(node));
    else blocks.push(...readBlocks(node));
  }
  flush();
  return blocks;
}

/** A quote holds text in the editor: each block inside a blockquote becomes a quote. */
function asQuote(block: Block): Block {
  if (block.kind === 'list') return block;
  return { kind: 'quote', inlines: block.inlines };
}

function readList(node: DomNode): ListBlock {
  const items: ListItem[] = [];
  for (const li of elements(node, XHTML_NS).filter((c) => c.localName === 'li')) {
    const parts = [...li.childNodes];
    const isList = (c: DomNode) => c.nodeType === ELEMENT && (c.localName === 'ul' || c.localName === 'ol');
    items.push({ inlines: trimEdges(readInlines(parts.filter((c) => !isList(c)), PLAIN)), sublists: parts.filter(isList).map(readList) });
  }
  return { kind: 'list', ordered: node.localName === 'ol', items };
}

function readInlines(nodes: readonly DomNode[], format: Format): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      out.push(run(node.data ?? node.textContent ?? '', format));
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = node.localName ?? '';
    if (name === 'br') out.push({ kind: 'break' });
    else if (name === 'a' && attr(node, 'href')) {
      const children = readInlines([...node.childNodes], format).flatMap((i) => (i.kind === 'text' ? [i] : i.kind === 'link' ? i.children : []));
      out.push({ kind: 'link', url: attr(node, 'href')!, children });
    } else if (name in FORMAT_OF) out.push(...readInlines([...node.childNodes], { ...format, [FORMAT_OF[name]!]: true }));
    else out.push(...readInlines([...node.childNodes], format));
  }
  return out;
}

/**
 * Indentation that pretty-printing put around a block's text (a newline and spaces) is not text;
 * a newline inside text is a space. Copydesk's own exports have neither (line breaks are <br/>).
 */
function trimEdges(inlines: Inline[]): Inline[] {
  const out = inlines.map((i) => (i.kind === 'text' ? { ...i, text: i.text.replace(/[ \t]*[\r\n][ \t\r\n]*/g, '\n') } : i));
  const first = out[0];
  if (first?.kind === 'text') out[0] = { ...first, text: first.text.replace(/^\n/, '') };
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/\n$/, '') };
  return out.map((i) => (i.kind === 'text' ? { ...i, text: i.text.replaceAll('\n', ' ') } : i));
}
