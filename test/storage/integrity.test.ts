/**
 * What may still hold a connection to the library when the app quits: the start-up integrity
 * check (a worker thread with its own read-only connection) and the daily backup. SQLite removes
 * the WAL file only when the last connection to the file closes, so once `idle()` (or the check,
 * or the backup) has settled, closing the app's own connection must leave no WAL behind.
 *
 * The race is made deterministic: the worker is held alive right after it posted its answer (the
 * moment at which it used to still have its connection open) and is let go only after the main
 * thread has handled that answer and every promise reaction that follows it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkIntegrity, type IntegrityCheckProbe } from '../../src/main/services/storage/integrity.ts';
import { DATABASE_FILE } from '../../src/main/services/services.ts';
import { useTempDir } from '../helpers.ts';
import { makeServices } from '../services.ts';

const tempDir = useTempDir();

/** Holds the worker after its answer; lets it go once the main thread has acted on that answer. */
function heldWorker() {
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const release = () => {
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
  };
  const workers: Worker[] = [];
  const probe: IntegrityCheckProbe = {
    hold,
    started: (worker) => {
      workers.push(worker);
      // setImmediate runs after the message handlers and all promise reactions they queued.
      worker.once('message', () => setImmediate(release));
      worker.once('exit', release);
    },
  };
  return { probe, release, workers };
}

// The library starts its check through this module: every check in this file is held.
const held = vi.hoisted(() => ({ current: null as IntegrityCheckProbe | null }));
vi.mock('../../src/main/services/storage/integrity.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/services/storage/integrity.ts')>();
  return { ...real, checkIntegrity: (path: string) => real.checkIntegrity(path, held.current ?? undefined) };
});

afterEach(() => {
  held.current = null;
});

function openWrittenLibrary() {
  const dataDir = tempDir();
  const opened = makeServices(dataDir);
  const story = opened.services.stories.create('Pesach Benson', 'Harbour budget');
  opened.services.stories.save({ id: story.id, baseRevision: 1, headline: 'Harbour budget passes', body: story.body, keywords: ['council'] }, 'Pesach Benson');
  const wal = join(dataDir, `${DATABASE_FILE}-wal`);
  expect(existsSync(wal)).toBe(true);
  return { ...opened, dataDir, wal };
}

describe('the integrity check at quit', () => {
  it('settles only after its worker closed its connection, so closing ours removes the WAL', async () => {
    const hold = heldWorker();
    held.current = hold.probe;
    const { library, wal } = openWrittenLibrary();
    expect(hold.workers).toHaveLength(1);

    await library.idle();
    library.close();

    expect(existsSync(wal)).toBe(false);
    hold.release();
  });

  it('reports a sound file as sound, also when held after its answer', async () => {
    const { library, dataDir } = openWrittenLibrary();
    await library.idle();
    const hold = heldWorker();
    expect(await checkIntegrity(join(dataDir, DATABASE_FILE), hold.probe)).toEqual([]);
    library.close();
  });

  it('says so when the file cannot be opened at all', async () => {
    const problems = await checkIntegrity(join(tempDir(), 'missing', DATABASE_FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/unable to open/i);
  });

  it('waits for every check still running, not only the newest', async () => {
    // The first check is held by hand; the one started by "start fresh" runs freely.
    const first = new Int32Array(new SharedArrayBuffer(4));
    const firstWorkers: Worker[] = [];
    held.current = { hold: first, started: (worker) => firstWorkers.push(worker) };
    const { library } = openWrittenLibrary();
    held.current = null;
    library.reportCorruption(Object.assign(new Error('database disk image is malformed'), { errcode: 11 }));
    library.startFresh();
    await library.integrityChecked;

    let idle = false;
    const settled = library.idle().then(() => (idle = true));
    await new Promise((turn) => setImmediate(turn));
    expect(idle).toBe(false);
    expect(firstWorkers[0].threadId).toBeGreaterThan(0);

    Atomics.store(first, 0, 1);
    Atomics.notify(first, 0);
    await settled;
    expect(firstWorkers[0].threadId).toBe(-1); // exited
    library.close();
  });
});

describe('the daily backup at quit', () => {
  it('copies through our own connection: once it settled, closing ours removes the WAL', async () => {
    const { library, dataDir, wal } = openWrittenLibrary();
    await library.idle();
    const backup = await library.dailyBackup();
    expect(backup).not.toBeNull();
    expect(existsSync(backup!)).toBe(true);
    expect(existsSync(join(dataDir, 'backups'))).toBe(true);
    library.close();
    expect(existsSync(wal)).toBe(false);
  });
});
