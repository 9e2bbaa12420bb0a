#!/usr/bin/env node
// `copydesk`: the command line. Plain JavaScript that any Node runs (the system's may be Node 20),
// which re-runs the real entry, src/main/cli/main.ts, under Node 24: the project's pinned Node
// (node_modules/node, the `node` devDependency), or this Node if it is already 24 or newer.
// Node 24 runs the TypeScript sources directly (they use only erasable syntax).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'main', 'cli', 'main.ts');

function node24() {
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  const pinned = ['node', 'node.exe'].map((name) => join(root, 'node_modules', 'node', 'bin', name));
  return pinned.find((file) => existsSync(file)) ?? null;
}

const node = node24();
if (!node) {
  process.stderr.write(`copydesk: needs Node 24; run \`npm install\` in ${root} (it installs the pinned Node 24).\n`);
  process.exit(1);
}
const run = spawnSync(node, ['--disable-warning=ExperimentalWarning', entry, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) {
  process.stderr.write(`copydesk: could not start Node 24 (${run.error.message}).\n`);
  process.exit(1);
}
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 1);
