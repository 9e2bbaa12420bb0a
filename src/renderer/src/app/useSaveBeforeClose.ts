/**
 * Closing the window: main asks first (`app.flush`), and the open story is saved before it goes.
 * If the save fails the window stays open (`app.keepOpen`) and we say why; closing it again quits
 * without those changes. Leaving the page starts the save too.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { call, errorMessage, on, useLatest } from '../lib/index.ts';
import type { EditorHandle } from '../features/story/index.ts';
import type { Notify } from '../ui/index.ts';

export function useSaveBeforeClose(editorRef: RefObject<EditorHandle | null>, notify: Notify): void {
  const closeRefused = useRef(false);

  const flushForClose = useCallback(async () => {
    const saved = (await editorRef.current?.flush()) ?? true;
    if (saved || closeRefused.current) {
      closeRefused.current = false;
      try {
        await call('app.readyToClose', {});
      } catch (error) {
        notify({ kind: 'error', key: 'close', message: `Couldn't close the window. ${errorMessage(error)}` });
      }
      return;
    }
    closeRefused.current = true;
    try {
      await call('app.keepOpen', {});
    } catch {
      // Main's close guard gives up waiting on its own.
    }
    notify({
      kind: 'error',
      key: 'close',
      message: "Your latest changes couldn't be saved, so Copydesk stayed open.",
      detail: 'Use Retry beside the save status, or close the window again to quit without those changes.',
    });
  }, [editorRef, notify]);

  const flushForCloseRef = useLatest(flushForClose);
  useEffect(() => {
    const offFlush = on('app.flush', () => void flushForCloseRef.current());
    // Leaving the page: start the save; main's app.flush is what waits for it in the app.
    const onLeave = () => void editorRef.current?.flush();
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    return () => {
      offFlush();
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [editorRef, flushForCloseRef]);
}
