/**
 * The trash in the left pane: which pane shows (stories or trash), the deleted stories, restoring
 * one (it opens) and emptying the trash for good.
 */
import { useCallback, useState } from 'react';
import type { Story, TrashedStory } from '../../../../shared/story.ts';
import { call, countLabel, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { quoted } from '../library/index.ts';

type Pane = 'stories' | 'trash';

export interface TrashDeps {
  readonly flushOpen: () => Promise<boolean>;
  readonly show: (story: Story, focusHeadline?: boolean) => void;
  readonly notify: Notify;
}

/** The story list, its counts and this list follow `library.changed`; nothing here refreshes them. */
export function useTrash({ flushOpen, show, notify }: TrashDeps) {
  const [pane, setPane] = useState<Pane>('stories');
  const [items, setItems] = useState<readonly TrashedStory[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setItems(await call('trash.list', {}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const showTrash = useCallback(
    (visible: boolean) => {
      setPane(visible ? 'trash' : 'stories');
      if (visible) void refresh();
    },
    [refresh]
  );

  const showStories = useCallback(() => setPane('stories'), []);

  const restore = useCallback(
    async (item: TrashedStory) => {
      setBusyId(item.id);
      try {
        if (!(await flushOpen())) return;
        const story = await call('trash.restore', { id: item.id });
        setItems((list) => list?.filter((t) => t.id !== item.id) ?? list);
        setPane('stories');
        show(story, true);
        notify({ kind: 'success', key: 'trash', message: `Restored ${quoted(story.headline)}.` });
      } catch (e) {
        notify({ kind: 'error', key: 'trash', message: `Couldn't restore the story. ${errorMessage(e)}` });
        void refresh();
      } finally {
        setBusyId(null);
      }
    },
    [flushOpen, notify, show, refresh]
  );

  const empty = useCallback(async (): Promise<boolean> => {
    try {
      const { purged } = await call('trash.empty', {});
      notify({ kind: 'success', key: 'trash', message: `Deleted ${countLabel(purged, 'story', 'stories')} for good.` });
      void refresh();
      return true;
    } catch (e) {
      notify({ kind: 'error', key: 'trash', message: `Couldn't empty the trash. ${errorMessage(e)}` });
      return false;
    }
  }, [notify, refresh]);

  return { pane, items, error, busyId, refresh, showTrash, showStories, restore, empty };
}
