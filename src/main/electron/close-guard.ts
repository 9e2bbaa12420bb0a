/**
 * Closing a window without losing the last keystrokes: the first `close` is prevented and the
 * renderer is asked to flush (`app.flush`); the window closes for real when the renderer answers
 * (`app.readyToClose` → `proceed`) or after a timeout, so a hung renderer cannot keep it open.
 * A renderer whose save failed answers `app.keepOpen` (→ `cancel`): the window stays, with the text.
 */
import type { BrowserWindow } from 'electron';

export const FLUSH_TIMEOUT_MS = 3000;

export interface CloseGuard {
  /** The renderer has flushed (or the app gives up waiting): let the pending close go through. */
  proceed(): void;
  /** The renderer could not save: keep the window open so the unsaved text is not lost. */
  cancel(): void;
}

/** The window fields the guard uses (structural, so it can be tested without Electron). */
export type GuardedWindow = Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed' | 'webContents'>;

export function guardClose(win: GuardedWindow, requestFlush: () => void, timeoutMs = FLUSH_TIMEOUT_MS): CloseGuard {
  let state: 'open' | 'flushing' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const proceed = () => {
    if (state !== 'flushing') return;
    state = 'closing';
    clearTimeout(timer);
    if (!win.isDestroyed()) win.close();
  };

  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'flushing') return; // a second click on the close button while waiting
    // A crashed or destroyed renderer cannot answer: do not make the user wait for it.
    if (win.webContents.isDestroyed() || win.webContents.isCrashed()) {
      state = 'flushing';
      proceed();
      return;
    }
    state = 'flushing';
    timer = setTimeout(() => {
      console.warn(`[copydesk] the renderer did not confirm its flush within ${timeoutMs} ms; closing anyway`);
      proceed();
    }, timeoutMs);
    try {
      requestFlush();
    } catch (error) {
      console.error('[copydesk] could not ask the renderer to flush:', error);
      proceed();
    }
  });

  const cancel = () => {
    if (state !== 'flushing') return;
    state = 'open';
    clearTimeout(timer);
  };

  return { proceed, cancel };
}
