/**
 * People, organisations and places named in a story, as suggestions (nothing is applied without
 * the person).
 *
 * - **Every language:** entities already used in the library are found in the text (folded, and
 *   for Hebrew and Arabic also behind an attached prefix: "ובנתניהו" finds נתניהו). They score
 *   highest: the newsroom has confirmed them before.
 * - **English:** `wink-nlp` with `wink-eng-lite-web-model` tags parts of speech, but its named
 *   entities are only dates, numbers, money and the like (no people, organisations or places). So
 *   names are found as runs of proper nouns ("Court of Arbitration for Sport" kept whole), then
 *   typed by evidence: the gazetteer (countries and cities with ISO codes) for places, a title
 *   before the name ("Prime Minister", "Dr") or a reporting verb after it for people, a typical
 *   last or first word ("Ministry", "Forces", "Inc.", "Bank of …") or an acronym for
 *   organisations. A two- or three-word name with no other evidence is taken for a person, with a
 *   lower score; a lone surname joins the full name met earlier.
 */
import { createRequire } from 'node:module';
import type { Entity, EntityKind, EntitySuggestion } from '../../../shared/tagging.ts';
import { placesNamed } from './gazetteer.ts';
import { countPhrases } from './text.ts';

/** An entity the library already uses, with how many stories carry it (optional). */
export interface KnownEntity extends Entity {
  readonly stories?: number;
}

export interface EntityInput {
  readonly text: string;
  /** The text's English tokens when already tagged (`englishTokens`), so it is read once. */
  readonly tokens?: readonly Token[];
  /** BCP 47; English NER runs for `en…` (or when unknown). */
  readonly language?: string | null;
  readonly known?: readonly KnownEntity[];
}

const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor president vice prime minister ministers secretary senator sen rep representative ' +
    'governor gov mayor judge justice chief general gen colonel col major maj lieutenant lt captain capt sergeant sgt ' +
    'commander admiral rabbi rav sheikh imam bishop archbishop cardinal father pope king queen prince princess emperor ' +
    'sultan emir ambassador chancellor speaker chairman chairwoman chair ceo coach sir dame lord lady mk'
  ).split(' ')
);
const ORG_LAST = new Set(
  (
    'ministry ministries council party inc inc. corp corp. corporation ltd ltd. llc plc co co. company group bank university ' +
    'college school academy institute agency authority forces force army navy police court tribunal commission committee ' +
    'association union federation league club foundation fund organization organisation office service services department ' +
    'parliament senate congress assembly knesset cabinet airlines airways news times post press network broadcasting ' +
    'hospital center centre council movement front brigade brigades guard board bureau exchange trust alliance coalition'
  ).split(' ')
);
const ORG_FIRST = new Set('ministry bank university court department office council federation association institute'.split(' '));
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'van', 'von', 'al', 'bin', 'ibn', 'la', 'le']);
const REPORTING = new Set(['said', 'says', 'told', 'added', 'wrote', 'argued', 'announced', 'declared', 'insisted', 'warned', 'explained']);
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' ')
);
const SENTENCE_END = new Set(['.', '!', '?', '--', '—', '"', '“', '”', ':', '(', ')']);

const requireWink = createRequire(import.meta.url);
type WinkNLP = typeof import('wink-nlp').default;
type Nlp = ReturnType<WinkNLP>;
let nlp: Nlp | null = null;
/**
 * The English model, required on first use rather than imported: loading wink-nlp and its model
 * takes a third of a second, which the app's start should not pay.
 */
function english(): Nlp {
  if (!nlp) {
    const winkNLP = requireWink('wink-nlp') as WinkNLP;
    const model = requireWink('wink-eng-lite-web-model') as Parameters<WinkNLP>[0];
    nlp = winkNLP(model, ['sbd', 'pos']);
  }
  return nlp;
}

interface Found {
  kind: EntityKind;
  name: string;
  id?: string;
  mentions: number;
  strength: number;
  why: string[];
}

export function findEntities(input: EntityInput): EntitySuggestion[] {
  const found = new Map<string, Found>();
  const key = (kind: EntityKind, name: string) => `${kind}\u0000${name.toLowerCase()}`;
  for (const entity of findKnown(input.text, input.known ?? [])) found.set(key(entity.kind, entity.name), entity);
  const language = (input.language ?? 'en').toLowerCase();
  if (language.startsWith('en')) {
    for (const entity of findEnglish(input.tokens ?? englishTokens(input.text))) {
      const existing = found.get(key(entity.kind, entity.name));
      if (existing) existing.why = [...new Set([...existing.why, ...entity.why])].slice(0, 4);
      else found.set(key(entity.kind, entity.name), entity);
    }
  }
  return [...found.values()]
    .map((f) => ({ ...f, score: Math.round((f.strength + 0.1 * Math.log2(1 + f.mentions)) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map(({ kind, name, id, score, why }) => (id ? { kind, name, id, score, why } : { kind, name, score, why }));
}

/** Library entities present in the text. */
function findKnown(text: string, known: readonly KnownEntity[]): Found[] {
  if (known.length === 0) return [];
  const counts = countPhrases(text, new Set(known.map((e) => e.name)));
  const out: Found[] = [];
  for (const entity of known) {
    const mentions = counts.get(entity.name);
    if (!mentions) continue;
    const used = entity.stories ? `used in ${entity.stories} ${entity.stories === 1 ? 'story' : 'stories'}` : 'used in the library';
    out.push({ kind: entity.kind, name: entity.name, id: entity.id, mentions, strength: 1, why: [used, mentionText(mentions)] });
  }
  return out;
}

function mentionText(n: number): string {
  return n === 1 ? 'mentioned once' : `mentioned ${n} times`;
}

/** A word or punctuation mark with its part of speech (Universal POS tags: PROPN, NOUN, VERB…). */
export interface Token {
  readonly text: string;
  readonly pos: string;
}

/** English text as tagged tokens (wink-nlp). */
export function englishTokens(text: string): Token[] {
  const doc = english().readDoc(text);
  const its = english().its;
  const texts = doc.tokens().out();
  const pos = doc.tokens().out(its.pos);
  return texts.map((t, i) => ({ text: t, pos: pos[i] ?? '' }));
}

/** Runs of name-like tokens, with the token before and after each. */
function nameSpans(tokens: readonly Token[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const nameLike = (i: number): boolean => {
    const t = tokens[i];
    if (!t || !/^\p{Lu}/u.test(t.text) || CALENDAR.has(t.text.toLowerCase())) return false;
    if (t.pos === 'PROPN') return true;
    const before = tokens[i - 1];
    const sentenceStart = !before || SENTENCE_END.has(before.text);
    return !sentenceStart && (t.pos === 'NOUN' || t.pos === 'VERB' || t.pos === 'ADJ');
  };
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (nameLike(end)) end++;
      else if (CONNECTORS.has(tokens[end]?.text ?? '') && nameLike(end + 1)) end += 2;
      else break;
    }
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

function findEnglish(tokens: readonly Token[]): Found[] {
  const found = new Map<string, Found>();
  const people: Found[] = [];
  const add = (entity: Omit<Found, 'mentions'>) => {
    const k = `${entity.kind}\u0000${entity.name.toLowerCase()}`;
    const existing = found.get(k);
    if (existing) {
      existing.mentions++;
      existing.strength = Math.max(existing.strength, entity.strength);
      existing.why = [...new Set([...existing.why.filter((w) => !w.startsWith('mentioned')), ...entity.why])];
    } else {
      const created = { ...entity, mentions: 1 };
      found.set(k, created);
      if (created.kind === 'person') people.push(created);
    }
  };
  const singles: { name: string; after: Token | undefined }[] = [];

  for (const span of nameSpans(tokens)) {
    let parts = tokens.slice(span.start, span.end).map((t) => t.text);
    const after = tokens[span.end];
    // Split at titles: "U.S. Secretary of State Antony Blinken" → U.S. (classified on its own) and Antony Blinken, a person.
    const lastTitle = findLastIndex(parts, (p) => TITLES.has(p.toLowerCase().replace(/\.$/, '')));
    if (lastTitle >= 0) {
      const firstTitle = parts.findIndex((p) => TITLES.has(p.toLowerCase().replace(/\.$/, '')));
      const before = parts.slice(0, firstTitle);
      const title = parts.slice(firstTitle, lastTitle + 1).filter((p) => !CONNECTORS.has(p));
      let person = parts.slice(lastTitle + 1);
      // "Secretary of State Antony Blinken", "Minister for Foreign Affairs Dana Levi": the title goes on past "of".
      while (person.length > 2 && CONNECTORS.has(person[0]!)) person = person.slice(person.length > 3 && person[2] === 'Affairs' ? 3 : 2);
      if (person.length > 0 && person.length <= 4 && !ORG_LAST.has(person.at(-1)!.toLowerCase())) {
        add({ kind: 'person', name: person.join(' '), strength: 0.9, why: [`title: ${title.join(' ')}`] });
        parts = before;
      } else {
        // "Prime Minister's Office", "Ministry of Defense": the title words are part of a name.
        parts = before.length > 0 && person.length === 0 ? before : parts;
      }
      if (parts.length === 0) continue;
    }
    const name = parts.join(' ').replace(/['’]s$/, '');
    const classified = classify(parts, after);
    if (classified) add({ ...classified, name: classified.name ?? name });
    else if (parts.length === 1) singles.push({ name, after });
  }
  // A lone surname after the full name: "Netanyahu" joins "Benjamin Netanyahu".
  for (const single of singles) {
    const person = people.find((p) => p.name.split(' ').at(-1) === single.name);
    if (person) person.mentions++;
    else if (single.after && REPORTING.has(single.after.text.toLowerCase())) {
      add({ kind: 'person', name: single.name, strength: 0.5, why: [`followed by "${single.after.text}"`] });
    }
  }
  for (const f of found.values()) f.why = [...f.why, mentionText(f.mentions)];
  return [...found.values()];
}

/** The kind of a name, with the evidence; `name` when the gazetteer spells it canonically. */
function classify(parts: readonly string[], after: Token | undefined): (Omit<Found, 'mentions' | 'name'> & { name?: string }) | null {
  const name = parts.join(' ');
  const last = parts.at(-1)!.toLowerCase();
  const first = parts[0]!.toLowerCase();
  if (ORG_LAST.has(last) || (parts.length > 1 && ORG_FIRST.has(first))) {
    return { kind: 'organisation', strength: 0.8, why: [`"${ORG_LAST.has(last) ? parts.at(-1) : parts[0]}" names an organisation`] };
  }
  const places = placesNamed(name);
  if (places[0]?.type === 'country') {
    const country = places[0];
    return { kind: 'place', name: country.name, id: country.countryCode, strength: 0.8, why: [`country in the gazetteer (${country.countryCode})`] };
  }
  // NATO, IDF, TPS: an acronym, even where a village somewhere has that name.
  if (parts.length === 1 && /^\p{Lu}{2,6}$/u.test(name)) return { kind: 'organisation', strength: 0.6, why: ['acronym'] };
  if (places.length > 0) {
    const countries = [...new Set(places.map((p) => p.countryName))];
    return { kind: 'place', name: places[0]!.name, strength: 0.7, why: [`city in the gazetteer (${countries.slice(0, 3).join(', ')}${countries.length > 3 ? '…' : ''})`] };
  }
  if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^\p{Lu}\p{Ll}/u.test(p))) {
    if (after && REPORTING.has(after.text.toLowerCase())) return { kind: 'person', strength: 0.7, why: [`followed by "${after.text}"`] };
    return { kind: 'person', strength: 0.5, why: ['a name of two or three words'] };
  }
  return null;
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
