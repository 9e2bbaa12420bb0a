/** "Compare versions": the two versions side by side, with Restore for an older revision. */
import type { RevisionSummary } from '../../../../shared/story.ts';
import { Dialog } from '../../ui/index.ts';
import { CompareView } from './CompareView.tsx';
import type { Comparison } from './useCompare.ts';

export interface CompareDialogProps {
  readonly comparing: Comparison;
  readonly onClose: () => void;
  readonly onRestore: (revision: RevisionSummary) => void;
}

export function CompareDialog({ comparing, onClose, onRestore }: CompareDialogProps) {
  const older = comparing.olderRevision;
  return (
    <Dialog
      title="Compare versions"
      open
      className="cd-dialog--wide"
      onCancel={onClose}
      actions={
        <>
          {older ? (
            <button type="button" className="cd-button cd-dialog__start" onClick={() => onRestore(older)}>
              Restore the older version…
            </button>
          ) : null}
          <button type="button" className="cd-button cd-button--primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <CompareView older={comparing.older} newer={comparing.newer} />
    </Dialog>
  );
}
