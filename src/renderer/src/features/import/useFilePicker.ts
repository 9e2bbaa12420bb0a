/**
 * File → Import…: opens the hidden file picker. Browsers (and Electron's renderer) open a file
 * chooser only in answer to the person's own click or key; a command that arrives from the
 * application menu over IPC carries none, and `click()` would silently do nothing. Then the
 * sidebar's Import… button takes the focus (Enter opens the picker) and a note says so.
 */
import { useCallback, useRef } from 'react';
import type { Notify } from '../../ui/index.ts';

/** The sidebar button that opens the picker (its accessible name; see App.tsx). */
const IMPORT_BUTTON = 'button[aria-label="Import files…"]';

interface UserActivation {
  readonly isActive: boolean;
}

export function useFilePicker(notify: Notify) {
  const inputRef = useRef<HTMLInputElement>(null);
  const pick = useCallback(() => {
    const activation = (navigator as Navigator & { userActivation?: UserActivation }).userActivation;
    if (activation && !activation.isActive) {
      document.querySelector<HTMLButtonElement>(IMPORT_BUTTON)?.focus();
      notify({ kind: 'info', key: 'import-files', message: 'Press Enter to choose the files to import, or drop them on the window.' });
      return;
    }
    inputRef.current?.click();
  }, [notify]);
  return { inputRef, pick };
}
