import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { HIT_END, HIT_START } from '../../src/shared/search-text.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { MIGRATIONS } from '../../src/main/services/storage/migrations.ts';
import { REVISION_INTERVAL_MS, createStoryService } from '../../src/main/services/story-service.ts';
import { useTempDir } from '../helpers.ts';
import { writeLegacyStory } from './legacy-library.ts';

const tempDir = useTempDir();
const reporter: Profile = { name: 'Pesach Benson', role: 'reporter' };
const editor: Profile = { name: 'Desk Editor', role: 'editor' };

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 10, 27, 9, 0, 0)) {
  let t = start;
  const clock = () => new Date(t);
  clock.advance = (ms: number) => (t += ms);
  return clock;
}

function setup() {
  const clock = manualClock();
  const db = openDatabase(join(tempDir(), 'library.db'));
  const stories = createStoryService({ db, now: clock, device: 'laptop-7' });
  const write = (headline: string, paragraphs: string[], keywords: string[] = []) => {
    const s = stories.create(reporter.name);
    clock.advance(1000);
    return stories.save({ id: s.id, baseRevision: 1, headline, body: bodyFromParagraphs(paragraphs), keywords }, reporter.name);
  };
  return { db, stories, clock, write };
}

const mark = (s: string | null) => (s ?? '').replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');

describe('revisions', () => {
  it('keeps a revision on an explicit save, with author, device, time and reason', () => {
    const { stories, write } = setup();
    const s = write('Cohen in Baku', ['First draft.']);
    const saved = stories.save({ id: s.id, baseRevision: s.revision, headline: s.headline, body: s.body, keywords: [], checkpoint: true }, reporter.name);
    const [rev] = stories.revisions(s.id);
    expect(rev).toMatchObject({ reason: 'manual', author: 'Pesach Benson', device: 'laptop-7', storyRevision: saved.revision, headline: 'Cohen in Baku' });
    expect(stories.revision(rev.id).story).toEqual(saved);
  });

  it('does not multiply revisions for autosaves or repeated checkpoints', () => {
    const { stories, write, clock } = setup();
    let s = write('H', ['a']);
    for (let i = 0; i < 20; i++) {
      clock.advance(5_000);
      s = stories.save({ id: s.id, baseRevision: s.revision, headline: 'H', body: bodyFromParagraphs([`a ${i}`]), keywords: [] }, reporter.name);
    }
    expect(stories.revisions(s.id)).toHaveLength(0);
    stories.save({ id: s.id, baseRevision: s.revision, headline: 'H', body: s.body, keywords: [], checkpoint: true }, reporter.name);
    stories.save({ id: s.id, baseRevision: s.revision, headline: 'H', body: s.body, keywords: [], checkpoint: true }, reporter.name);
    expect(stories.revisions(s.id)).toHaveLength(1);
  });

  it('keeps a revision every 10 minutes of active editing', () => {
    const { stories, write, clock } = setup();
    let s = write('H', ['a']);
    for (let minute = 1; minute <= 25; minute++) {
      clock.advance(60_000);
      s = stories.save({ id: s.id, baseRevision: s.revision, headline: 'H', body: bodyFromParagraphs([`minute ${minute}`]), keywords: [] }, reporter.name);
    }
    const interval = stories.revisions(s.id).filter((r) => r.reason === 'interval');
    expect(interval).toHaveLength(2);
    expect(Date.parse(interval[0].at) - Date.parse(interval[1].at)).toBeGreaterThanOrEqual(REVISION_INTERVAL_MS);
  });

  it('keeps revisions before and after every workflow transition (one revision where "after" equals the next "before")', () => {
    const { stories, write } = setup();
    const s = write('H', ['a']);
    stories.transition(s.id, 'submit', reporter);
    stories.transition(s.id, 'approve', editor);
    expect(stories.revisions(s.id).map((r) => [r.reason, r.status]).reverse()).toEqual([
      ['before-submit', 'draft'],
      ['after-submit', 'in_review'],
      ['after-approve', 'approved'],
    ]);
  });

  it('restores an old revision as a new one, keeping the current state first', () => {
    const { stories, write } = setup();
    const v1 = write('Original headline', ['Original text.'], ['Iran']);
    stories.save({ ...v1, baseRevision: v1.revision, checkpoint: true }, reporter.name);
    const first = stories.revisions(v1.id)[0];
    const v2 = stories.save({ id: v1.id, baseRevision: v1.revision, headline: 'Rewritten', body: bodyFromParagraphs(['New text.']), keywords: [] }, reporter.name);
    const restored = stories.restoreRevision(v1.id, first.id, v2.revision, reporter.name);
    expect(restored).toMatchObject({ headline: 'Original headline', plainText: 'Original text.', keywords: ['Iran'], revision: v2.revision + 1 });
    const reasons = stories.revisions(v1.id).map((r) => r.reason);
    expect(reasons).toEqual(['restored', 'before-restore', 'manual']);
    // The rewritten version is still there to go back to.
    const before = stories.revisions(v1.id)[1];
    expect(stories.revision(before.id).story.headline).toBe('Rewritten');
    expect(() => stories.restoreRevision(v1.id, first.id, v2.revision, reporter.name)).toThrow(/changed elsewhere/);
  });

  it('voids an approval when an older revision is restored over it', () => {
    const { stories, write } = setup();
    const s = write('H', ['v1']);
    const saved = stories.save({ ...s, baseRevision: s.revision, body: bodyFromParagraphs(['v2']), checkpoint: true }, reporter.name);
    const old = stories.revisions(s.id).find((r) => r.reason === 'manual')!;
    stories.transition(s.id, 'submit', reporter);
    stories.transition(s.id, 'approve', editor);
    const restored = stories.restoreRevision(s.id, old.id, saved.revision, editor.name);
    expect(restored.status).toBe('approved'); // same content as approved: nothing to void
    const older = stories.save({ ...restored, baseRevision: restored.revision, body: bodyFromParagraphs(['v3']), checkpoint: true }, reporter.name);
    expect(older.status).toBe('in_review');
  });
});

describe('trash', () => {
  it('moves a story to the trash and restores it intact with its history', () => {
    const { stories, write } = setup();
    const s = write('Keep me', ['Text'], ['Iran']);
    stories.save({ ...s, baseRevision: s.revision, checkpoint: true }, reporter.name);
    stories.delete(s.id, reporter.name);
    expect(stories.list()).toEqual([]);
    expect(stories.list({ query: 'keep' })).toEqual([]);
    expect(stories.keywords()).toEqual([]);
    expect(stories.trash()).toMatchObject([{ id: s.id, headline: 'Keep me', deletedBy: 'Pesach Benson' }]);
    expect(() => stories.save({ ...s, baseRevision: s.revision }, reporter.name)).toThrow(/in the trash/);
    const back = stories.restoreFromTrash(s.id, reporter.name);
    expect(back).toEqual(s);
    expect(stories.revisions(s.id)).toHaveLength(1);
    expect(stories.list({ query: 'keep' }).map((r) => r.id)).toEqual([s.id]);
    expect(stories.events(s.id).map((e) => e.kind)).toEqual(['created', 'edited', 'deleted', 'restored']);
  });

  it('empties the trash for good, leaving tombstones in the event log', () => {
    const { stories, write, db } = setup();
    const a = write('A', ['a']);
    const b = write('B', ['b']);
    stories.delete(a.id, reporter.name);
    expect(stories.emptyTrash(editor.name)).toBe(1);
    expect(stories.trash()).toEqual([]);
    expect(stories.list().map((r) => r.id)).toEqual([b.id]);
    const tombstones = db.prepare("SELECT kind FROM story_events WHERE story_id = ? ORDER BY id").all(a.id).map((r) => r.kind);
    expect(tombstones).toEqual(['created', 'edited', 'deleted', 'purged']);
  });

  it('purges only what has been in the trash longer than the retention period', () => {
    const { stories, write, clock } = setup();
    const old = write('Old', ['a']);
    stories.delete(old.id, reporter.name);
    clock.advance(20 * 24 * 3600 * 1000);
    const recent = write('Recent', ['b']);
    stories.delete(recent.id, reporter.name);
    clock.advance(11 * 24 * 3600 * 1000);
    expect(stories.purgeExpired(30)).toBe(1);
    expect(stories.trash().map((t) => t.headline)).toEqual(['Recent']);
  });
});

describe('library list and search', () => {
  function library() {
    const ctx = setup();
    const { write, clock, stories } = ctx;
    const tps = write('What Does Azerbaijan Want as It Expands Ties With Israel?', [
      'In Baku, Cohen is expected to meet with Azerbaijan President Ilham Aliyev.',
      'Professor Eyal Zisser of Tel Aviv University told the Tazpit Press Service.',
    ], ['Azerbaijan', 'Israel', 'Iran']);
    clock.advance(86_400_000);
    const hebrew = write('שר החוץ נחת בבאקו', ['שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן. שָׁלוֹם לכולם.'], ['ישראל']);
    clock.advance(86_400_000);
    const arabic = write('وزير الخارجية في باكو', ['التقى وزير الخارجية الإسرائيلي بالرئيس الأذربيجاني.'], []);
    clock.advance(86_400_000);
    const cafe = write('Café society', ['A story about the café in Zürich, not Baku.'], ['Culture']);
    stories.transition(cafe.id, 'submit', reporter);
    return { ...ctx, tps, hebrew, arabic, cafe };
  }

  it('finds by prefix, ranks headline hits first, and highlights a snippet', () => {
    const { stories, tps, cafe, write } = library();
    const rows = stories.list({ query: 'bak' });
    expect(rows.map((r) => r.id).sort()).toEqual([tps.id, cafe.id].sort());
    expect(mark(rows.find((r) => r.id === tps.id)!.snippet)).toContain('In [Baku], Cohen');
    const inHeadline = write('Aliyev meets Cohen', ['The two men talked.']);
    const ranked = stories.list({ query: 'aliyev' }).map((r) => r.id);
    expect(ranked).toEqual([inHeadline.id, tps.id]);
  });

  it('matches quoted phrases only as phrases', () => {
    const { stories, tps } = library();
    expect(stories.list({ query: '"Tel Aviv University"' }).map((r) => r.id)).toEqual([tps.id]);
    expect(stories.list({ query: '"Aviv Tel"' })).toEqual([]);
  });

  it('is diacritics-insensitive both ways, in Latin and Hebrew', () => {
    const { stories, cafe, hebrew } = library();
    expect(stories.list({ query: 'cafe zurich' }).map((r) => r.id)).toEqual([cafe.id]);
    expect(stories.list({ query: 'CAFÉ' }).map((r) => r.id)).toEqual([cafe.id]);
    expect(stories.list({ query: 'שלום' }).map((r) => r.id)).toEqual([hebrew.id]);
    expect(stories.list({ query: 'שָׁלוֹם' }).map((r) => r.id)).toEqual([hebrew.id]);
  });

  it('finds Hebrew and Arabic words', () => {
    const { stories, hebrew, arabic } = library();
    expect(stories.list({ query: 'כהן' }).map((r) => r.id)).toEqual([hebrew.id]);
    expect(mark(stories.list({ query: 'כהן' })[0].snippet)).toContain('[כהן]');
    expect(stories.list({ query: 'الخارجية' }).map((r) => r.id)).toEqual([arabic.id]);
    expect(stories.list({ query: 'ישראל' }).map((r) => r.id)).toEqual([hebrew.id]); // keyword
  });

  it('combines search with filters, and filters with each other', () => {
    const { stories, cafe, tps, hebrew } = library();
    expect(stories.list({ query: 'baku', status: 'in_review' }).map((r) => r.id)).toEqual([cafe.id]);
    expect(stories.list({ keyword: 'Israel', author: 'pesach benson' }).map((r) => r.id)).toEqual([tps.id]);
    expect(stories.list({ from: '2026-11-28', to: '2026-11-28' }).map((r) => r.id)).toEqual([hebrew.id]);
    expect(stories.list({ author: 'Someone Else' })).toEqual([]);
  });

  it('sorts by updated, created, headline and status', () => {
    const { stories, tps, hebrew, arabic, cafe } = library();
    expect(stories.list().map((r) => r.id)).toEqual([cafe.id, arabic.id, hebrew.id, tps.id]);
    expect(stories.list({ sort: 'created' }).map((r) => r.id)).toEqual([cafe.id, arabic.id, hebrew.id, tps.id]);
    expect(stories.list({ sort: 'headline' }).map((r) => r.headline)[0]).toBe('Café society');
    expect(stories.list({ sort: 'status' })[0].id).toBe(cafe.id);
  });

  it('searches the latest saved text: autosaves are indexed before the next search', () => {
    const { stories, tps } = library();
    const saved = stories.save({ id: tps.id, baseRevision: tps.revision, headline: tps.headline, body: bodyFromParagraphs(['Zeppelins over Ganja.']), keywords: [] }, reporter.name);
    expect(stories.list({ query: 'zeppelin' }).map((r) => r.id)).toEqual([saved.id]);
    expect(stories.list({ query: 'Aliyev' })).toEqual([]);
    expect(stories.list({ query: 'Azerbaijan' }).map((r) => r.id)).toEqual([saved.id]); // headline
  });

  it('treats punctuation-only queries as no search', () => {
    const { stories } = library();
    expect(stories.list({ query: '"' })).toHaveLength(4);
    expect(stories.list({ query: '*)(' })).toHaveLength(4);
  });
});

describe('migration 2 on a library written by version 1', () => {
  it('indexes existing stories for search', () => {
    const path = join(tempDir(), 'v1.db');
    const v1 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
    v1.exec(`INSERT INTO stories VALUES ('01JD0000000000000000000001', 'Cohen lands in Baku', '{}', 'The plane landed.', 4, '["Iran"]',
      'draft', 1, 'R', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL)`);
    v1.close();
    const db = openDatabase(path);
    const stories = createStoryService({ db });
    expect(stories.list({ query: 'plane' }).map((r) => r.headline)).toEqual(['Cohen lands in Baku']);
    expect(stories.list({ query: 'iran' })).toHaveLength(1);
  });
});

describe('counting the list', () => {
  it('counts what the filters and the search would show without a limit', () => {
    const { stories, write } = setup();
    for (let i = 0; i < 5; i++) write(`Budget story ${i}`, ['The budget passed.'], i % 2 ? ['Economy'] : []);
    write('Something else', ['Weather.']);
    expect(stories.list({ limit: 2 })).toHaveLength(2);
    expect(stories.count({})).toBe(6);
    expect(stories.list({ query: 'budget', limit: 3 })).toHaveLength(3);
    expect(stories.count({ query: 'budget' })).toBe(5);
    expect(stories.count({ query: 'budget', keyword: 'Economy' })).toBe(2);
    expect(stories.count({ keyword: 'Economy' })).toBe(2);
  });
});

/** Each story's rowid, by story id. */
function rowids(db: DatabaseSync): Record<string, number> {
  const rows = db.prepare('SELECT id, rowid AS r FROM stories').all() as { id: string; r: number }[];
  return Object.fromEntries(rows.map((row) => [row.id, row.r]));
}

/**
 * The rowids after copying the stories row by row, as `SELECT *` returns them: the copy SQLite's
 * documentation allows VACUUM to make ("may change the ROWIDs of entries in any tables that do
 * not have an explicit INTEGER PRIMARY KEY"), and the one `.dump` makes. Only a declared rowid
 * comes through it. (SQLite 3.53's VACUUM happens to keep the old table's rowids, because that
 * table has indexes; the documented guarantee is what migration 4 relies on, so that is tested.)
 */
function rowidsAfterCopy(db: DatabaseSync): Record<string, number> {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'stories'").get() as { sql: string };
  const copy = new DatabaseSync(':memory:');
  copy.exec(sql);
  // Generated columns (hidden 2 and 3) are computed, never inserted.
  const stored = new Set((db.prepare('PRAGMA table_xinfo(stories)').all() as { name: string; hidden: number }[]).filter((c) => c.hidden === 0).map((c) => c.name));
  for (const all of db.prepare('SELECT * FROM stories ORDER BY rowid').all() as Record<string, SQLInputValue>[]) {
    const row = Object.fromEntries(Object.entries(all).filter(([column]) => stored.has(column)));
    const columns = Object.keys(row);
    copy.prepare(`INSERT INTO stories (${columns.join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})`).run(row);
  }
  const copied = rowids(copy);
  copy.close();
  return copied;
}

describe('migration 4 (stories rebuilt) on a library written by version 3', () => {
  it('keeps every story, keyword, revision and search entry, and a stable rowid', () => {
    const path = join(tempDir(), 'v3.db');
    const v3 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 3) });
    // Written as version 3 wrote it (today's repository writes today's format). A story deleted
    // for good before the others leaves a gap in the rowids, which a copy closes.
    const early = '01JD0000000000000000000000';
    writeLegacyStory(v3, { id: early, headline: 'Spiked before the others', paragraphs: ['Spiked.'] });
    const a = writeLegacyStory(v3, { id: '01JD0000000000000000000001', headline: 'Cohen lands in Baku', paragraphs: ['The plane landed.'], keywords: ['Iran'], revision: true });
    v3.prepare('DELETE FROM story_search WHERE rowid = (SELECT rowid FROM stories WHERE id = ?)').run(early);
    v3.prepare('DELETE FROM stories WHERE id = ?').run(early);
    writeLegacyStory(v3, { id: '01JD0000000000000000000002', headline: 'Deleted one', paragraphs: ['Gone.'], deletedAt: '2026-01-02T09:00:00.000Z' });
    // The premise: on the old schema the rowid under the search index does not survive a copy.
    expect(rowidsAfterCopy(v3)).not.toEqual(rowids(v3));
    v3.close();

    const db = openDatabase(path);
    const stories = createStoryService({ db });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(stories.list({ query: 'plane' }).map((r) => r.headline)).toEqual(['Cohen lands in Baku']);
    expect(stories.list({ keyword: 'Iran' })).toHaveLength(1);
    expect(stories.revisions(a.id)).toHaveLength(1);
    expect(stories.trash().map((t) => t.headline)).toEqual(['Deleted one']);
    // The rowid is now a declared column (INTEGER PRIMARY KEY), so neither a copy nor VACUUM can
    // renumber it under the search index.
    const before = rowids(db);
    expect(before[a.id]).toBe(2);
    expect(rowidsAfterCopy(db)).toEqual(before);
    db.exec('VACUUM');
    expect(rowids(db)).toEqual(before);
    expect(stories.list({ query: 'baku' }).map((r) => r.id)).toEqual([a.id]);
    // Deleting a story for good still takes its revisions with it (the foreign keys survived).
    stories.emptyTrash('R');
    stories.delete(a.id, 'R');
    stories.emptyTrash('R');
    expect(db.prepare('SELECT COUNT(*) AS n FROM revisions').get()).toEqual({ n: 0 });
  });
});

describe('Hebrew search with prefix letters', () => {
  it('“איראן” finds “ובאיראן” and highlights it', () => {
    const db = openDatabase(join(tempDir(), 'library.db'));
    const stories = createStoryService({ db });
    const s = stories.create('R');
    stories.save({ id: s.id, baseRevision: 1, headline: 'מתיחות באזור', body: bodyFromParagraphs(['השגרירות הותקפה, ובאיראן הכחישו כל מעורבות.']) }, 'R');
    const other = stories.create('R');
    stories.save({ id: other.id, baseRevision: 1, headline: 'Iran', body: bodyFromParagraphs(['Nothing Hebrew here: ראן alone.']) }, 'R');
    const rows = stories.list({ query: 'איראן' });
    expect(rows.map((r) => r.id)).toEqual([s.id]);
    expect(rows[0]!.snippet).toContain(`${HIT_START}ובאיראן${HIT_END}`);
    db.close();
  });
});
