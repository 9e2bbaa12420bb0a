/**
 * Migration 5 (compressed bodies, a contentless search index) on a library written by version 4:
 * every story is kept byte for byte, and search, snippets, trash, purge and the deferred indexing
 * of autosaves all work on the upgraded library.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { HIT_END, HIT_START } from '../../src/shared/search-text.ts';
import { openDatabase, userVersion } from '../../src/main/services/storage/database.ts';
import { MIGRATIONS } from '../../src/main/services/storage/migrations.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';
import { steppingClock, useTempDir } from '../helpers.ts';
import { writeLegacyStory } from './legacy-library.ts';

const tempDir = useTempDir();
const mark = (s: string | null) => (s ?? '').replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
const LONG = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: the coalition met the finance committee again on Tuesday.`);

function version4Library() {
  const path = join(tempDir(), 'v4.db');
  const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
  expect(userVersion(v4)).toBe(4);
  const written = [
    writeLegacyStory(v4, { id: '01JD0000000000000000000001', headline: 'Cohen lands in Baku', paragraphs: ['The plane landed.'], keywords: ['Iran'], revision: true }),
    writeLegacyStory(v4, { id: '01JD0000000000000000000002', headline: 'שָׁלוֹם בירושלים', paragraphs: ['הממשלה התכנסה היום.'], keywords: ['פוליטיקה'] }),
    writeLegacyStory(v4, { id: '01JD0000000000000000000003', headline: 'Budget talks', paragraphs: LONG, keywords: ['Economy'] }),
    writeLegacyStory(v4, { id: '01JD0000000000000000000004', headline: 'Zeppelin sighted', paragraphs: ['Over the Negev.'], deletedAt: '2026-01-02T09:00:00.000Z' }),
  ];
  // An autosave whose search entry was deferred: the index still holds the old text.
  const saved = bodyFromParagraphs(['The plane landed in Ganja.']);
  v4.prepare("UPDATE stories SET body = ?, plain_text = 'The plane landed in Ganja.' WHERE id = ?").run(saved, written[0].id);
  v4.prepare('INSERT INTO story_search_pending (story_rowid) SELECT rowid FROM stories WHERE id = ?').run(written[0].id);
  v4.close();
  return { path, written: written.map((s, i) => (i === 0 ? { ...s, body: saved, plainText: 'The plane landed in Ganja.' } : s)) };
}

describe('migration 5 (compressed bodies, contentless search index) on a library written by version 4', () => {
  it('keeps every story as it was, body included', () => {
    const { path, written } = version4Library();
    const db = openDatabase(path);
    const stories = createStoryService({ db });
    expect(userVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    for (const story of written.slice(0, 3)) {
      const now = stories.get(story.id);
      expect(now.body).toBe(story.body);
      expect(now.headline).toBe(story.headline);
      expect(now.keywords).toEqual(story.keywords);
      expect(now.wordCount).toBe(story.wordCount);
    }
    expect(stories.trash().map((t) => t.headline)).toEqual(['Zeppelin sighted']);
    expect(stories.revisions(written[0].id)).toHaveLength(1);
    db.close();
  });

  it('stores the body compressed and the search index without its own copy of the text', () => {
    const { path, written } = version4Library();
    const db = openDatabase(path);
    const stored = db.prepare('SELECT typeof(body) AS type, length(body) AS bytes FROM stories WHERE id = ?').get(written[2].id) as { type: string; bytes: number };
    expect(stored.type).toBe('blob');
    expect(stored.bytes).toBeLessThan(Buffer.byteLength(written[2].body) / 3);
    const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'story_search'").get() as { sql: string }).sql;
    expect(sql).toMatch(/content\s*=\s*''/);
    expect(sql).toMatch(/contentless_delete\s*=\s*1/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'story_search_content'").get()).toBeUndefined();
    // The space the old copies took is given back (VACUUM after the migration), not kept as free pages.
    expect(db.prepare('PRAGMA freelist_count').get()).toEqual({ freelist_count: 0 });
    db.exec("INSERT INTO story_search (story_search) VALUES ('integrity-check')");
    db.close();
  });

  it('searches the upgraded library: words, diacritics, snippets, and the text of a deferred autosave', () => {
    const { path, written } = version4Library();
    const db = openDatabase(path);
    const stories = createStoryService({ db });
    expect(stories.list({ query: 'ganja' }).map((r) => r.id)).toEqual([written[0].id]);
    expect(stories.count({ query: 'plane' })).toBe(1);
    expect(stories.list({ query: 'שלום' }).map((r) => r.id)).toEqual([written[1].id]);
    expect(stories.list({ query: '"finance committee"' }).map((r) => r.id)).toEqual([written[2].id]);
    expect(mark(stories.list({ query: 'gan' })[0].snippet)).toBe('The plane landed in [Ganja].');
    expect(stories.list({ query: 'zeppelin' })).toEqual([]); // in the trash
    db.close();
  });

  it('keeps the index right through later saves, trash, restore and purge', () => {
    const { path, written } = version4Library();
    const db = openDatabase(path);
    const stories = createStoryService({ db, now: steppingClock() });
    const budget = stories.get(written[2].id);
    stories.save({ id: budget.id, baseRevision: budget.revision, headline: budget.headline, body: bodyFromParagraphs(['Agreed after midnight.']), keywords: ['Economy'] }, 'R');
    expect(stories.list({ query: 'midnight' }).map((r) => r.id)).toEqual([budget.id]);
    expect(stories.list({ query: 'coalition' })).toEqual([]); // the old text left the index
    stories.restoreFromTrash(written[3].id, 'R');
    expect(stories.list({ query: 'zeppelin' }).map((r) => r.id)).toEqual([written[3].id]);
    stories.delete(written[3].id, 'R');
    expect(stories.count({ query: 'zeppelin' })).toBe(0);
    stories.emptyTrash('R');
    expect(stories.count({ query: 'negev' })).toBe(0);
    expect(stories.count({})).toBe(3);
    db.exec("INSERT INTO story_search (story_search) VALUES ('integrity-check')");
    db.close();
  });
});
