/**
 * The story open in the editor, and switching to another one: the open story is saved first and
 * stays open if that fails, so no text is lost.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { Story } from '../../../../shared/story.ts';
import { call, errorCode, errorMessage } from '../../lib/index.ts';
import type { EditorHandle } from '../story/index.ts';
import type { Notify } from '../../ui/index.ts';
import type { Library } from './useLibrary.ts';
import { withoutRow } from './stories.ts';

export interface OpenStory {
  readonly story: Story;
  /** Bumped to load a fresh copy of the same story (Reload after a conflict, a restore). */
  readonly generation: number;
  readonly focusHeadline: boolean;
}

export function useOpenStory(editorRef: RefObject<EditorHandle | null>, notify: Notify, setRows: Library['setRows']) {
  const [open, setOpen] = useState<OpenStory | null>(null);
  const generation = useRef(0);

  /** Save the open story before leaving it; keep it open if that fails, so no text is lost. */
  const flushOpen = useCallback(async (): Promise<boolean> => {
    const handle = editorRef.current;
    if (!handle) return true;
    const saved = await handle.flush();
    if (!saved) {
      notify({
        kind: 'error',
        key: 'leave',
        message: "This story's latest changes couldn't be saved, so it stays open and your text stays as it is.",
        detail: 'Use Retry beside the save status, or copy your text somewhere safe.',
      });
    }
    return saved;
  }, [editorRef, notify]);

  /** Put `story` in the editor (a fresh editor, even for the story already open). */
  const show = useCallback((story: Story, focusHeadline = false) => {
    setOpen({ story, generation: ++generation.current, focusHeadline });
  }, []);

  const openStory = useCallback(
    async (id: string) => {
      if (open?.story.id === id) return;
      if (!(await flushOpen())) return;
      try {
        show(await call('stories.get', { id }));
      } catch (error) {
        notify({ kind: 'error', key: 'open', message: `Couldn't open the story. ${errorMessage(error)}` });
        if (errorCode(error) === 'not_found') setRows((list) => withoutRow(list, id));
      }
    },
    [open, flushOpen, notify, show, setRows]
  );

  return { open, setOpen, show, flushOpen, openStory };
}
