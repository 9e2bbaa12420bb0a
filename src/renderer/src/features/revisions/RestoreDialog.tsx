/** "Restore this version?": what comes back, and that the current text is kept as a revision first. */
import type { RevisionSummary } from '../../../../shared/story.ts';
import { exactTime, wordsLabel } from '../../lib/index.ts';
import { Dialog } from '../../ui/index.ts';
import { revisionLabel } from './revisionLabel.ts';

export interface RestoreDialogProps {
  /** The revision to restore; null: the dialog is closed. */
  readonly revision: RevisionSummary | null;
  readonly restoring: boolean;
  readonly onCancel: () => void;
  readonly onRestore: () => void;
}

export function RestoreDialog({ revision, restoring, onCancel, onRestore }: RestoreDialogProps) {
  return (
    <Dialog
      title="Restore this version?"
      open={revision !== null}
      onCancel={onCancel}
      onSubmit={onRestore}
      description={<p>The current text is kept as a revision first.</p>}
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={restoring}>
            {restoring ? 'Restoring…' : 'Restore this version'}
          </button>
        </>
      }
    >
      {revision ? (
        <div className="cd-restore-what">
          <p className="cd-restore-what__reason">{revisionLabel(revision)}</p>
          <p className="cd-restore-what__meta">
            {exactTime(revision.at)} · <span dir="auto">{revision.author}</span> · {wordsLabel(revision.wordCount)}
          </p>
          <p className="cd-restore-what__headline" dir="auto">
            {revision.headline.trim() || 'Untitled story'}
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
