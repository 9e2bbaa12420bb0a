// The browser test bridge: the real services over HTTP, reachable only with the per-run token,
// only from its own origin and Host.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../src/main/web/bridge-server.ts';
import { SCHEMAS_DIR } from './services.ts';
import { useTempDir } from './helpers.ts';

const tempDir = useTempDir();
const bridges: Bridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) await b.close();
});

async function start(): Promise<Bridge> {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Copydesk</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'client.js'), '// bridge client');
  const bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir, bridgeClientFile: join(dir, 'client.js'), schemasDir: SCHEMAS_DIR });
  bridges.push(bridge);
  return bridge;
}

/** A raw HTTP request, so the test controls every header (fetch would add its own Origin). */
function send(bridge: Bridge, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(path, bridge.origin);
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (bridge: Bridge, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(bridge, `/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-copydesk-token': bridge.token, ...headers },
    body: JSON.stringify(input),
  });

describe('browser test bridge', () => {
  it('listens on loopback only, with a fresh random token each run', async () => {
    const a = await start();
    const b = await start();
    expect(new URL(a.origin).hostname).toBe('127.0.0.1');
    expect(a.token).toMatch(/^[0-9a-f]{48}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('answers contract calls with the same validation as IPC', async () => {
    const bridge = await start();
    const created = await call(bridge, 'stories.create', { headline: 'Over HTTP' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { headline: 'Over HTTP', status: 'draft' } });
    const bad = await call(bridge, 'stories.get', { id: 'nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const bridge = await start();
    expect((await call(bridge, 'stories.list', {}, { 'x-copydesk-token': '' })).status).toBe(401);
    expect((await call(bridge, 'stories.list', {}, { 'x-copydesk-token': 'f'.repeat(48) })).status).toBe(401);
    expect(bridge.library.services().stories.list()).toEqual([]);
  });

  it('refuses other origins and other Host names', async () => {
    const bridge = await start();
    expect((await call(bridge, 'stories.create', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(bridge, 'stories.create', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await call(bridge, 'stories.create', {}, { origin: bridge.origin })).status).toBe(200);
    expect(bridge.library.services().stories.list()).toHaveLength(1);
  });

  it('serves the page only with the token, with the bridge client injected before the app', async () => {
    const bridge = await start();
    expect((await send(bridge, '/')).status).toBe(401);
    const page = await send(bridge, `/?token=${bridge.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="copydesk-bridge-token" content="${bridge.token}">`);
    expect(page.body.indexOf('/__bridge/client.js')).toBeLessThan(page.body.indexOf('<title>'));
    expect((await send(bridge, '/app.js')).status).toBe(200);
    expect((await send(bridge, '/../../etc/passwd')).status).toBe(404);
    expect((await send(bridge, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('refuses requests that are not JSON, or too large', async () => {
    const bridge = await start();
    const notJson = await send(bridge, '/api/call/stories.list', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-copydesk-token': bridge.token }, body: '{}' });
    expect(notJson.status).toBe(415);
    const broken = await send(bridge, '/api/call/stories.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-copydesk-token': bridge.token }, body: '{"' });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
  });
});
