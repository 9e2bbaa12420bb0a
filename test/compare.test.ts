import { describe, expect, it } from 'vitest';
import { compareFields, diffStats, diffText, formattingChanges } from '../src/shared/compare.ts';
import { bodyJson, paragraphNode, textNode } from '../src/shared/body.ts';
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

  it('compares every news-item field in plain words', () => {
    const before = story({});
    const after = story({
      slugline: 'AZERBAIJAN-ISRAEL',
      byline: [{ name: 'Pesach Benson', role: 'writer', affiliation: 'TPS' }],
      dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
      urgency: 3,
      subjects: [{ qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: '2023-03-31' }],
      embargo: { at: '2023-04-18T03:00:00.000Z', timeZone: 'Asia/Jerusalem' },
      editorialNote: 'Check the name.',
    });
    const changed = Object.fromEntries(compareFields(before, after).filter((r) => r.changed).map((r) => [r.field, r.after]));
    expect(changed).toEqual({
      Slugline: 'AZERBAIJAN-ISRAEL',
      Byline: 'Pesach Benson (Writer, TPS)',
      Dateline: 'Jerusalem (IL), 2023-04-18 (TPS)',
      Urgency: '3 — Urgent',
      Subjects: 'politics (medtop:11000000)',
      Embargo: '2023-04-18T03:00:00.000Z (Asia/Jerusalem)',
      'Editorial note': 'Check the name.',
    });
  });

  it('names formatting, link and block changes that leave the words alone', () => {
    const plain = bodyJson([paragraphNode([textNode('Cohen flew to '), { type: 'link', url: 'https://example.org/a', children: [textNode('Baku')] }, textNode('.')])]);
    const bold = bodyJson([paragraphNode([textNode('Cohen flew to '), { type: 'link', url: 'https://example.org/b', children: [textNode('Baku', 1)] }, textNode('.')])]);
    expect(diffStats(diffText('Cohen flew to Baku.', 'Cohen flew to Baku.'))).toEqual({ added: 0, removed: 0 });
    expect(formattingChanges(plain, bold)).toEqual(['Link changed: “Baku” https://example.org/a → https://example.org/b', 'Bold added: “Baku”']);
    const heading = bodyJson([{ type: 'heading', tag: 'h2', children: [textNode('Cohen flew to Baku.')] }]);
    const paragraph = bodyJson([paragraphNode([textNode('Cohen flew to Baku.')])]);
    expect(formattingChanges(paragraph, heading)).toEqual(['Heading 2 added: “Cohen flew to Baku.”']);
    expect(formattingChanges(heading, heading)).toEqual([]);
  });
});
