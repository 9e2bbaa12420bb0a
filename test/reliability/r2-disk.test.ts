// R2: a save into a folder that runs out of space or turns read-only fails cleanly: the previous
// content stays intact, the error says what happened in plain words, and retrying works once the
// cause is gone. Where this process may mount (root, as on our machines and CI) the folder is a
// real 1 MiB tmpfs; elsewhere the failure is injected inside SQLite (max_page_count → SQLITE_FULL).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { DATABASE_FILE } from '../../src/main/services/services.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
});

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted.push(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * The library as a new connection reads it from disk (not the app's connection, which may hold
 * state of its own): the integrity check, the story, and its event log and revisions.
 */
function fromDisk(dataDir: string, id: string) {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return {
      integrity: db.prepare('PRAGMA integrity_check').all(),
      story: createStoryService({ db }).get(id),
      events: db.prepare('SELECT * FROM story_events WHERE story_id = ? ORDER BY id').all(id),
      revisions: db.prepare('SELECT id, story_revision, content_hash FROM revisions WHERE story_id = ? ORDER BY id').all(id),
    };
  } finally {
    db.close();
  }
}

const paragraph = (n: number) => 'Azerbaijan shares a border with Iran and relations between the two countries are tense. '.repeat(n);

/** Fill the disk under a save, then free it: see the two tests below. */
async function diskFull(dataDir: string, real: boolean) {
  const { services, handlers } = makeServices(dataDir);
  const story = services.stories.create('R2', 'Disk full');
  const first = await dispatch(handlers, 'stories.save', { id: story.id, baseRevision: 1, headline: 'Saved before the disk filled', body: bodyFromParagraphs([paragraph(5)]), keywords: [] });
  if (!first.ok) throw new Error(first.error.message);
  const beforeFailure = fromDisk(dataDir, story.id);
  expect(beforeFailure.story).toEqual(first.value);

  let filler = '';
  if (real) {
    filler = join(dataDir, 'filler.bin');
    // Fill the disk, leaving too little room for a large save.
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    } catch {
      /* ENOSPC: full, as intended */
    }
  } else {
    services.db.exec(`PRAGMA max_page_count = ${(services.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count}`);
  }
  const big = { id: story.id, baseRevision: 2, headline: 'This save does not fit', body: bodyFromParagraphs(Array.from({ length: 40 }, () => paragraph(30))), keywords: [] };
  const failed = await dispatch(handlers, 'stories.save', big);
  expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
  if (!failed.ok) expect(failed.error.message).toMatch(/disk is full|disk reported an error/i);
  const kept = services.stories.get(story.id);
  expect(kept.headline).toBe('Saved before the disk filled');
  expect(kept.revision).toBe(2);
  // On disk, read afresh: an intact file holding exactly the last acknowledged save, with no
  // trace of the failed one in the event log or the revisions.
  const afterFailure = fromDisk(dataDir, story.id);
  expect(afterFailure.integrity).toEqual([{ integrity_check: 'ok' }]);
  expect(afterFailure.story).toEqual(first.value);
  expect(afterFailure).toEqual(beforeFailure);

  if (real) rmSync(filler, { force: true });
  else services.db.exec('PRAGMA max_page_count = 1073741823');
  const retry = await dispatch(handlers, 'stories.save', big);
  expect(retry).toMatchObject({ ok: true, value: { headline: 'This save does not fit', revision: 3 } });
  expect(services.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  // The retry is on disk too, not only in the app's connection.
  const afterRetry = fromDisk(dataDir, story.id);
  expect(afterRetry.integrity).toEqual([{ integrity_check: 'ok' }]);
  if (retry.ok) expect(afterRetry.story).toEqual(retry.value);
  services.close();
}

describe('R2: disk full and read-only folders', () => {
  // Two kinds of full: the tmpfs has no byte left, so every write fails; the injected page limit
  // still lets through a write that fits in pages the file already has, so a save that wrote a
  // small row before its large one (an event logged outside the save's transaction, say) would
  // leave that row behind. Both must leave the file exactly as the last acknowledged save.
  it('a save that hits a full disk fails in plain words, keeps the last save, and succeeds after space is freed', async () => {
    const dataDir = join(tempDir(), 'library');
    mkdirSync(dataDir);
    await diskFull(dataDir, tryMountTmpfs(dataDir, '1536k'));
  });

  it('a save that runs out of room for its large row leaves no smaller row of it behind', async () => {
    const dataDir = join(tempDir(), 'library');
    mkdirSync(dataDir);
    await diskFull(dataDir, false);
  });

  it('a save into a library that turned read-only fails in plain words and works again once it is writable', async () => {
    // A tmpfs cannot be remounted read-only while SQLite holds its files open for writing, so this
    // case is injected inside SQLite: `query_only` makes every write fail with SQLITE_READONLY,
    // the same result code a read-only file gives.
    const { services, handlers } = makeServices(join(tempDir(), 'library'));
    const story = services.stories.create('R2', 'Read-only');
    await dispatch(handlers, 'stories.save', { id: story.id, baseRevision: 1, headline: 'Before', body: bodyFromParagraphs(['One.']), keywords: [] });
    services.db.exec('PRAGMA query_only = 1');
    const input = { id: story.id, baseRevision: 2, headline: 'After', body: bodyFromParagraphs(['Two.']), keywords: [] };
    const failed = await dispatch(handlers, 'stories.save', input);
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/read-only/i);
    expect(services.stories.get(story.id).headline).toBe('Before');
    services.db.exec('PRAGMA query_only = 0');
    const retry = await dispatch(handlers, 'stories.save', input);
    expect(retry).toMatchObject({ ok: true, value: { headline: 'After', revision: 3 } });
    services.close();
  });
});
