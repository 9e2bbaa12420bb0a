/**
 * R1: a child process saves one story in a loop and is killed with SIGKILL in the middle of its
 * saves, 200 times. After every kill the database passes integrity_check, holds every revision the
 * child reported as committed, and holds no half-written save: each revision up to the stored one
 * has exactly one `edited` event, every explicit save its snapshot, and the stored headline and
 * body are the ones written with the stored revision number.
 *
 * Each child is killed only after it reported a given number of commits (1–4) plus a delay of
 * 0–12 ms, both drawn from a seed: no kill lands before the first save, whatever the machine's
 * speed, and the seed is printed so that `R1_SEED=<seed>` replays the same plan. (Where exactly in
 * a save the kill lands is up to the scheduler; the plan makes the mix of landings repeatable, not
 * each instruction.)
 */
import { unpackBody } from '../../src/main/services/storage/body-storage.ts';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers.ts';
import { headlineOf, SNAPSHOT_EVERY, textOf } from './save-loop.ts';

const tempDir = useTempDir();
const KILLS = 200;
const CHILD = join(import.meta.dirname, 'save-loop.ts');
/**
 * Only a safety net, asserting nothing about speed: each child costs about 0.3 s of CPU (mostly
 * loading the services), so 200 take about a minute on a quiet 2-core machine, and 10 minutes and
 * more when a dozen processes share it.
 */
const TIME_LIMIT_MS = 30 * 60 * 1000;

function seedFromEnvironment(): number {
  const given = process.env.R1_SEED;
  if (given === undefined || given === '') return randomInt(2 ** 31);
  if (!/^\d+$/.test(given) || Number(given) >= 2 ** 31) throw new Error(`R1_SEED must be a whole number below 2^31, not "${given}".`);
  return Number(given);
}

const SEED = seedFromEnvironment();

interface Kill {
  /** Commits the child must report before the kill is scheduled. */
  readonly afterCommits: number;
  /** Then wait this long (ms) before SIGKILL, so the kill lands anywhere in the following saves. */
  readonly delayMs: number;
}

const PLAN: Kill[] = fc.sample(fc.record({ afterCommits: fc.integer({ min: 1, max: 4 }), delayMs: fc.integer({ min: 0, max: 12 }) }), {
  seed: SEED,
  numRuns: KILLS,
});

/** Runs the child until the plan's kill; resolves to the revisions it reported committed. */
function runAndKill(dbPath: string, kill: Kill): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CHILD, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let buffer = '';
    let stderr = '';
    let scheduled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('committed ')) continue;
        committed.push(Number(line.slice('committed '.length)));
        if (!scheduled && committed.length >= kill.afterCommits) {
          scheduled = true;
          setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    // `close`, not `exit`: every line the child wrote before it died has been read by then.
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (seed ${SEED}): ${stderr}`));
      else resolve(committed);
    });
  });
}

interface StoredStory {
  revision: number;
  headline: string;
  /** Compressed Lexical JSON (storage/body-storage.ts). */
  body: Uint8Array;
  plain_text: string;
}

/** Everything a complete save leaves behind, checked for every revision up to the stored one. */
function expectNoHalfWrittenSave(db: DatabaseSync, story: StoredStory, context: string): void {
  // The stored headline and body are the ones written together with the stored revision.
  expect(story.headline, context).toBe(headlineOf(story.revision));
  expect(story.plain_text, context).toBe(story.revision === 1 ? '' : textOf(story.revision).trim());
  if (story.revision > 1) expect(unpackBody(story.body), context).toContain(`Save ${story.revision}: `);

  // One `created` event and one `edited` event per later revision: no gap, no extra, none ahead.
  const events = db.prepare('SELECT kind, revision FROM story_events ORDER BY id').all() as { kind: string; revision: number }[];
  const expected = [{ kind: 'created', revision: 1 }, ...Array.from({ length: story.revision - 1 }, (_, i) => ({ kind: 'edited', revision: i + 2 }))];
  expect(events, context).toEqual(expected);

  // Every explicit save (each multiple of SNAPSHOT_EVERY) kept its snapshot, with its own headline.
  const snapshots = db.prepare('SELECT story_revision AS revision, reason, headline FROM revisions ORDER BY id').all() as { revision: number; reason: string; headline: string }[];
  const explicit = Array.from({ length: Math.floor(story.revision / SNAPSHOT_EVERY) }, (_, i) => (i + 1) * SNAPSHOT_EVERY);
  expect(snapshots, context).toEqual(explicit.map((revision) => ({ revision, reason: 'manual', headline: headlineOf(revision) })));
}

describe('R1: killed mid-save', () => {
  it(`loses no committed revision and leaves no half-written save over ${KILLS} SIGKILLs`, { timeout: TIME_LIMIT_MS }, async () => {
    console.log(`R1 seed ${SEED} (run with R1_SEED=${SEED} to replay this kill plan)`);
    const dbPath = join(tempDir(), 'r1.db');
    for (const [i, kill] of PLAN.entries()) {
      const context = `kill ${i + 1} of ${KILLS}, seed ${SEED}`;
      const committed = await runAndKill(dbPath, kill);
      // Killed only after the planned number of commits, so every run saved at least once.
      expect(committed.length, context).toBeGreaterThanOrEqual(kill.afterCommits);
      const lastReported = committed[committed.length - 1];

      const db = new DatabaseSync(dbPath);
      try {
        expect(db.prepare('PRAGMA integrity_check').all(), context).toEqual([{ integrity_check: 'ok' }]);
        const stories = db.prepare('SELECT revision, headline, body, plain_text FROM stories').all() as unknown as StoredStory[];
        expect(stories, context).toHaveLength(1);
        const [story] = stories;
        // Durable: the reported revision survived; at most the save after it committed unreported.
        expect(story.revision, context).toBeGreaterThanOrEqual(lastReported);
        expect(story.revision, context).toBeLessThanOrEqual(lastReported + 1);
        expectNoHalfWrittenSave(db, story, context);
      } finally {
        db.close();
      }
    }
  });
});
