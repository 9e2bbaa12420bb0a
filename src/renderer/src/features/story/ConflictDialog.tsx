/**
 * A save was refused because the story changed elsewhere (another window, an import). Nothing is
 * overwritten silently: the person chooses between loading the newer version (after a clear
 * warning that the edits here are dropped) and keeping their text as a separate copy.
 */
import { useEffect, useId, useState } from 'react';
import { Dialog } from '../../ui/index.ts';

export interface ConflictDialogProps {
  readonly open: boolean;
  readonly busy: boolean;
  readonly onReload: () => void;
  readonly onKeepCopy: () => void;
  readonly onLater: () => void;
}

export function ConflictDialog({ open, busy, onReload, onKeepCopy, onLater }: ConflictDialogProps) {
  const [confirmReload, setConfirmReload] = useState(false);
  const id = useId();
  useEffect(() => {
    if (open) setConfirmReload(false);
  }, [open]);

  if (confirmReload) {
    return (
      <Dialog
        title="Discard your changes?"
        open={open}
        onCancel={() => setConfirmReload(false)}
        onSubmit={onReload}
        className="cd-dialog--warning"
        description={
          <p>
            The newer version replaces the text in the editor. <strong>What you typed since your last save will be lost.</strong> To keep
            it, go back and choose “Keep mine as a copy”.
          </p>
        }
        actions={
          <>
            <button type="button" className="cd-button" onClick={() => setConfirmReload(false)}>
              Back
            </button>
            <button type="submit" className="cd-button cd-button--danger-solid" disabled={busy}>
              Discard my changes and reload
            </button>
          </>
        }
      >
        {null}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="This story was changed elsewhere"
      open={open}
      onCancel={onLater}
      className="cd-dialog--conflict"
      description={
        <>
          <p>
            While you were editing, this story was saved somewhere else — in another window, on another computer, or by an import.
            Copydesk did not save your text over that version.
          </p>
          <p className="cd-conflict__safe">Your text is still here, unsaved. Choose what to do with it:</p>
        </>
      }
      actions={
        <button type="button" className="cd-button cd-button--quiet" onClick={onLater}>
          Decide later
        </button>
      }
    >
      <div className="cd-choices">
        <button
          type="button"
          className="cd-choice"
          disabled={busy}
          aria-labelledby={`${id}-copy`}
          aria-describedby={`${id}-copy-detail`}
          onClick={onKeepCopy}
        >
          <span id={`${id}-copy`} className="cd-choice__title">
            {busy ? 'Saving your copy…' : 'Keep mine as a copy'}
          </span>
          <span id={`${id}-copy-detail`} className="cd-choice__detail">
            Your text becomes a new story, and the original keeps the newer version. Nothing is lost.
          </span>
        </button>
        <button
          type="button"
          className="cd-choice"
          disabled={busy}
          aria-labelledby={`${id}-reload`}
          aria-describedby={`${id}-reload-detail`}
          onClick={() => setConfirmReload(true)}
        >
          <span id={`${id}-reload`} className="cd-choice__title">
            Reload the newer version
          </span>
          <span id={`${id}-reload-detail`} className="cd-choice__detail">Load the version saved elsewhere. Your unsaved changes here are discarded.</span>
        </button>
      </div>
    </Dialog>
  );
}
