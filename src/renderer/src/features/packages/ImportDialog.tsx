/**
 * What is in a Copydesk package before anything changes: its stories, which of them already
 * exist here, and, if any do, whether the package's version becomes a new revision of the
 * existing story or a separate story beside it.
 */
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import { countLabel, exactTime } from '../../lib/index.ts';
import { Dialog } from '../../ui/index.ts';
import { UNTITLED } from '../library/index.ts';

export type PackageContents = ChannelOutput<'packages.inspect'> & { readonly file: string };
export type ImportChoice = 'revision' | 'copy';

export interface ImportDialogProps {
  readonly contents: PackageContents | null;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onImport: (choice: ImportChoice) => void;
}

export function ImportDialog({ contents, busy, onCancel, onImport }: ImportDialogProps) {
  const [choice, setChoice] = useState<ImportChoice>('revision');
  useEffect(() => {
    if (contents) setChoice('revision');
  }, [contents]);
  const stories = contents?.stories ?? [];
  const existing = stories.filter((s) => s.exists).length;
  const fileName = contents?.file.split(/[\\/]/).pop() ?? '';

  return (
    <Dialog
      title="Import package"
      open={contents !== null}
      onCancel={onCancel}
      onSubmit={() => onImport(choice)}
      className="cd-dialog--medium"
      description={
        contents ? (
          <p>
            <span className="cd-import__file" title={contents.file}>
              {fileName}
            </span>
            : {countLabel(stories.length, 'story', 'stories')}, exported by <span dir="auto">{contents.exportedBy}</span>
            {contents.device ? (
              <>
                {' '}
                on <span dir="auto">{contents.device}</span>
              </>
            ) : null}
            {contents.exportedAt ? `, ${exactTime(contents.exportedAt)}` : ''}.
          </p>
        ) : null
      }
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={busy || stories.length === 0}>
            {busy ? 'Importing…' : `Import ${countLabel(stories.length, 'story', 'stories')}`}
          </button>
        </>
      }
    >
      <ul className="cd-import__list" aria-label="Stories in the package">
        {stories.map((story) => (
          <li key={story.id} className="cd-import__item">
            <span className={story.headline.trim() ? 'cd-import__headline' : 'cd-import__headline cd-row__headline--untitled'} dir="auto">
              {story.headline.trim() || UNTITLED}
            </span>
            {story.exists ? (
              <span className="cd-tag cd-tag--exists">
                Already here
                {story.localRevision !== null ? ` (revision ${story.localRevision} here, ${story.revision} in the package)` : ''}
              </span>
            ) : (
              <span className="cd-tag cd-tag--new">New</span>
            )}
          </li>
        ))}
      </ul>
      {existing > 0 ? (
        <fieldset className="cd-radio-group">
          <legend className="cd-field__label">
            {existing === 1 ? 'One story already exists here. Import it:' : `${existing} stories already exist here. Import them:`}
          </legend>
          <label className="cd-radio">
            <input type="radio" name="import-choice" checked={choice === 'revision'} onChange={() => setChoice('revision')} />
            <span>
              <span className="cd-radio__title">Add as a new revision of the existing story</span>
              <span className="cd-radio__detail">The story here keeps its history; its current text is kept as a revision first.</span>
            </span>
          </label>
          <label className="cd-radio">
            <input type="radio" name="import-choice" checked={choice === 'copy'} onChange={() => setChoice('copy')} />
            <span>
              <span className="cd-radio__title">Keep both as separate stories</span>
              <span className="cd-radio__detail">The package's version is added beside the one here; nothing here changes.</span>
            </span>
          </label>
        </fieldset>
      ) : null}
    </Dialog>
  );
}
