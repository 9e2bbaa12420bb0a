// R8: two writers on one story at once: two processes (two windows, or the app and the command
// line) with their own connections to one library file. They contend for SQLite's write lock:
// a writer that finds it taken waits (the 5 s busy timeout) or, locked out for longer, gets a
// plain error. Nothing is overwritten: every save a writer was told succeeded is the stored
// version of its revision, and every save refused as stale is kept as a copy.
//
// No timing luck: the writers are started together through a barrier (both report ready, then
// both are told to go), and every assertion holds whichever of them wins each race.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/shared/story.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';
import type { Attempt } from './writer.ts';

const tempDir = useTempDir();
const WRITER = join(import.meta.dirname, 'writer.ts');
const ROUNDS = 25;

/** A writer process and the lines it answers with, in order. */
class Writer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private stderr = '';

  constructor(dataDir: string, name: string) {
    this.child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', WRITER, dataDir, name]);
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.deliver(line));
    // A writer that dies answers with how it died, so the test fails with the reason.
    this.child.on('exit', (code) => {
      if (code !== 0) this.deliver(JSON.stringify({ exited: code, stderr: this.stderr }));
    });
  }

  private deliver(line: string): void {
    if (!this.waiting) {
      this.lines.push(line);
      return;
    }
    const waiting = this.waiting;
    this.waiting = null;
    waiting(line);
  }

  /** The next line this writer answers. */
  next<T>(): Promise<T> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(JSON.parse(queued) as T);
    return new Promise((resolve) => (this.waiting = (line) => resolve(JSON.parse(line) as T)));
  }

  send(command: Record<string, unknown>): void {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
  }

  ask<T>(command: Record<string, unknown>): Promise<T> {
    this.send(command);
    return this.next<T>();
  }

  async exit(): Promise<void> {
    expect(await this.ask({ cmd: 'exit' })).toEqual({ closed: true });
  }
}

/** A library with one story at revision 1, closed again; the writers open it themselves. */
async function sharedStory(dataDir: string): Promise<string> {
  const { library, services } = makeServices(dataDir);
  const story = services.stories.create('Desk', 'Shared story');
  await library.idle();
  library.close();
  return story.id;
}

/** The library as it is on disk once the writers are gone. */
function storedState(dataDir: string, id: string) {
  const { library, services } = makeServices(dataDir);
  const stories = services.stories;
  const byRevision = new Map(stories.revisions(id).map((r) => [r.storyRevision, stories.revision(r.id).story as Story]));
  const state = {
    integrity: services.db.prepare('PRAGMA integrity_check').all(),
    story: stories.get(id),
    byRevision,
    copyOf: (copyId: string) => stories.get(copyId),
    copyEvents: (copyId: string) => stories.events(copyId).map((e) => e.detail),
  };
  const close = async () => {
    await library.idle();
    library.close();
  };
  return { state, close };
}

describe('R8: two writers on one story at once', () => {
  it(`two processes saving ${ROUNDS} times each at once: one version per revision, every refused save kept as a copy`, { timeout: 120_000 }, async () => {
    const dataDir = join(tempDir(), 'library');
    const id = await sharedStory(dataDir);
    const a = new Writer(dataDir, 'A');
    const b = new Writer(dataDir, 'B');
    // The barrier: both have opened the library and read revision 1 before either saves.
    expect(await Promise.all([a.ask({ cmd: 'read', id }), b.ask({ cmd: 'read', id })])).toEqual([{ revision: 1 }, { revision: 1 }]);
    a.send({ cmd: 'race', id, rounds: ROUNDS });
    b.send({ cmd: 'race', id, rounds: ROUNDS });
    const [fromA, fromB] = await Promise.all([a.next<{ attempts: Attempt[] }>(), b.next<{ attempts: Attempt[] }>()]);
    await Promise.all([a.exit(), b.exit()]);
    const attempts = [...fromA.attempts, ...fromB.attempts];

    // The lock contention was handled: every save was either stored or refused as stale.
    expect(attempts.filter((t) => t.outcome === 'error')).toEqual([]);
    const saved = attempts.filter((t) => t.outcome === 'saved');
    const refused = attempts.filter((t) => t.outcome === 'conflict');
    expect(saved.length + refused.length).toBe(2 * ROUNDS);
    // Both first saves were based on revision 1: exactly one of them could be stored.
    expect([fromA.attempts[0].outcome, fromB.attempts[0].outcome].sort()).toEqual(['conflict', 'saved']);

    const { state, close } = storedState(dataDir, id);
    expect(state.integrity).toEqual([{ integrity_check: 'ok' }]);
    // No revision was acknowledged twice (that would be a save written over another)…
    const revisions = saved.map((t) => t.revision).sort((x, y) => x - y);
    expect(revisions).toEqual(Array.from({ length: saved.length }, (_, i) => i + 2));
    // …each acknowledged save is the stored version of its revision, the newest is the story…
    for (const t of saved) expect(state.byRevision.get(t.revision)?.headline, `revision ${t.revision}`).toBe(t.text);
    expect(state.story).toMatchObject({ revision: revisions.at(-1), headline: saved.find((t) => t.revision === revisions.at(-1))!.text });
    // …and each refused save is kept whole as a copy of the story.
    for (const t of refused) {
      expect(state.copyOf(t.copyId)).toMatchObject({ headline: t.text, plainText: `${t.text}: the body.`, status: 'draft' });
      expect(state.copyEvents(t.copyId)).toContain(`Copy of story ${id}`);
    }
    await close();
  });

  it('a save that finds the write lock taken waits for it, then is refused as stale and kept as a copy', { timeout: 60_000 }, async () => {
    const dataDir = join(tempDir(), 'library');
    const id = await sharedStory(dataDir);
    const holder = new Writer(dataDir, 'Holder');
    const waiter = new Writer(dataDir, 'Waiter');
    expect(await waiter.ask({ cmd: 'read', id })).toEqual({ revision: 1 });
    // The holder takes the lock and saves inside it; the waiter saves on revision 1 meanwhile.
    expect(await holder.ask({ cmd: 'hold' })).toEqual({ held: true });
    await holder.ask({ cmd: 'save', id, base: 1, text: 'Holder version' });
    expect(await holder.next()).toEqual({ text: 'Holder version', outcome: 'saved', revision: 2 });
    expect(await waiter.ask({ cmd: 'save', id, base: 1, text: 'Waiter version' })).toEqual({ saving: true });
    // Only now the holder commits: the waiter was blocked on the lock or had not reached it yet;
    // either way its save must see revision 2 and be refused, not written over it.
    expect(await holder.ask({ cmd: 'release' })).toEqual({ released: true });
    const waited = await waiter.next<Attempt>();
    expect(waited).toMatchObject({ text: 'Waiter version', outcome: 'conflict' });
    if (waited.outcome === 'conflict') expect(waited.message).toMatch(/changed elsewhere.*revision 2.*not saved over it/s);
    await Promise.all([holder.exit(), waiter.exit()]);

    const { state, close } = storedState(dataDir, id);
    expect(state.integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(state.story).toMatchObject({ revision: 2, headline: 'Holder version' });
    if (waited.outcome === 'conflict') expect(state.copyOf(waited.copyId)).toMatchObject({ headline: 'Waiter version' });
    await close();
  });

  it('a save locked out for longer than the busy timeout gets a plain error and changes nothing', { timeout: 60_000 }, async () => {
    const dataDir = join(tempDir(), 'library');
    const id = await sharedStory(dataDir);
    const holder = new Writer(dataDir, 'Holder');
    const blocked = new Writer(dataDir, 'Blocked');
    expect(await blocked.ask({ cmd: 'read', id })).toEqual({ revision: 1 });
    expect(await holder.ask({ cmd: 'hold' })).toEqual({ held: true });
    // The holder keeps the lock until the blocked writer has its answer: it cannot get the lock.
    expect(await blocked.ask({ cmd: 'save', id, base: 1, text: 'Blocked version' })).toEqual({ saving: true });
    const answer = await blocked.next<Attempt>();
    expect(answer).toMatchObject({ outcome: 'error', code: 'storage' });
    if (answer.outcome === 'error') expect(answer.message).toMatch(/busy writing the library.*Retry/);
    expect(await holder.ask({ cmd: 'release' })).toEqual({ released: true });
    await Promise.all([holder.exit(), blocked.exit()]);

    const { state, close } = storedState(dataDir, id);
    expect(state.story).toMatchObject({ revision: 1, headline: 'Shared story' });
    expect(state.byRevision.size).toBe(0);
    await close();
  });
});
