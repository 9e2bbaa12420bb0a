/**
 * The two ways out of a save conflict (the story was changed elsewhere): reload the newer version,
 * or keep the text in the editor as a new story beside it.
 */
import { useCallback } from 'react';
import type { Story } from '../../../../shared/story.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { quoted } from '../library/index.ts';
import type { StoryContentDraft } from './saver.ts';

export interface ConflictChoicesDeps {
  readonly show: (story: Story) => void;
  readonly onStoryUpdated: (story: Story) => void;
  readonly notify: Notify;
}

/** The list follows `library.changed`, so neither choice touches it. */
export function useConflictChoices({ show, onStoryUpdated, notify }: ConflictChoicesDeps) {
  const reload = useCallback(
    async (id: string) => {
      try {
        const story = await call('stories.get', { id });
        show(story);
        onStoryUpdated(story);
        notify({ kind: 'info', key: 'reload', message: 'Loaded the newer version of the story.' });
      } catch (error) {
        notify({ kind: 'error', key: 'reload', message: `Couldn't reload the story. ${errorMessage(error)}` });
      }
    },
    [notify, show, onStoryUpdated]
  );

  /** The text in the editor becomes a new story; the original shows its newer version. */
  const keepCopy = useCallback(
    async (source: Story, content: StoryContentDraft): Promise<boolean> => {
      try {
        const copy = await call('stories.createCopy', { ...content, sourceId: source.id });
        show(copy);
        notify({
          kind: 'success',
          key: 'copy',
          message: 'Your version is saved as a new story.',
          detail: `The original ${quoted(source.headline)} keeps the newer version.`,
          duration: 10_000,
        });
        return true;
      } catch (error) {
        notify({ kind: 'error', key: 'copy', message: `Couldn't save your version as a copy. ${errorMessage(error)}` });
        return false;
      }
    },
    [notify, show]
  );

  return { reload, keepCopy };
}
