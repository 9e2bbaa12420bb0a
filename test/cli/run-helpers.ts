/** Running the command line in tests: in-process with captured output, or as a real child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/run.ts';
import type { Wiring } from '../../src/main/cli/context.ts';
import { doubleWiring } from './doubles.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'copydesk.mjs');
export const WITH_DOUBLES = join(import.meta.dirname, 'copydesk-with-doubles.ts');

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run in this process; `env` replaces the environment (no COPYDESK_DATA leaks in from outside). */
export async function cli(argv: string[], options: { env?: Record<string, string>; cwd?: string; wiring?: Wiring } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: options.env ?? { HOME: '/nonexistent-home' }, cwd: options.cwd ?? ROOT },
    options.wiring ?? doubleWiring()
  );
  return { code, stdout, stderr };
}

/** Run as a child process: `script` is bin/copydesk.mjs (the real entry) or the doubles' entry. */
export function child(script: string, argv: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', ...options.env };
    const proc = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...argv], { cwd: options.cwd ?? ROOT, env });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** stderr as lines (each message of the command line is one line). */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
