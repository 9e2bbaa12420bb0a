/**
 * Story → NewsML-G2 2.35 newsItem (power conformance), with the body as XHTML in inlineXML.
 *
 * Built with xmlbuilder2, which escapes every text and attribute value; nothing here is put
 * together as a string. Element order follows the XSD's sequences: catalogRef, catalog,
 * rightsInfo, itemMeta (itemClass, provider, versionCreated, firstCreated, embargoed, pubStatus,
 * link, itemMetaExtProperty), contentMeta (administrative properties — urgency, contentCreated,
 * contentModified, located, creator/contributor — before descriptive ones), contentSet.
 *
 * Where every field goes (the importer `import/formats/newsml.ts` reads the same places back):
 * - headline, slugline, keywords → `headline`, `slugline`, `keyword`; summary → `description
 *   role="drol:summary"`; credit line → `creditline`; genre → `genre`; urgency → `urgency`.
 * - byline → `creator` (writer, photographer, videographer, graphic artist, producer) and
 *   `contributor` (editor, translator), in byline order (the schema lets them interleave), each
 *   with `role="cdrole:…"` and the affiliation as `personDetails/affiliation`. The printed byline
 *   is `by`; with nobody named, the author (the profile name) is the creator.
 * - dateline → the printed line in `dateline` (house style, the story's language), its place in
 *   `located` (NewsML-G2's "location from which the content originates", country as
 *   `broader qcode="iso3166-1a2:XX"`), its date in `contentCreated` (a date, no time) and
 *   `firstCreated` (that day, time unknown), its agency in a Copydesk extension property.
 * - located (where it happened) → `subject type="cpnat:geoArea" id="eventLocation"`; people,
 *   organisations and places → `subject type="cpnat:person|cpnat:organisation|cpnat:geoArea"`
 *   with `name` and the identifier as `uri` (a URI) or `literal`; Media Topics → `subject
 *   type="cpnat:abstract" qcode="medtop:…"` with `name`.
 * - language → `xml:lang` on the item and `language tag`; right-to-left → `dir="rtl"` on the item
 *   and on the XHTML body.
 * - copyright holder and notice, usage terms → `rightsInfo`, from the story or the house settings.
 * - embargo → `embargoed` (the instant, written with its zone's offset).
 * - pictures → `itemMeta/link rel="irel:associatedWith"` references by SHA-256 with size and type;
 *   caption, credit, alt text, usage terms and role in Copydesk elements inside the link (the
 *   standard's own picture item, a packageItem with newsItems for the pictures, is for later).
 * - The editorial note is never published: it is not written at all.
 * The standard has no place for an embargo's IANA zone, a subject's vocabulary release, the
 * dateline's agency as a value, the desk or the target length: these are
 * `itemMetaExtProperty`/`contentMetaExtProperty` with `rel="cdprop:…"`, the standard's own
 * extension mechanism, the `cdprop` scheme declared in an inline catalog.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { parseBody, type Block, type Inline, type ListBlock, type TextRun } from '../../../shared/body.ts';
import { formatByline, formatDateline } from '../../../shared/dateline.ts';
import { isRightToLeft, type Contributor, type ContributorRole, type Place } from '../../../shared/news-item.ts';
import type { Story } from '../../../shared/story.ts';
import type { Entity, EntityKind } from '../../../shared/tagging.ts';
import { oneLine, safeUrl, toLines, xmlChars } from './text.ts';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Copydesk's own elements (picture details inside a link), where the standard allows any namespace. */
export const COPYDESK_NS = 'urn:x-copydesk:newsml-g2:1';
/** The IPTC catalog that defines the `ninat:`, `stat:`, `cpnat:`, `medtop:`… schemes used below. */
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_35.xml';
/** Copydesk's extension properties: `cdprop:embargoTimeZone` expands to this URI + the code. */
export const COPYDESK_PROPERTY_SCHEME = 'urn:x-copydesk:property:';
export const COPYDESK_ROLE_SCHEME = 'urn:x-copydesk:byline-role:';

/** Byline roles a NewsML-G2 `creator` takes; the others are `contributor`s. */
export const CREATOR_ROLES: ReadonlySet<ContributorRole> = new Set(['writer', 'photographer', 'videographer', 'graphic-artist', 'producer']);
/** Role QCodes (Copydesk's `cdrole` scheme: IPTC has no controlled vocabulary of byline roles). */
export const roleQcode = (role: ContributorRole): string => `cdrole:${role}`;
export const ENTITY_TYPES: Readonly<Record<EntityKind, string>> = { person: 'cpnat:person', organisation: 'cpnat:organisation', place: 'cpnat:geoArea' };
/** The local id that marks the located place (where it happened) among the subjects. */
export const EVENT_LOCATION_ID = 'eventLocation';
export const PICTURE_REL = 'irel:associatedWith';

export interface NewsMLOptions {
  /** The organisation distributing the item (itemMeta/provider; copyright holder unless one is given). */
  readonly provider: string;
  /** House defaults for stories that name none. */
  readonly copyrightHolder?: string;
  readonly copyrightNotice?: string;
  readonly usageTerms?: string;
  readonly datelineAgency?: string;
  readonly arabicDigits?: 'latn' | 'arab';
  /** Used only when a story timestamp cannot be read as a date. */
  readonly now: Date;
  /** Whether the story's approval still matches its content (checked by the story service). */
  readonly approvalValid: boolean;
}

/** Collapsed to one line: what the standard types as a normalized string (provider, derived lines). */
const clean = (text: string): string => oneLine(xmlChars(text));
/** One line of element text exactly as typed (the field schemas already keep it on one line). */
const line = (text: string): string => xmlChars(text).replace(/[\r\n]+/g, ' ');
/** An attribute value: XML turns tabs and line breaks in attributes into spaces anyway. */
const attribute = (text: string): string => xmlChars(text).replace(/[\t\r\n]/g, ' ');

export function storyToNewsML(story: Story, options: NewsMLOptions): string {
  const provider = clean(options.provider);
  const headline = line(story.headline);
  const language = story.language;
  const rtl = isRightToLeft(language);

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const item = doc.ele(NAR_NS, 'newsItem', {
    guid: newsItemGuid(story.id),
    version: String(story.revision),
    standard: 'NewsML-G2',
    standardversion: '2.35',
    conformance: 'power',
  });
  if (language) item.att(XML_NS, 'xml:lang', language);
  if (rtl) item.att('dir', 'rtl');
  // Children created without a namespace inherit the parent's (NAR here, XHTML inside <html>).
  item.ele('catalogRef', { href: IPTC_CATALOG });
  appendCopydeskSchemes(item, story);
  appendRights(item.ele('rightsInfo'), story, options, provider);
  appendItemMeta(item.ele('itemMeta'), story, options, provider);
  appendContentMeta(item.ele('contentMeta'), story, options, headline);

  const inline = item.ele('contentSet').ele('inlineXML', { contenttype: 'application/xhtml+xml' });
  const html = inline.ele(XHTML_NS, 'html');
  if (language) html.att('lang', language).att(XML_NS, 'xml:lang', language);
  html.ele('head').ele('title').txt(headline);
  const body = html.ele('body');
  if (rtl) body.att('dir', 'rtl');
  appendBlocks(body, parseBody(story.body).blocks);

  // No pretty printing: indentation would add whitespace inside paragraphs (mixed content).
  return doc.end({ prettyPrint: false });
}

/** Declares Copydesk's own schemes, only those the item uses, so their QCodes resolve. */
function appendCopydeskSchemes(item: XMLBuilder, story: Story): void {
  const properties = story.embargo !== null || story.dateline?.agency || story.subjects.length > 0 || story.desk !== '' || story.targetWords !== null;
  const roles = story.byline.length > 0;
  if (!properties && !roles) return;
  const catalog = item.ele('catalog');
  if (properties) catalog.ele('scheme', { alias: 'cdprop', uri: COPYDESK_PROPERTY_SCHEME });
  if (roles) catalog.ele('scheme', { alias: 'cdrole', uri: COPYDESK_ROLE_SCHEME });
}

function appendRights(rights: XMLBuilder, story: Story, options: NewsMLOptions, provider: string): void {
  const holder = line(story.copyrightHolder) || clean(options.copyrightHolder ?? '') || provider;
  rights.ele('copyrightHolder').ele('name').txt(holder);
  const notice = xmlChars(story.copyrightNotice || options.copyrightNotice || '');
  if (notice) rights.ele('copyrightNotice').txt(notice);
  const terms = xmlChars(story.usageTerms || options.usageTerms || '');
  if (terms) rights.ele('usageTerms').txt(terms);
}

function appendItemMeta(meta: XMLBuilder, story: Story, options: NewsMLOptions, provider: string): void {
  meta.ele('itemClass', { qcode: 'ninat:text' });
  meta.ele('provider', { literal: provider });
  meta.ele('versionCreated').txt(xsDateTime(story.updatedAt, options.now));
  // The day the story was filed (the dateline's date), not the day it was typed in.
  meta.ele('firstCreated').txt(story.dateline ? `${story.dateline.date}T00:00:00` : xsDateTime(story.createdAt, options.now));
  if (story.embargo) meta.ele('embargoed').txt(instantInZone(story.embargo.at, story.embargo.timeZone));
  meta.ele('pubStatus', { qcode: isUsable(story, options.approvalValid) ? 'stat:usable' : 'stat:withheld' });
  for (const picture of story.pictures) {
    const link = meta.ele('link', {
      rel: PICTURE_REL,
      residref: `sha256:${picture.sha256}`,
      contenttype: picture.mediaType,
      size: String(picture.bytes),
    });
    // Link1Type has no width or height: they go with the other picture details.
    const details = link.ele(COPYDESK_NS, 'cd:picture', {
      role: picture.role,
      fileName: attribute(picture.fileName),
      width: String(picture.width),
      height: String(picture.height),
    });
    details.ele(COPYDESK_NS, 'cd:caption').txt(xmlChars(picture.caption));
    details.ele(COPYDESK_NS, 'cd:credit').txt(xmlChars(picture.credit));
    details.ele(COPYDESK_NS, 'cd:altText').txt(xmlChars(picture.altText));
    details.ele(COPYDESK_NS, 'cd:usageTerms').txt(xmlChars(picture.usageTerms));
  }
  if (story.embargo) meta.ele('itemMetaExtProperty', { rel: 'cdprop:embargoTimeZone', value: story.embargo.timeZone });
}

function appendContentMeta(content: XMLBuilder, story: Story, options: NewsMLOptions, headline: string): void {
  if (story.urgency !== null) content.ele('urgency').txt(String(story.urgency));
  content.ele('contentCreated').txt(story.dateline ? story.dateline.date : xsDateTime(story.createdAt, options.now));
  content.ele('contentModified').txt(xsDateTime(story.updatedAt, options.now));
  if (story.dateline) appendPlace(content.ele('located', { type: 'cpnat:geoArea' }), story.dateline.place);
  appendParties(content, story);
  if (story.language) content.ele('language', { tag: story.language });
  if (story.genre) content.ele('genre', { qcode: story.genre });
  for (const keyword of story.keywords) content.ele('keyword').txt(line(keyword));
  for (const subject of story.subjects) content.ele('subject', { type: 'cpnat:abstract', qcode: subject.qcode }).ele('name').txt(line(subject.label));
  if (story.located) appendPlace(content.ele('subject', { type: 'cpnat:geoArea', id: EVENT_LOCATION_ID }), story.located);
  for (const entity of story.entities) appendEntity(content, entity);
  if (story.slugline) content.ele('slugline').txt(story.slugline);
  content.ele('headline').txt(headline);
  if (story.dateline) {
    const style = { agency: clean(options.datelineAgency ?? ''), arabicDigits: options.arabicDigits };
    content.ele('dateline').txt(clean(formatDateline(story.dateline, story.language, style)));
  }
  const by = clean(formatByline(story.byline, story.language));
  if (by) content.ele('by').txt(by);
  if (story.creditLine) content.ele('creditline').txt(line(story.creditLine));
  if (story.summary) content.ele('description', { role: 'drol:summary' }).txt(xmlChars(story.summary));
  const extension = (rel: string, value: string) => content.ele('contentMetaExtProperty', { rel, value });
  if (story.dateline?.agency) extension('cdprop:datelineAgency', attribute(story.dateline.agency));
  for (const subject of story.subjects) {
    content.ele('contentMetaExtProperty', { rel: 'cdprop:vocabularyVersion', qcode: subject.qcode, value: subject.vocabularyVersion });
  }
  if (story.desk) extension('cdprop:desk', attribute(story.desk));
  if (story.targetWords !== null) extension('cdprop:targetWords', String(story.targetWords));
}

/** Byline people in order; with nobody named, the author (the profile name) is the creator. */
function appendParties(content: XMLBuilder, story: Story): void {
  if (story.byline.length === 0) {
    content.ele('creator').ele('name').txt(clean(story.author));
    return;
  }
  for (const person of story.byline) appendParty(content, person);
}

function appendParty(content: XMLBuilder, person: Contributor): void {
  const party = content.ele(CREATOR_ROLES.has(person.role) ? 'creator' : 'contributor', { role: roleQcode(person.role) });
  party.ele('name').txt(line(person.name));
  if (person.affiliation) {
    party.ele('personDetails').ele('affiliation', { type: 'cpnat:organisation' }).ele('name').txt(line(person.affiliation));
  }
}

function appendPlace(el: XMLBuilder, place: Place): void {
  el.ele('name').txt(line(place.name));
  if (place.countryCode) el.ele('broader', { type: 'cptype:country', qcode: `iso3166-1a2:${place.countryCode}` });
}

function appendEntity(content: XMLBuilder, entity: Entity): void {
  const attributes: Record<string, string> = { type: ENTITY_TYPES[entity.kind] };
  if (entity.id) attributes[/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(entity.id) ? 'uri' : 'literal'] = attribute(entity.id);
  content.ele('subject', attributes).ele('name').txt(line(entity.name));
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

/** An instant as xs:dateTime with the offset of `timeZone` at that instant: 2023-04-18T09:00:00+03:00. */
export function instantInZone(at: string, timeZone: string): string {
  const date = new Date(at);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMinutes = Math.round((local - (date.getTime() - date.getUTCMilliseconds())) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const ms = date.getUTCMilliseconds();
  const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`;
  return wall + offset;
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
