/** "Start a new, empty library?": the damaged library is kept aside; its stories are not in the new one. */
import { Dialog } from '../../ui/index.ts';

export interface StartFreshDialogProps {
  readonly open: boolean;
  readonly busy: string | null;
  /** Whether readable stories were already saved as Markdown (if not, the dialog suggests it). */
  readonly salvaged: boolean;
  readonly onCancel: () => void;
  readonly onStart: () => void;
}

export function StartFreshDialog({ open, busy, salvaged, onCancel, onStart }: StartFreshDialogProps) {
  return (
    <Dialog
      title="Start a new, empty library?"
      open={open}
      onCancel={onCancel}
      onSubmit={onStart}
      description={
        <p>
          Copydesk opens with no stories. The damaged library is kept aside in the data folder; stories in it are not in the new library.
          {!salvaged ? ' You may want to save readable stories as Markdown first.' : ''}
        </p>
      }
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--danger-solid" disabled={busy !== null}>
            {busy === 'fresh' ? 'Starting…' : 'Start a new library'}
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  );
}
