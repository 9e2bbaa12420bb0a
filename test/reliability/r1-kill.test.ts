// R1: a child process saves in a loop and is killed with SIGKILL at random moments, 200 times.
// After every kill the database passes integrity_check and holds every revision the child
// reported as committed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();
const KILLS = 200;
const CHILD = join(import.meta.dirname, 'save-loop.ts');

function runAndKill(dbPath: string, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CHILD, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('committed ')) committed.push(Number(line.slice(10)));
        if (line.startsWith('ready') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself: ${stderr}`));
      else resolve(committed);
    });
  });
}

describe('R1: killed mid-save', () => {
  it(`loses no committed revision over ${KILLS} SIGKILLs`, { timeout: 600_000 }, async () => {
    const dbPath = join(tempDir(), 'r1.db');
    let lastCommitted = 0;
    let totalCommitted = 0;
    for (let i = 0; i < KILLS; i++) {
      const committed = await runAndKill(dbPath, Math.floor(Math.random() * 60));
      totalCommitted += committed.length;
      if (committed.length) lastCommitted = committed[committed.length - 1];

      const db = new DatabaseSync(dbPath);
      const check = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
      expect(check).toEqual([{ integrity_check: 'ok' }]);
      const story = db.prepare('SELECT revision, headline FROM stories').get() as { revision: number; headline: string };
      // Durable: the stored story is at least as new as the last revision reported committed…
      expect(story.revision).toBeGreaterThanOrEqual(lastCommitted);
      expect(story.headline).toBe(story.revision === 1 ? 'Crash test' : `Crash test ${story.revision}`);
      // …and the event log holds an entry for every committed revision.
      const logged = new Set((db.prepare("SELECT revision FROM story_events WHERE kind = 'edited'").all() as { revision: number }[]).map((r) => r.revision));
      for (const revision of committed) expect(logged.has(revision)).toBe(true);
      db.close();
      lastCommitted = story.revision;
    }
    // The kills landed while saves were running, not only before the first one.
    expect(totalCommitted).toBeGreaterThan(KILLS);
  });
});
