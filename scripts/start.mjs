// `npm start`: build Copydesk and run it in Electron.
//
// The electron package downloads its binary lazily, on the first `require('electron')`. Where that
// download cannot happen (no network, a proxy, an unsupported platform) we must not hang or dump a
// stack trace: find the binary ourselves, try the download once with a time limit, and otherwise
// say in one line what happened and point to `npm run web`.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Node 24 runs TypeScript directly: the same lookup the e2e tests use.
import { electronAvailability, platformExecutable } from './electron-binary.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOWNLOAD_TIMEOUT_MS = Number(process.env.COPYDESK_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 90_000);
const FALLBACK = 'Run `npm run web` to use Copydesk in a browser.';

function unavailable(reason) {
  console.error(`Copydesk: no Electron binary is available on this machine (${reason}). ${FALLBACK}`);
  process.exit(1);
}

/**
 * Run the package's own installer once, time-limited; resolves to why it failed, or null. Says
 * that it is downloading only if the download takes a while (where it fails, it fails fast).
 */
function download(packageDir, version) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const notice = setTimeout(() => console.log(`Copydesk: downloading Electron ${version} (giving up after ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`), 3000);
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, DOWNLOAD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(notice);
      clearTimeout(limit);
      done(`the Electron installer could not run: ${error.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(notice);
      clearTimeout(limit);
      if (timedOut) return done(`the download of Electron ${version} did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} s`);
      if (code === 0) return done(null);
      // install.js prints the error's stack: its first line says what went wrong.
      const firstLine = output.split('\n').map((line) => line.trim()).find(Boolean);
      done(`the download of Electron ${version} failed${firstLine ? `: ${firstLine}` : ''}`);
    });
  });
}

let found = electronAvailability();
if (!found.packageDir) unavailable('the electron package is not installed; run `npm install`');
if (!found.available) {
  if (!platformExecutable()) unavailable(`Electron has no build for ${process.platform}`);
  const failure = process.env.COPYDESK_NO_ELECTRON_DOWNLOAD
    ? 'downloading it is disabled by COPYDESK_NO_ELECTRON_DOWNLOAD'
    : await download(found.packageDir, found.version);
  found = electronAvailability();
  if (!found.available) unavailable(failure ?? `the Electron ${found.version} installer finished but left no binary`);
}
const electron = found.executablePath;

const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) {
  console.error('Copydesk: the build failed (see above).');
  process.exit(build.status ?? 1);
}

// ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit', env });
child.on('error', (error) => unavailable(`${electron} could not be started: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
