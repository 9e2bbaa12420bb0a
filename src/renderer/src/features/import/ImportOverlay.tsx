/**
 * What covers the window while files are dragged over it (where to drop, what is taken) and
 * while they are imported ("Importing 3 of 12…"). It takes no pointer events: the drop lands on
 * the window, whatever is under it.
 */
import type { RefObject } from 'react';
import { ImportIcon } from '../../ui/index.ts';
import type { ImportProgress } from './useFileImport.ts';

export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.xml';

export function ImportOverlay({ dragging, progress }: { dragging: boolean; progress: ImportProgress | null }) {
  if (progress) {
    return (
      <div className="cd-drop cd-drop--busy" aria-busy="true">
        <div className="cd-drop__panel">
          <p role="status" aria-label="Import progress" className="cd-drop__title">
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}…
          </p>
          <progress className="cd-drop__bar" max={progress.total} value={progress.done} aria-hidden="true" />
        </div>
      </div>
    );
  }
  if (!dragging) return null;
  return (
    <div className="cd-drop" role="region" aria-label="Drop files to import">
      <div className="cd-drop__panel">
        <span className="cd-drop__icon" aria-hidden="true">
          <ImportIcon />
        </span>
        <p className="cd-drop__title">Drop to import as new drafts</p>
        <p className="cd-drop__hint">Wire copy (.txt), Markdown, HTML, Word (.docx) or NewsML-G2 (.xml) — several at once</p>
      </div>
    </div>
  );
}

/** The hidden file picker behind File → Import… (the same path as a drop). */
export function ImportFilePicker({ inputRef, onFiles }: { inputRef: RefObject<HTMLInputElement | null>; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept={IMPORT_ACCEPT}
      hidden
      aria-label="Files to import"
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        // Cleared, so choosing the same file again imports it again.
        event.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
