/**
 * The preload: the only file that touches `ipcRenderer` (lint enforces it). It exposes exactly one
 * object, `window.copydesk`, built from the contract table: one named function per channel plus
 * `on` for events. No generic `invoke`/`send`, no `ipcRenderer`, no `process`.
 *
 * It runs sandboxed, so it is bundled into one CommonJS file (out/preload/index.cjs, zod included)
 * that requires nothing but "electron".
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Invoke, type Subscribe } from '../shared/api.ts';
import { IPC_PREFIX } from '../shared/contract.ts';

const invoke: Invoke = (channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input);

const subscribe: Subscribe = (event, listener) => {
  // The renderer gets the payload only, never the IpcRendererEvent (it carries `sender`).
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(IPC_PREFIX + event, wrapped);
  return () => {
    ipcRenderer.removeListener(IPC_PREFIX + event, wrapped);
  };
};

contextBridge.exposeInMainWorld('copydesk', buildApi(invoke, subscribe));
