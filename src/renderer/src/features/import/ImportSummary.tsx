/**
 * After an import: for each file, the draft made from it with the fields Copydesk recognised
 * (byline, dateline, credit…) and its notes ("“Public” was dropped"), so the person knows what to
 * check; or, for a file that was refused, why. Dismissible; opening a draft from here saves the
 * open one first.
 */
import type { ImportFileResult } from '../../../../shared/import.ts';
import { STORY_FIELDS, type FieldName } from '../../../../shared/story-fields.ts';
import { countLabel } from '../../lib/index.ts';
import type { Story } from '../../../../shared/story.ts';
import { Dialog } from '../../ui/index.ts';
import { fieldValue } from './fieldValue.ts';

/** Body and keywords are in every draft: listing them says nothing. */
const UNREMARKABLE: ReadonlySet<FieldName> = new Set<FieldName>(['body', 'keywords']);

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'wire-text': 'wire copy',
  html: 'HTML',
  docx: 'Word',
  markdown: 'Markdown',
  'newsml-g2': 'NewsML-G2',
};

export function summaryTitle(results: readonly ImportFileResult[]): string {
  const made = results.filter((r) => r.ok).length;
  const refused = results.length - made;
  if (made === 0) return `Couldn't import ${countLabel(refused, 'file', 'files')}`;
  return refused === 0 ? `Imported ${countLabel(made, 'story', 'stories')}` : `Imported ${countLabel(made, 'story', 'stories')}, ${refused} refused`;
}

export interface ImportSummaryProps {
  readonly results: readonly ImportFileResult[] | null;
  /** The drafts read back after the import, by id (values to show beside each recognised field). */
  readonly drafts: ReadonlyMap<string, Story>;
  readonly openId: string | null;
  readonly onOpen: (id: string) => void;
  readonly onClose: () => void;
}

export function ImportSummary({ results, drafts, openId, onOpen, onClose }: ImportSummaryProps) {
  return (
    <Dialog
      title={results ? summaryTitle(results) : ''}
      open={results !== null}
      onCancel={onClose}
      className="cd-import-summary"
      description="Check what was recognised in each draft and correct it in the story."
      actions={
        <button type="button" className="cd-button cd-button--primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <ul className="cd-import-summary__list" aria-label="Imported files">
        {(results ?? []).map((result, index) => (
          <li key={`${index}:${result.file}`} className={result.ok ? 'cd-import-summary__item' : 'cd-import-summary__item cd-import-summary__item--failed'}>
            <span className="cd-import-summary__file">{result.file}</span>
            {result.ok ? <Imported result={result} story={drafts.get(result.storyId) ?? null} open={openId === result.storyId} onOpen={onOpen} /> : <p role="alert" className="cd-import-summary__error">{result.message}</p>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

function Imported(props: { result: Extract<ImportFileResult, { ok: true }>; story: Story | null; open: boolean; onOpen: (id: string) => void }) {
  const { result, story, open, onOpen } = props;
  const fields = result.recognised.filter((f) => !UNREMARKABLE.has(f));
  return (
    <>
      <div className="cd-import-summary__story">
        <strong dir="auto" className="cd-import-summary__headline">
          {result.headline || 'Untitled'}
        </strong>
        <span className="cd-import-summary__format">{FORMAT_LABELS[result.format] ?? result.format}</span>
        {open ? (
          <span className="cd-import-summary__open">Open now</span>
        ) : (
          <button type="button" className="cd-link-button" aria-label={`Open ${result.headline || 'Untitled'}`} onClick={() => onOpen(result.storyId)}>
            Open
          </button>
        )}
      </div>
      {fields.length > 0 ? (
        <dl className="cd-import-summary__fields" aria-label={`Recognised in ${result.file}`}>
          {fields.map((f) => (
            <div key={f} className="cd-import-summary__field">
              <dt>{STORY_FIELDS[f].label}</dt>
              <dd dir="auto">{story ? fieldValue(story, f) || '—' : '—'}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="cd-import-summary__fields">No fields recognised beyond the text.</p>
      )}
      {result.notes.length > 0 ? (
        <ul className="cd-import-summary__notes" aria-label={`Notes on ${result.file}`}>
          {result.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
