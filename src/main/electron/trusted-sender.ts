/**
 * Which IPC senders Copydesk answers (after GitHub Desktop's `trusted-ipc-sender.ts`): only the
 * top frame of a window this process created, showing the app's own page. Anything else — a
 * frame inside our page, a page we navigated away to, a web contents we did not create (DevTools
 * extensions, a future helper window) — gets `untrusted_sender`.
 */
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl, type AppLocation } from './security.ts';

const trustedContents = new WeakSet<WebContents>();

/** Mark a window as ours; called by the window factory for every window it creates. */
export function trustWindow(win: BrowserWindow): void {
  trustedContents.add(win.webContents);
}

/** Is this one of the windows the factory created (and not yet destroyed)? */
export function isTrustedWindow(win: BrowserWindow): boolean {
  return !win.isDestroyed() && trustedContents.has(win.webContents);
}

/** The IPC event fields the check reads (structural, so tests can build one). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(location: AppLocation, event: SenderEvent): boolean {
  if (!trustedContents.has(event.sender)) return false;
  // Null when the frame navigated or was destroyed before the message was handled.
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the top frame: our page embeds no frames, so a child frame is never ours.
  if (frame.parent !== null) return false;
  return isAppUrl(location, frame.url);
}
