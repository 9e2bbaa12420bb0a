/**
 * The browser test bridge: an HTTP server on 127.0.0.1 that runs the real services and serves the
 * built renderer, plus a client script that implements the preload's API over HTTP. It exists so
 * the renderer can be tested end to end in a plain Chromium where no Electron binary can run.
 *
 * Security: it listens on loopback only; every API call carries a random per-run token
 * (header `x-copydesk-token`), the page itself is served only to a request holding the token, and
 * requests from any other origin or Host are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import Conf from 'conf';
import { EVENT_NAMES, type EventName, type EventPayload } from '../../shared/contract.ts';
import { createHandlers, dispatch } from '../services/handlers.ts';
import { openLibrary, type Library } from '../services/library.ts';
import { newestPackage } from '../services/packages/package-format.ts';
import type { Platform } from '../services/services.ts';
import { MAX_IMPORT_BATCH_BYTES } from '../../shared/import.ts';

export interface BridgeOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly bridgeClientFile: string;
  readonly schemasDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Where "choose export folder" points, since a browser has no native folder dialog. */
  readonly exportDir?: string;
  readonly token?: string;
  readonly version?: string;
}

export interface Bridge {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly library: Library;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/** Room for the largest call: a batch of imported files, base64, and the JSON around it. */
const MAX_BODY_BYTES = Math.max(25 * 1024 * 1024, Math.ceil(MAX_IMPORT_BATCH_BYTES / 3) * 4 + 1024 * 1024);
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const exportDir = options.exportDir ?? join(options.dataDir, 'exports');
  const streams = new Set<ServerResponse>();
  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }
  const platform: Platform = {
    shell: 'web',
    version: options.version ?? '0.0.0',
    dataDir: options.dataDir,
    chooseExportFolder: async () => {
      mkdirSync(exportDir, { recursive: true });
      return exportDir;
    },
    // A browser has no file dialogs: packages are written to, and read from, the export folder.
    choosePackageFile: async (name) => {
      mkdirSync(exportDir, { recursive: true });
      return join(exportDir, name);
    },
    chooseImportFile: async () => newestPackage(exportDir),
    readyToClose: () => {},
    keepOpen: () => {},
  };
  const library = openLibrary({
    dataDir: options.dataDir,
    settingsBacking: new Conf({ cwd: options.dataDir, configName: 'settings', projectName: 'copydesk' }),
    schemasDir: options.schemasDir,
    platform,
    onDamage: (message) => emit('library.damaged', { message }),
    onLibraryChanged: (ids) => emit('library.changed', { ids }),
  });
  const dailyBackup = library.dailyBackup().catch((error: unknown) => console.error('[bridge] daily backup failed:', error));
  const handlers = createHandlers(library, platform);
  let origin = '';

  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[bridge]', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // Refuse other hosts (DNS rebinding) and other origins (another page on this machine).
    if (req.headers.host !== new URL(origin).host) return send(res, 403, 'text/plain', 'Wrong host');
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return send(res, 403, 'text/plain', 'Cross-origin requests are refused');

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events') {
        if (!tokenMatches(url.searchParams.get('token'))) return send(res, 401, 'text/plain', 'Missing or wrong token');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (!tokenMatches(req.headers['x-copydesk-token'] as string | undefined)) {
        return json(res, 401, { ok: false, error: { code: 'untrusted_sender', message: 'Missing or wrong bridge token.' } });
      }
      const match = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return json(res, 404, { ok: false, error: { code: 'invalid_input', message: 'No such API route.' } });
      if (!req.headers['content-type']?.startsWith('application/json')) {
        return json(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } });
      }
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch (error) {
        const message = error instanceof BodyTooLarge ? 'The request is too large.' : 'The request body is not valid JSON.';
        return json(res, 400, { ok: false, error: { code: 'invalid_input', message } });
      }
      return json(res, 200, await dispatch(handlers, match[1], input, (error) => library.reportCorruption(error)));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'))) {
        return send(res, 401, 'text/plain; charset=utf-8', 'Open the URL that `npm run web` printed (it carries the token).');
      }
      return send(res, 200, MIME['.html'], indexHtml());
    }
    if (url.pathname === '/__bridge/client.js') return sendFile(res, options.bridgeClientFile);
    const file = resolve(options.rendererDir, '.' + normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(resolve(options.rendererDir) + sep)) return send(res, 404, 'text/plain', 'Not found');
    return sendFile(res, file);
  }

  function indexHtml(): string {
    const html = readFileSync(join(options.rendererDir, 'index.html'), 'utf8');
    const inject =
      `<meta name="copydesk-bridge-token" content="${token}">\n` +
      `    <script type="module" src="/__bridge/client.js"></script>\n`;
    // The bridge client must run before the app's module script: insert it first in <head>.
    return html.replace(/<head>/i, (m) => `${m}\n    ${inject}`);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://${host}:${port}`;

  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    library,
    emit,
    async close() {
      await Promise.all([dailyBackup, library.idle()]);
      for (const stream of streams) stream.end();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      library.close();
    },
  };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendFile(res: ServerResponse, file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'Not found');
  send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}
