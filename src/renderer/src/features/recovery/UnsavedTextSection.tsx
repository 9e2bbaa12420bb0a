/** The text that was in the editor and not saved, with Copy text: taken to safety before any way out. */
import { useState } from 'react';

export function UnsavedTextSection({ text: unsavedText }: { text: string }) {
  const [copied, setCopied] = useState<null | 'yes' | 'no'>(null);

  const copyUnsaved = async () => {
    try {
      await navigator.clipboard.writeText(unsavedText);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section className="cd-recovery__section cd-recovery__section--unsaved" aria-labelledby="recovery-unsaved">
      <h2 id="recovery-unsaved" className="cd-recovery__heading">
        Your unsaved text
      </h2>
      <p className="cd-recovery__text">
        The latest changes to the open story could not be saved. Copy them somewhere safe before you choose a way out.
      </p>
      <textarea className="cd-input cd-input--multiline cd-recovery__unsaved" aria-label="Unsaved text" dir="auto" rows={6} readOnly value={unsavedText} />
      <div className="cd-recovery__row">
        <button type="button" className="cd-button cd-button--primary" onClick={() => void copyUnsaved()}>
          Copy text
        </button>
        {copied ? (
          <span role="status" className="cd-recovery__copied">
            {copied === 'yes' ? 'Copied.' : 'Copying was not allowed: select the text and copy it by hand.'}
          </span>
        ) : null}
      </div>
    </section>
  );
}
