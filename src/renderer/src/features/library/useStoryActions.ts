/**
 * What happens to the list when a story is created, changed or deleted: a new story goes on top
 * and opens; a changed one changes in place, so nothing jumps; a deleted one leaves the list.
 */
import { useCallback, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Story } from '../../../../shared/story.ts';
import { call, errorMessage, useLatest } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import type { Library } from './useLibrary.ts';
import { withoutRow, withRowOnTop, withRowUpdated } from './stories.ts';
import type { OpenStory } from './useOpenStory.ts';

export interface StoryActionsDeps {
  readonly rows: Library['rows'];
  readonly setRows: Library['setRows'];
  readonly setOpen: Dispatch<SetStateAction<OpenStory | null>>;
  readonly show: (story: Story, focusHeadline?: boolean) => void;
  readonly flushOpen: () => Promise<boolean>;
  readonly showStories: () => void;
  readonly refreshKeywords: () => Promise<void>;
  readonly refreshStats: () => Promise<void>;
  readonly refreshStatsSoon: () => void;
  readonly notify: Notify;
  /** The list, to move the focus to its first row after a delete. */
  readonly listRef: RefObject<HTMLDivElement | null>;
}

export function useStoryActions(deps: StoryActionsDeps) {
  const { rows, setRows, setOpen, show, flushOpen, showStories, refreshKeywords, refreshStats, refreshStatsSoon, notify, listRef } = deps;
  /** Bumped whenever the open story changes (saved, transitioned, restored): the revisions panel reads its list again. */
  const [savedTick, setSavedTick] = useState(0);
  const creating = useRef(false);
  const rowsRef = useLatest(rows);

  const newStory = useCallback(async () => {
    if (creating.current) return;
    creating.current = true;
    try {
      if (!(await flushOpen())) return;
      const story = await call('stories.create', {});
      showStories();
      setRows((list) => withRowOnTop(list, story));
      show(story, true);
      void refreshStats();
    } catch (error) {
      notify({ kind: 'error', key: 'create', message: `Couldn't create a story. ${errorMessage(error)}` });
    } finally {
      creating.current = false;
    }
  }, [flushOpen, notify, show, showStories, setRows, refreshStats]);

  /** A story changed (saved, transitioned, restored): its row changes in place, nothing jumps. */
  const onStoryUpdated = useCallback(
    (story: Story) => {
      const previous = rowsRef.current?.find((s) => s.id === story.id);
      setRows((list) => withRowUpdated(list, story));
      if (!previous || previous.keywords.join('\u0000') !== story.keywords.join('\u0000')) void refreshKeywords();
      setSavedTick((t) => t + 1);
      refreshStatsSoon();
    },
    [rowsRef, refreshKeywords, refreshStatsSoon, setRows]
  );

  const onDeleted = useCallback(
    (id: string) => {
      setRows((list) => withoutRow(list, id));
      setOpen((current) => (current?.story.id === id ? null : current));
      void refreshKeywords();
      void refreshStats();
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('.cd-row')?.focus());
    },
    [refreshKeywords, refreshStats, setRows, setOpen, listRef]
  );

  return { savedTick, newStory, onStoryUpdated, onDeleted };
}
