/** The renderer's side of importing files: batching within the call's limits, base64, and the summary's values. */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_BYTES, importFilesInputSchema } from '../../src/shared/import.ts';
import { bytesToBase64, FILES_PER_BATCH, planImport } from '../../src/renderer/src/features/import/batches.ts';
import { fieldValue } from '../../src/renderer/src/features/import/fieldValue.ts';
import type { Story } from '../../src/shared/story.ts';

const file = (name: string, size: number) => ({ name, size });

describe('planImport', () => {
  it('keeps every file, in order, in batches of at most FILES_PER_BATCH', () => {
    const files = Array.from({ length: 12 }, (_, i) => file(`f${i}.txt`, 1000));
    const { batches, refused } = planImport(files);
    expect(refused).toEqual([]);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
    expect(batches.flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(FILES_PER_BATCH).toBe(5);
  });

  it('starts a new batch before the call would carry more than its byte limit', () => {
    const big = Math.floor(MAX_IMPORT_BYTES * 0.9);
    const files = [file('a.docx', big), file('b.docx', big), file('c.docx', big)];
    const { batches } = planImport(files);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      const encoded = batch.reduce((n, f) => n + Math.ceil(f.size / 3) * 4, 0);
      expect(encoded).toBeLessThanOrEqual((MAX_IMPORT_BATCH_BYTES / 3) * 4 + 4);
    }
    expect(batches.flat()).toHaveLength(3);
  });

  it('refuses a file over the size limit before reading it, and still sends the others', () => {
    const { batches, refused } = planImport([file('huge.txt', MAX_IMPORT_BYTES + 1), file('ok.txt', 10)]);
    expect(batches).toEqual([[file('ok.txt', 10)]]);
    expect(refused).toEqual([{ ok: false, file: 'huge.txt', message: expect.stringMatching(/at most 20 MB/) }]);
  });
});

describe('bytesToBase64', () => {
  it('matches Node’s base64 for bytes past one chunk, and passes the contract’s check', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(importFilesInputSchema.safeParse({ files: [{ name: 'x.txt', data: encoded }] }).success).toBe(true);
  });
});

describe('fieldValue', () => {
  const story = {
    byline: [{ name: 'Pesach Benson', role: 'writer' }, { name: 'Yosef Mizrahi', role: 'photographer' }],
    dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
    creditLine: 'TPS',
    headline: 'A headline',
    urgency: 4,
    subjects: [{ qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: 'x' }],
  } as unknown as Story;
  it('says each recognised field in a few words', () => {
    expect(fieldValue(story, 'byline')).toBe('Pesach Benson, Yosef Mizrahi (photographer)');
    expect(fieldValue(story, 'dateline')).toBe('Jerusalem, 2023-04-18 (TPS)');
    expect(fieldValue(story, 'creditLine')).toBe('TPS');
    expect(fieldValue(story, 'urgency')).toBe('4');
    expect(fieldValue(story, 'subjects')).toBe('politics');
  });
  it('clips long values', () => {
    expect(fieldValue({ ...story, headline: 'x'.repeat(500) } as Story, 'headline')).toHaveLength(120);
  });
});
