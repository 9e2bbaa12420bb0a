/**
 * The BUILT preload (out/preload/index.cjs), evaluated as the sandbox would: a CommonJS function
 * whose `require` knows only "electron" (here a recording fake). Checks that it exposes exactly
 * the contract's named functions and that listeners never see the IPC event object.
 *
 * Needs `npm run build` first.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../src/shared/contract.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');

interface Loaded {
  exposed: { key: string; api: Record<string, unknown> }[];
  ipcRenderer: EventEmitter & { invoke: ReturnType<typeof vi.fn> };
  required: string[];
}

function loadPreload(): Loaded {
  const exposed: Loaded['exposed'] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
  });
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`A sandboxed preload cannot require "${id}".`);
    return {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
      ipcRenderer,
    };
  };
  const module = { exports: {} };
  const run = compileFunction(readFileSync(PRELOAD_BUNDLE, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: PRELOAD_BUNDLE,
  });
  run(module.exports, fakeRequire, module, PRELOAD_BUNDLE, join(ROOT, 'out/preload'));
  return { exposed, ipcRenderer, required };
}

describe('the built preload, evaluated with a fake electron', () => {
  let loaded: Loaded;
  beforeAll(() => {
    if (!existsSync(PRELOAD_BUNDLE)) throw new Error(`${PRELOAD_BUNDLE} is missing: run \`npm run build\` before the bundle tests.`);
    loaded = loadPreload();
  });

  it('requires only electron and exposes exactly one object, window.copydesk', () => {
    expect(loaded.required).toEqual(['electron']);
    expect(loaded.exposed.map((e) => e.key)).toEqual(['copydesk']);
  });

  it('exposes one named function per contract channel, plus `on`, and nothing else', () => {
    const api = loaded.exposed[0].api;
    const groups = [...new Set(CHANNELS.map((c) => c.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...groups, 'on'].sort());
    for (const group of groups) {
      const methods = CHANNELS.filter((c) => c.startsWith(`${group}.`)).map((c) => c.split('.')[1]);
      const ns = api[group] as Record<string, unknown>;
      expect(Object.keys(ns).sort(), group).toEqual(methods.sort());
      for (const method of methods) expect(typeof ns[method]).toBe('function');
    }
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('process');
  });

  it('invokes the prefixed channel with the input and returns the answer', async () => {
    const api = loaded.exposed[0].api as { stories: { list(input: unknown): Promise<unknown> } };
    await expect(api.stories.list({ status: 'draft' })).resolves.toEqual({
      ok: true,
      value: { channel: `${IPC_PREFIX}stories.list`, input: { status: 'draft' } },
    });
    expect(loaded.ipcRenderer.invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}stories.list`, { status: 'draft' });
  });

  it('gives listeners the payload only, and unsubscribes exactly the listener it added', () => {
    const api = loaded.exposed[0].api as { on(event: string, listener: (...args: unknown[]) => void): () => void };
    const first = vi.fn();
    const second = vi.fn();
    const channel = `${IPC_PREFIX}menu.command`;
    const offFirst = api.on('menu.command', first);
    api.on('menu.command', second);
    expect(loaded.ipcRenderer.listenerCount(channel)).toBe(2);

    loaded.ipcRenderer.emit(channel, { sender: 'the IpcRendererEvent' }, { command: 'save' });
    expect(first).toHaveBeenCalledWith({ command: 'save' });
    expect(first.mock.calls[0]).toHaveLength(1);

    offFirst();
    expect(loaded.ipcRenderer.listenerCount(channel)).toBe(1);
    loaded.ipcRenderer.emit(channel, {}, { command: 'export' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const api = loaded.exposed[0].api as { on(event: string, listener: () => void): () => void };
    expect(() => api.on('electron-store-get-data', () => {})).toThrow(/Unknown event/);
  });
});
