/**
 * Comparing two versions of a story: a word-level diff of the text and a field-by-field diff of the
 * metadata. Pure, so the revisions panel and the tests share it.
 */
import { diffWordsWithSpace } from 'diff';
import { inlineText, parseBody, type BodyDocument, type Inline, type ListBlock } from './body.ts';
import { CONTRIBUTOR_ROLE_LABELS, URGENCY_MEANINGS, languageLabel } from './news-item.ts';
import { FIELD_NAMES, STORY_FIELDS, type FieldName, type StoryContent } from './story-fields.ts';
import { STATUS_LABELS, type Story } from './story.ts';
import { ENTITY_KIND_LABELS } from './tagging.ts';

export type DiffPart = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

/** Word-level diff of `before` → `after`. Works for any script: words are runs of letters and marks. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

/** How each field reads in Compare. Typed by the field table: a new field must say how it shows. */
const SHOW: { readonly [K in Exclude<FieldName, 'body'>]: (value: StoryContent[K]) => string } = {
  headline: (v) => v,
  keywords: (v) => v.join(', '),
  slugline: (v) => v,
  summary: (v) => v,
  byline: (v) => v.map((c) => `${c.name} (${CONTRIBUTOR_ROLE_LABELS[c.role]}${c.affiliation ? `, ${c.affiliation}` : ''})`).join('; '),
  dateline: (v) => (v ? `${place(v.place)}, ${v.date}${v.agency ? ` (${v.agency})` : ''}` : ''),
  located: (v) => (v ? place(v) : ''),
  language: (v) => (v ? `${languageLabel(v)} (${v})` : ''),
  languageSetByPerson: (v) => (v ? 'Chosen by hand' : 'Detected'),
  genre: (v) => v ?? '',
  urgency: (v) => (v === null ? '' : `${v} — ${URGENCY_MEANINGS[v]}`),
  subjects: (v) => v.map((s) => `${s.label} (${s.qcode})`).join(', '),
  entities: (v) => v.map((e) => `${ENTITY_KIND_LABELS[e.kind]}: ${e.name}`).join(', '),
  creditLine: (v) => v,
  copyrightHolder: (v) => v,
  copyrightNotice: (v) => v,
  usageTerms: (v) => v,
  embargo: (v) => (v ? `${v.at} (${v.timeZone})` : ''),
  pictures: (v) => v.map((p) => `${p.fileName}${p.role === 'lead' ? ' (lead)' : ''}: ${p.caption || 'no caption'} — ${p.credit || 'no credit'}`).join('; '),
  editorialNote: (v) => v,
  desk: (v) => v,
  targetWords: (v) => (v === null ? '' : `${v} words`),
};
const place = (p: { name: string; countryCode?: string }) => `${p.name}${p.countryCode ? ` (${p.countryCode})` : ''}`;

/** Every field of the story, one row each in the field table's order, then what Copydesk keeps. */
export function compareFields(before: Story, after: Story): FieldChange[] {
  const rows: [string, string, string][] = [];
  for (const name of FIELD_NAMES) {
    if (name === 'body') continue;
    const show = SHOW[name] as (value: unknown) => string;
    rows.push([STORY_FIELDS[name].label, show(before[name]), show(after[name])]);
  }
  rows.push(
    ['Status', STATUS_LABELS[before.status], STATUS_LABELS[after.status]],
    ['Words', String(before.wordCount), String(after.wordCount)],
    ['Approval', approvalText(before), approvalText(after)],
    ['Author', before.author, after.author],
    ['Revision', String(before.revision), String(after.revision)]
  );
  return rows.map(([field, b, a]) => ({ field, before: b, after: a, changed: a !== b }));
}

function approvalText(story: Story): string {
  return story.approval ? `Approved by ${story.approval.approver}` : '—';
}

/**
 * Changes to the body that are not words: formatting (bold, italic…), link targets and block
 * kinds (a paragraph made a heading). A change like these voids an approval just as a new word does,
 * so Compare names them: "Bold added: “Baku”", "Link changed: “embassy” → https://…".
 */
export function formattingChanges(beforeBody: string, afterBody: string): string[] {
  const a = marks(parseBody(beforeBody));
  const b = marks(parseBody(afterBody));
  const out: string[] = [];
  const key = (m: Mark) => `${m.what}\u0000${m.text}`;
  const before = new Map(a.map((m) => [key(m), m]));
  const after = new Map(b.map((m) => [key(m), m]));
  for (const [k, m] of after) {
    const old = before.get(k);
    if (!old) out.push(`${m.what} added: “${m.text}”${m.url ? ` → ${m.url}` : ''}`);
    else if (old.url !== m.url) out.push(`Link changed: “${m.text}” ${old.url} → ${m.url}`);
  }
  for (const [k, m] of before) if (!after.has(k)) out.push(`${m.what} removed: “${m.text}”`);
  return out;
}

interface Mark {
  readonly what: string;
  readonly text: string;
  readonly url?: string;
}

function marks(doc: BodyDocument): Mark[] {
  const out: Mark[] = [];
  const runs = (inlines: readonly Inline[]) => {
    for (const i of inlines) {
      if (i.kind === 'link') {
        out.push({ what: 'Link', text: inlineText(i.children), url: i.url });
        runs(i.children);
      } else if (i.kind === 'text' && i.text.trim()) {
        const styles = [i.bold && 'Bold', i.italic && 'Italic', i.underline && 'Underline', i.strikethrough && 'Strikethrough', i.code && 'Code'];
        for (const s of styles) if (s) out.push({ what: s, text: i.text.trim() });
      }
    }
  };
  const list = (l: ListBlock) => {
    for (const item of l.items) {
      out.push({ what: l.ordered ? 'Numbered list' : 'Bulleted list', text: inlineText(item.inlines).trim() });
      runs(item.inlines);
      item.sublists.forEach(list);
    }
  };
  for (const block of doc.blocks) {
    if (block.kind === 'list') list(block);
    else {
      if (block.kind !== 'paragraph') {
        out.push({ what: block.kind === 'heading' ? `Heading ${block.level}` : 'Quote', text: inlineText(block.inlines).trim() });
      }
      runs(block.inlines);
    }
  }
  return out;
}

/** How much changed: counts of added and removed words, for a one-line summary. */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (t: string) => t.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += words(p.text);
    if (p.kind === 'removed') removed += words(p.text);
  }
  return { added, removed };
}
