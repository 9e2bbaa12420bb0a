// The command line while the app is open: a second process (the "app") holds the library open and
// autosaves in a loop while `copydesk` imports and lists in child processes. Both succeed (the busy
// timeout waits for the other writer), nothing is lost, and an open services instance hears the
// command line's new stories through library.changed (PRAGMA data_version).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoryListRow } from '../../src/shared/story.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';
import { BIN, WITH_DOUBLES, child, lines } from './run-helpers.ts';

const tempDir = useTempDir('copydesk-cli-concurrency-');
const FILES = 25;
// Three processes at once on a busy 2-core machine: a generous limit, far above a normal run.
vi.setConfig({ testTimeout: 240_000 });
const started: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const proc of started.splice(0)) if (proc.exitCode === null) proc.kill('SIGKILL');
});

/** Start the autosaving "app" and resolve once it has committed a few saves. */
function startApp(dataDir: string) {
  const proc = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'app-autosave.ts'), dataDir]);
  started.push(proc);
  let out = '';
  let storyId = '';
  const waiters: { test: () => boolean; done: () => void }[] = [];
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    storyId ||= /^ready (\S+)$/m.exec(out)?.[1] ?? '';
    for (const w of waiters.splice(0)) (w.test() ? w.done : () => waiters.push(w))();
  });
  let errors = '';
  proc.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const saves = () => [...out.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
  const until = (test: () => boolean) =>
    new Promise<void>((done, fail) => {
      if (test()) return done();
      waiters.push({ test, done });
      proc.once('exit', (code) => (test() ? done() : fail(new Error(`the app stopped (${code}): ${errors}`))));
    });
  return {
    get storyId() {
      return storyId;
    },
    saves,
    until,
    /** Ask it to stop; resolves with the revision it closed at. */
    async stop(): Promise<number> {
      proc.stdin.write('stop\n');
      await until(() => /^closed \d+$/m.test(out));
      return Number(/^closed (\d+)$/m.exec(out)![1]);
    },
  };
}

describe('copydesk while the app is open', () => {
  it('imports and lists while another process autosaves; nothing is lost and the app hears the new stories', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'library');
    const heard = new Set<string>();
    const { services: watching } = makeServices(dataDir, {}, { onLibraryChanged: (ids) => ids.forEach((id) => heard.add(id)) });

    const app = startApp(dataDir);
    await app.until(() => app.saves().length >= 3);

    const files = Array.from({ length: FILES }, (_, i) => {
      const file = join(dir, `wire-${i}.txt`);
      writeFileSync(file, `Wire story ${i}\nParagraph of wire story ${i}.\n`);
      return file;
    });
    const [imported, listed] = await Promise.all([
      child(WITH_DOUBLES, ['import', ...files, '--data', dataDir]),
      child(BIN, ['list', '--json', '--data', dataDir]),
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as StoryListRow[]).map((r) => r.id)).toContain(app.storyId);
    const ids = lines(imported.stdout).map((line) => line.split('\t')[0]!);
    expect(lines(imported.stdout).map((line) => line.split('\t')[1])).toEqual(files.map((_, i) => `Wire story ${i}`));

    // The app keeps saving after the command line is done, then closes.
    const savedBefore = app.saves().length;
    await app.until(() => app.saves().length >= savedBefore + 3);
    const closedAt = await app.stop();

    // Nothing lost: every save the app reported, every imported story, and a sound file.
    const after = await child(BIN, ['list', '--json', '--limit', '1000', '--data', dataDir]);
    expect(after.code).toBe(0);
    const rows = JSON.parse(after.stdout) as StoryListRow[];
    expect(rows.map((r) => r.id).sort()).toEqual([...ids, app.storyId].sort());
    expect(rows.find((r) => r.id === app.storyId)!.revision).toBe(closedAt);
    expect(closedAt).toBe(Math.max(...app.saves()));

    // The open services instance hears the command line's stories through the change feed.
    watching.changes.poll();
    for (const id of ids) expect(heard.has(id), id).toBe(true);
    watching.close();

    const db = new DatabaseSync(join(dataDir, 'copydesk.db'), { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
  });
});
