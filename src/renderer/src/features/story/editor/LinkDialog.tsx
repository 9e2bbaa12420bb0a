/** "Add link" / "Edit link": a web or e-mail address, checked before it is applied. */
import { formatUrl } from '@lexical/link';
import { useEffect, useState } from 'react';
import { Dialog, FieldError } from '../../../ui/index.ts';
import { isAllowedUrl } from './extension.ts';

export interface LinkDialogProps {
  readonly open: boolean;
  readonly initialUrl: string;
  readonly editing: boolean;
  readonly onApply: (url: string) => void;
  readonly onRemove: () => void;
  readonly onCancel: () => void;
}

export function LinkDialog({ open, initialUrl, editing, onApply, onRemove, onCancel }: LinkDialogProps) {
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setUrl(initialUrl);
      setError(null);
    }
  }, [open, initialUrl]);

  const submit = () => {
    const trimmed = url.trim();
    if (!trimmed) {
      setError('Type a web address, for example https://www.example.com.');
      return;
    }
    const formatted = formatUrl(trimmed);
    if (!isAllowedUrl(formatted)) {
      setError('Only web (https://…) and e-mail (mailto:…) links can be added.');
      return;
    }
    onApply(formatted);
  };

  return (
    <Dialog
      title={editing ? 'Edit link' : 'Add link'}
      open={open}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          {editing ? (
            <button type="button" className="cd-button cd-button--quiet cd-dialog__start" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary">
            {editing ? 'Update' : 'Add link'}
          </button>
        </>
      }
    >
      <label className="cd-field">
        <span className="cd-field__label">Web address</span>
        <input
          className="cd-input"
          type="text"
          inputMode="url"
          aria-label="Link address"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'cd-link-error' : undefined}
          value={url}
          placeholder="https://"
          spellCheck={false}
          onChange={(event) => {
            setUrl(event.target.value);
            setError(null);
          }}
        />
      </label>
      <FieldError id="cd-link-error" message={error} />
    </Dialog>
  );
}
