/**
 * The desk's commands from the application menu (`menu.command`) and the window's keyboard
 * shortcuts: Ctrl/Cmd+N new story, Ctrl/Cmd+S save now (a checkpoint revision), Ctrl/Cmd+E the
 * export menu. The open story's own keys (bold, link …) are the editor's.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import type { MenuCommand } from '../../../shared/contract.ts';
import { assertNever } from '../../../shared/errors.ts';
import { isCommandKey, on, useLatest } from '../lib/index.ts';
import type { EditorHandle } from '../features/story/index.ts';

export interface ShortcutsDeps {
  readonly editorRef: RefObject<EditorHandle | null>;
  readonly newStory: () => Promise<void>;
  /** File → Import…: the file picker. */
  readonly importFiles: () => void;
  readonly toggleTheme: () => Promise<void>;
}

export function useShortcuts({ editorRef, newStory, importFiles, toggleTheme }: ShortcutsDeps): void {
  const runMenuCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'new-story':
          void newStory();
          return;
        case 'import-files':
          importFiles();
          return;
        case 'save':
          void editorRef.current?.flush({ checkpoint: true });
          return;
        case 'export':
          editorRef.current?.openExport();
          return;
        case 'delete':
          editorRef.current?.requestDelete();
          return;
        case 'toggle-theme':
          void toggleTheme();
          return;
        default:
          assertNever(command, 'menu command');
      }
    },
    [editorRef, newStory, importFiles, toggleTheme]
  );

  // Keys run the menu's commands, so both do exactly the same.
  const run = useLatest(runMenuCommand);
  useEffect(() => {
    const offMenu = on('menu.command', ({ command }) => run.current(command));
    const onKeyDown = (event: KeyboardEvent) => {
      if (isCommandKey(event, 's') && !event.shiftKey) {
        event.preventDefault();
        run.current('save');
      } else if (isCommandKey(event, 'n') && !event.shiftKey) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) run.current('new-story');
      } else if (isCommandKey(event, 'e') && !event.shiftKey) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) run.current('export');
      }
    };
    // The application menu has the same accelerators. A handled (preventDefault) key does not
    // reach the menu, and `newStory` ignores a second request while one is in flight.
    window.addEventListener('keydown', onKeyDown);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [run]);
}
