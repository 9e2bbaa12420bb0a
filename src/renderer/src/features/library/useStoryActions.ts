/**
 * Creating, changing and deleting the open story, as the desk sees it: a new story opens with its
 * headline taking the keys already typed; a deleted one closes. The list itself follows
 * `library.changed` (useLibraryChanges), so nothing here touches its rows.
 */
import { useCallback, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Story } from '../../../../shared/story.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import type { OpenStory } from './useOpenStory.ts';

export interface StoryActionsDeps {
  readonly setOpen: Dispatch<SetStateAction<OpenStory | null>>;
  readonly show: (story: Story, focusHeadline?: boolean) => void;
  readonly flushOpen: () => Promise<boolean>;
  readonly showStories: () => void;
  /** Start collecting keys for the new headline (synchronously, before anything is awaited). */
  readonly startTypeAhead: () => void;
  readonly notify: Notify;
  /** The list, to move the focus to its first row after a delete. */
  readonly listRef: RefObject<HTMLDivElement | null>;
}

export function useStoryActions(deps: StoryActionsDeps) {
  const { setOpen, show, flushOpen, showStories, startTypeAhead, notify, listRef } = deps;
  /** Bumped whenever the open story changes (saved, transitioned, restored): the revisions panel reads its list again. */
  const [savedTick, setSavedTick] = useState(0);
  const creating = useRef(false);

  const newStory = useCallback(async () => {
    if (creating.current) return;
    creating.current = true;
    startTypeAhead();
    try {
      if (!(await flushOpen())) return;
      const story = await call('stories.create', {});
      showStories();
      show(story, true);
    } catch (error) {
      notify({ kind: 'error', key: 'create', message: `Couldn't create a story. ${errorMessage(error)}` });
    } finally {
      creating.current = false;
    }
  }, [flushOpen, notify, show, showStories, startTypeAhead]);

  /** The open story changed (saved, transitioned, restored, or changed elsewhere). */
  const onStoryUpdated = useCallback(() => setSavedTick((t) => t + 1), []);

  const onDeleted = useCallback(
    (id: string) => {
      setOpen((current) => (current?.story.id === id ? null : current));
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('.cd-row')?.focus());
    },
    [setOpen, listRef]
  );

  return { savedTick, newStory, onStoryUpdated, onDeleted };
}
