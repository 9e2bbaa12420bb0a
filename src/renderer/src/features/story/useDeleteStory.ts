/** Deleting the open story: to the trash, with a notification that says for how long it stays there. */
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { retentionLabel } from './DeleteStoryDialog.tsx';
import type { StoryDraft } from './useStoryDraft.ts';

export interface DeleteStoryOptions {
  readonly storyId: string;
  readonly draft: StoryDraft;
  readonly trashRetentionDays: number;
  readonly notify: Notify;
  readonly onDeleted: (id: string) => void;
  readonly setBusy: (busy: boolean) => void;
  readonly closeDialog: () => void;
}

export function useDeleteStory({ storyId, draft, trashRetentionDays, notify, onDeleted, setBusy, closeDialog }: DeleteStoryOptions) {
  return async () => {
    setBusy(true);
    try {
      await call('stories.delete', { id: storyId });
      draft.saverRef.current?.dispose();
      closeDialog();
      notify({
        kind: 'success',
        key: 'deleted',
        message: 'Story deleted.',
        detail: `It is in the Trash for ${retentionLabel(trashRetentionDays)}.`,
      });
      onDeleted(storyId);
    } catch (error) {
      notify({ kind: 'error', key: `delete-${storyId}`, message: `Couldn't delete the story. ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
}
