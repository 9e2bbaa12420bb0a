// `copydesk` as people run it: bin/copydesk.mjs in a child process. Exit statuses (0 done, 1 failed
// with one line on stderr, 2 wrong usage with a hint), --help, the data folder from --data or
// COPYDESK_DATA, and no WAL file left behind once it has closed the library.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StoryListRow } from '../../src/shared/story.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';
import { BIN, child, lines } from './run-helpers.ts';

const tempDir = useTempDir('copydesk-cli-process-');
// Each case starts Node twice (the wrapper, then Node 24): generous on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

function libraryWith(headline: string): string {
  const dataDir = join(tempDir(), 'library');
  const { services } = makeServices(dataDir);
  services.stories.create('Reporter', headline);
  services.close();
  return dataDir;
}

describe('bin/copydesk.mjs', () => {
  it('--help exits 0 with the commands; COMMAND --help with its usage', async () => {
    const help = await child(BIN, ['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: copydesk COMMAND \[options\]$/m);
    expect(help.stdout).toContain('/nonexistent-home/.config/Copydesk');
    const one = await child(BIN, ['list', '--help']);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toMatch(/^Usage: copydesk list /);
  });

  it('exits 2 on wrong usage, with the reason and a hint on stderr and nothing on stdout', async () => {
    const cases = [[], ['publish'], ['list', '--bogus'], ['show'], ['list', '--status']];
    const runs = await Promise.all(cases.map((argv) => child(BIN, argv)));
    for (const [i, ran] of runs.entries()) {
      expect(ran.code, cases[i]!.join(' ')).toBe(2);
      expect(ran.stdout).toBe('');
      const [reason, hint, ...more] = lines(ran.stderr);
      expect(reason).toMatch(/^copydesk: /);
      expect(hint).toMatch(/copydesk (\S+ )?--help/);
      expect(more).toEqual([]);
    }
  });

  it('exits 1 on failure with exactly one line on stderr', async () => {
    const dataDir = libraryWith('Council votes on the budget');
    const ran = await child(BIN, ['show', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--data', dataDir]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(lines(ran.stderr)).toEqual([expect.stringMatching(/^copydesk: That story no longer exists/)]);
  });

  it('works on COPYDESK_DATA, and --data wins over it; the WAL is gone after it closes', async () => {
    const fromEnv = libraryWith('From the environment');
    const fromFlag = libraryWith('From the flag');
    const byEnv = await child(BIN, ['list', '--json'], { env: { COPYDESK_DATA: fromEnv } });
    expect(byEnv.code).toBe(0);
    expect((JSON.parse(byEnv.stdout) as StoryListRow[]).map((r) => r.headline)).toEqual(['From the environment']);
    const byFlag = await child(BIN, ['list', '--json', '--data', fromFlag], { env: { COPYDESK_DATA: fromEnv } });
    expect((JSON.parse(byFlag.stdout) as StoryListRow[]).map((r) => r.headline)).toEqual(['From the flag']);
    expect(existsSync(join(fromEnv, 'copydesk.db-wal'))).toBe(false);
    expect(existsSync(join(fromFlag, 'copydesk.db-wal'))).toBe(false);
  });

  it('uses the app’s user-data folder when neither is given', async () => {
    const home = tempDir();
    const dataDir = join(home, '.config', 'Copydesk');
    const { services } = makeServices(dataDir);
    services.stories.create('Reporter', 'In the default folder');
    services.close();
    const ran = await child(BIN, ['list'], { env: { HOME: home, XDG_CONFIG_HOME: '' } });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/In the default folder$/m);
  });
});
