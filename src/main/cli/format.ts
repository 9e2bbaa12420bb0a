/**
 * Text for people: the list as aligned lines (the id first, so `cut`/`awk` still work), a story as
 * a labelled block, suggestions as ranked lists. The field labels come from STORY_FIELDS, so a new
 * field shows up in `show` without touching this file (known shapes read better; others as JSON).
 */
import {
  CONTRIBUTOR_ROLE_LABELS,
  URGENCY_MEANINGS,
  languageLabel,
  readingMinutes,
  type Contributor,
  type Dateline,
  type Embargo,
  type Picture,
  type Place,
} from '../../shared/news-item.ts';
import { FIELD_NAMES, STORY_FIELDS, type FieldName } from '../../shared/story-fields.ts';
import { STATUS_LABELS, type Story, type StoryListRow } from '../../shared/story.ts';
import { ENTITY_KIND_LABELS, type Entity, type Subject, type Suggestions } from '../../shared/tagging.ts';

const NONE = '—';

/** `ID  status     updated           words  headline`, and the search snippet under it. */
export function formatRow(row: StoryListRow): string {
  const line = `${row.id}  ${row.status.padEnd(9)}  ${shortTime(row.updatedAt)}  ${String(row.wordCount).padStart(6)}w  ${row.headline || '(no headline)'}\n`;
  if (!row.snippet) return line;
  return `${line}    ${oneLine(row.snippet.replace(/\u0002/g, '[').replace(/\u0003/g, ']'))}\n`;
}

/** Every field of the story, labelled, then its text. */
export function formatStory(story: Story, approvalValid: boolean): string {
  const rows: [string, string][] = [
    ['Id', story.id],
    ['Status', statusLine(story, approvalValid)],
    ['Revision', String(story.revision)],
    ['Author', story.author],
    ['Created', story.createdAt],
    ['Updated', story.updatedAt],
    ['Length', `${story.wordCount} words, ${story.plainText.length} characters, ${readingMinutes(story.wordCount)} min read`],
  ];
  if (story.reviewNote) rows.push(['Review note', `${story.reviewNote.note} (${story.reviewNote.by}, ${story.reviewNote.at})`]);
  if (story.voidedApproval) rows.push(['Voided approval', `${story.voidedApproval.approver}'s approval, voided ${story.voidedApproval.voidedAt} by ${story.voidedApproval.voidedBy}`]);
  for (const name of FIELD_NAMES) {
    if (name === 'body' || name === 'languageSetByPerson') continue;
    rows.push([STORY_FIELDS[name].label, fieldText(story, name)]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const block = rows.map(([label, value]) => `${label.padEnd(width)}  ${indent(value, width + 2)}`).join('\n');
  return `${story.headline || '(no headline)'}\n\n${block}\n\n${story.plainText}\n`;
}

function statusLine(story: Story, approvalValid: boolean): string {
  const label = STATUS_LABELS[story.status];
  if (!story.approval) return label;
  const by = `${story.approval.approver}, ${story.approval.approvedAt}`;
  return approvalValid ? `${label} (${by})` : `${label} (approval no longer matches the text: ${by})`;
}

function fieldText(story: Story, name: FieldName): string {
  switch (name) {
    case 'keywords':
      return list(story.keywords.join(', '));
    case 'byline':
      return list(story.byline.map(contributor).join('; '));
    case 'dateline':
      return story.dateline ? dateline(story.dateline) : NONE;
    case 'located':
      return story.located ? place(story.located) : NONE;
    case 'language':
      return story.language ? `${languageLabel(story.language)} (${story.language})${story.languageSetByPerson ? ', chosen by hand' : ', detected'}` : NONE;
    case 'urgency':
      return story.urgency === null ? NONE : `${story.urgency}: ${URGENCY_MEANINGS[story.urgency] ?? ''}`;
    case 'embargo':
      return story.embargo ? embargo(story.embargo) : NONE;
    case 'subjects':
      return list(story.subjects.map(subject).join('\n'));
    case 'entities':
      return list(story.entities.map(entity).join('\n'));
    case 'pictures':
      return list(story.pictures.map(picture).join('\n'));
    case 'targetWords':
      return story.targetWords === null ? NONE : `${story.targetWords} words (now ${story.wordCount})`;
    default:
      return anyValue(story[name]);
  }
}

function anyValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 0) return NONE;
  return JSON.stringify(value);
}

const list = (text: string) => text || NONE;

function contributor(c: Contributor): string {
  const role = CONTRIBUTOR_ROLE_LABELS[c.role as keyof typeof CONTRIBUTOR_ROLE_LABELS] ?? c.role;
  return `${c.name} (${[role, c.affiliation].filter(Boolean).join(', ')})`;
}

function place(p: Place): string {
  return p.countryCode ? `${p.name} (${p.countryCode})` : p.name;
}

function dateline(d: Dateline): string {
  return `${place(d.place)}, ${d.date}${d.agency ? ` (${d.agency})` : ''}`;
}

function embargo(e: Embargo): string {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(e.at));
  return `until ${e.at} (${local} ${e.timeZone})`;
}

function subject(s: Subject): string {
  return `${s.label} (${s.qcode}, vocabulary ${s.vocabularyVersion})`;
}

function entity(e: Entity): string {
  return `${ENTITY_KIND_LABELS[e.kind]}: ${e.name}${e.id ? ` (${e.id})` : ''}`;
}

function picture(p: Picture): string {
  const details = [p.caption, p.credit && `credit: ${p.credit}`, p.altText && `alt: ${p.altText}`, p.usageTerms && `terms: ${p.usageTerms}`].filter(Boolean);
  return `${p.role}: ${p.fileName}, ${p.width}×${p.height}, ${p.mediaType}, sha256 ${p.sha256.slice(0, 12)}…${details.length ? ` — ${details.join('; ')}` : ''}`;
}

/** Subjects, names and keywords, best first; scores to two decimals, with what led to each. */
export function formatSuggestions(s: Suggestions): string {
  const out = ['Subjects'];
  if (s.subjects.length === 0) out.push(`  ${NONE}`);
  for (const t of s.subjects) out.push(`  ${t.score.toFixed(2)}  ${t.label} (${t.qcode})${why(t.why)}`);
  out.push('People, organisations, places');
  if (s.entities.length === 0) out.push(`  ${NONE}`);
  for (const e of s.entities) out.push(`  ${e.score.toFixed(2)}  ${ENTITY_KIND_LABELS[e.kind]}: ${e.name}${e.id ? ` (${e.id})` : ''}${why(e.why)}`);
  out.push('Keywords', `  ${s.keywords.join(', ') || NONE}`);
  return `${out.join('\n')}\n`;
}

function why(words: readonly string[]): string {
  return words.length ? ` — ${words.join(', ')}` : '';
}

function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function indent(text: string, by: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(by)}`);
}
