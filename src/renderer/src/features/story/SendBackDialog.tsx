/** An editor sends a story back to its reporter with a note; the note is required. */
import { useEffect, useState } from 'react';
import { Dialog, FieldError } from '../../ui/index.ts';

export interface SendBackDialogProps {
  readonly open: boolean;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onSend: (note: string) => void | Promise<void>;
}

export function SendBackDialog({ open, busy, onCancel, onSend }: SendBackDialogProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setNote('');
      setError(null);
    }
  }, [open]);
  const submit = () => {
    const trimmed = note.trim();
    if (!trimmed) {
      setError('Write a note so the reporter knows what to change.');
      return;
    }
    void onSend(trimmed);
  };
  return (
    <Dialog
      title="Send back to the reporter"
      open={open}
      onCancel={onCancel}
      onSubmit={submit}
      description="The story returns to its reporter with your note. They can revise it and submit it again."
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={busy}>
            Send to reporter
          </button>
        </>
      }
    >
      <label className="cd-field">
        <span className="cd-field__label">Note (required)</span>
        <textarea
          className="cd-input cd-input--multiline"
          aria-label="Note to the reporter"
          aria-required
          aria-invalid={error ? true : undefined}
          rows={5}
          maxLength={5000}
          dir="auto"
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            setError(null);
          }}
        />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}
