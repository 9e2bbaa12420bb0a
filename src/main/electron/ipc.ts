/**
 * The only file in main that touches `ipcMain` (lint enforces it). One wrapper serves every
 * channel of the contract table: check the sender, then `dispatch`, which validates the input and
 * turns every outcome into a serialisable Result. Events to the renderer go through `emit`, which
 * validates the payload against the `events` table.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, IPC_PREFIX, events, type EventName, type EventPayload } from '../../shared/contract.ts';
import type { Result } from '../../shared/errors.ts';
import { dispatch, type Handlers } from '../services/handlers.ts';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Register one handler per contract channel; returns the cleanup that removes them all. */
export function registerIpc(handlers: Handlers, isTrustedSender: SenderCheck, onCorruption?: (error: unknown) => void): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!senderAllowed(isTrustedSender, event)) {
        console.warn(`[copydesk] refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return {
          ok: false,
          error: { code: 'untrusted_sender', message: `Copydesk refused "${channel}": the request did not come from a Copydesk window.` },
        };
      }
      return dispatch(handlers, channel, input, onCorruption);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}

/** Send an event to a window's renderer; the payload is checked against the contract first. */
export function emit<E extends EventName>(win: BrowserWindow, event: E, payload: EventPayload<E>): void {
  const parsed: unknown = events[event].parse(payload);
  if (win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(IPC_PREFIX + event, parsed);
}

function senderAllowed(check: SenderCheck, event: IpcMainInvokeEvent): boolean {
  try {
    return check(event);
  } catch (error) {
    // A destroyed frame can throw on access: treat it as untrusted, never as a crash.
    console.warn('[copydesk] sender check failed:', error);
    return false;
  }
}
