/** Start and stop the browser test bridge (`src/main/web/server.ts`) as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface RunningBridge {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * How long the bridge may take to print its address. Generous for a busy 2-core machine (it
 * usually takes well under 2 s), yet below Playwright's 60 s test timeout, so a bridge that never
 * starts fails here, with its own output, rather than as a bare test timeout.
 */
export const BRIDGE_START_LIMIT_MS = 45_000;

export async function startBridgeProcess(options: { dataDir: string; exportDir: string; port?: number }): Promise<RunningBridge> {
  const args = ['--disable-warning=ExperimentalWarning', join(ROOT, 'src/main/web/server.ts'), '--data', options.dataDir, '--export-dir', options.exportDir];
  if (options.port) args.push('--port', String(options.port));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const output = () => `\n--- bridge stdout ---\n${stdout || '(nothing)'}\n--- bridge stderr ---\n${stderr || '(nothing)'}`;
  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(new Error(`${why}${output()}`));
    };
    const timer = setTimeout(() => fail(`The bridge did not print its address within ${BRIDGE_START_LIMIT_MS / 1000} s.`), BRIDGE_START_LIMIT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Copydesk web bridge: (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => fail(`The bridge could not be started (${error.message}).`));
    child.once('exit', (code, signal) => fail(`The bridge exited (${signal ?? `code ${code}`}) before it printed its address.`));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
