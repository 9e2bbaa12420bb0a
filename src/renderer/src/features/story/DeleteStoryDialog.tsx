/** "Delete this story?": it goes to the trash, and the dialog says for how long it can come back. */
import { Dialog } from '../../ui/index.ts';

export interface DeleteStoryDialogProps {
  readonly open: boolean;
  readonly busy: boolean;
  readonly headline: string;
  readonly trashRetentionDays: number;
  readonly onCancel: () => void;
  readonly onDelete: () => void;
}

export const retentionLabel = (days: number) => (days === 1 ? '1 day' : `${days} days`);

export function DeleteStoryDialog({ open, busy, headline, trashRetentionDays, onCancel, onDelete }: DeleteStoryDialogProps) {
  const shownHeadline = headline.trim() || 'Untitled story';
  return (
    <Dialog
      title="Delete this story?"
      open={open}
      onCancel={onCancel}
      onSubmit={onDelete}
      description={
        <p>
          “<span dir="auto">{shownHeadline}</span>” will be moved to the trash. You can restore it from the Trash for{' '}
          {retentionLabel(trashRetentionDays)}; after that it is deleted for good.
        </p>
      }
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--danger-solid" disabled={busy}>
            Delete story
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  );
}
