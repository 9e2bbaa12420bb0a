// R2: a save into a folder that runs out of space or turns read-only fails cleanly: the previous
// content stays intact, the error says what happened in plain words, and retrying works once the
// cause is gone. Where this process may mount (root, as on our machines and CI) the folder is a
// real 1 MiB tmpfs; elsewhere the failure is injected inside SQLite (max_page_count → SQLITE_FULL).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
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

const paragraph = (n: number) => 'Azerbaijan shares a border with Iran and relations between the two countries are tense. '.repeat(n);

describe('R2: disk full and read-only folders', () => {
  it('a save that hits a full disk fails in plain words, keeps the last save, and succeeds after space is freed', async () => {
    const dataDir = join(tempDir(), 'library');
    mkdirSync(dataDir);
    const real = tryMountTmpfs(dataDir, '1536k');
    const { services, handlers } = makeServices(dataDir);
    const story = services.stories.create('R2', 'Disk full');
    const first = await dispatch(handlers, 'stories.save', { id: story.id, baseRevision: 1, headline: 'Saved before the disk filled', body: bodyFromParagraphs([paragraph(5)]), keywords: [] });
    expect(first.ok).toBe(true);

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

    if (real) rmSync(filler, { force: true });
    else services.db.exec('PRAGMA max_page_count = 1073741823');
    const retry = await dispatch(handlers, 'stories.save', big);
    expect(retry).toMatchObject({ ok: true, value: { headline: 'This save does not fit', revision: 3 } });
    expect(services.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    services.close();
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
