/**
 * Comparing two versions of a story: a word-level diff of the text and a field-by-field diff of the
 * metadata. Pure, so the revisions panel and the tests share it.
 */
import { diffWordsWithSpace } from 'diff';
import { STATUS_LABELS, type Story } from './story.ts';

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

/** The metadata a reader cares about, one row per field, in a fixed order. */
export function compareFields(before: Story, after: Story): FieldChange[] {
  const rows: [string, string, string][] = [
    ['Headline', before.headline, after.headline],
    ['Keywords', before.keywords.join(', '), after.keywords.join(', ')],
    ['Status', STATUS_LABELS[before.status], STATUS_LABELS[after.status]],
    ['Words', String(before.wordCount), String(after.wordCount)],
    ['Approval', approvalText(before), approvalText(after)],
    ['Author', before.author, after.author],
    ['Revision', String(before.revision), String(after.revision)],
  ];
  return rows.map(([field, b, a]) => ({ field, before: b, after: a, changed: a !== b }));
}

function approvalText(story: Story): string {
  return story.approval ? `Approved by ${story.approval.approver}` : '—';
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
