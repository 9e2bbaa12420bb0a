/**
 * `npm run web`: start the browser test bridge. Options:
 *   --data DIR     the data folder (default: a fresh temporary folder)
 *   --port N       the port on 127.0.0.1 (default: any free port)
 *   --export-dir D the folder "Export" writes to (default: DATA/exports)
 * Prints one line `Copydesk web bridge: URL` (the URL carries the per-run token).
 */
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBridge } from './bridge-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    'export-dir': { type: 'string' },
  },
});

const rendererDir = join(root, 'out/renderer');
const bridgeClientFile = join(root, 'out/web-bridge/client.js');
if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(bridgeClientFile)) {
  console.error('Copydesk web bridge: the renderer is not built yet. Run `npm run build` first.');
  process.exit(1);
}
const dataDir = resolve(values.data ?? mkdtempSync(join(tmpdir(), 'copydesk-web-')));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

try {
  const bridge = await startBridge({
    dataDir,
    rendererDir,
    bridgeClientFile,
    schemasDir: join(root, 'resources/schemas'),
    port: values.port ? Number(values.port) : 0,
    exportDir: values['export-dir'] ? resolve(values['export-dir']) : undefined,
    version,
  });
  console.log(`Copydesk web bridge: ${bridge.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = () => {
    bridge.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Copydesk web bridge could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
