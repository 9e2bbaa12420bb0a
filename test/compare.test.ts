import { describe, expect, it } from 'vitest';
import { compareFields, diffStats, diffText } from '../src/shared/compare.ts';
import type { Story } from '../src/shared/story.ts';
import { emptyContent } from '../src/shared/story-fields.ts';

const story = (over: Partial<Story>): Story => ({
  ...emptyContent(),
  id: '01JD0000000000000000000000',
  headline: 'H',
  body: '{}',
  plainText: '',
  wordCount: 1,
  keywords: [],
  status: 'draft',
  revision: 1,
  author: 'A',
  createdAt: '',
  updatedAt: '',
  approval: null,
  voidedApproval: null,
  reviewNote: null,
  ...over,
});

describe('comparing revisions', () => {
  it('diffs text word by word', () => {
    const parts = diffText('Baku blames Iran for the attack.', 'Baku blames Tehran for the deadly attack.');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Iran' },
      { kind: 'added', text: 'Tehran' },
      { kind: 'added', text: 'deadly ' },
    ]);
    expect(diffStats(parts)).toEqual({ added: 2, removed: 1 });
  });

  it('diffs Hebrew and Arabic by whole words', () => {
    const parts = diffText('שר החוץ נחת בבאקו', 'שר החוץ נחת היום בבאקו');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['היום']);
    const arabic = diffText('وزير الخارجية في باكو', 'وزير الخارجية وصل إلى باكو');
    expect(arabic.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['في']);
  });

  it('lists metadata field by field, marking what changed', () => {
    const rows = compareFields(story({ keywords: ['Iran'] }), story({ keywords: ['Iran', 'Israel'], status: 'in_review' }));
    expect(rows.filter((r) => r.changed)).toEqual([
      { field: 'Keywords', before: 'Iran', after: 'Iran, Israel', changed: true },
      { field: 'Status', before: 'Draft', after: 'In review', changed: true },
    ]);
  });
});
