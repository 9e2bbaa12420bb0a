/** One revision in the list: a checkbox to select it for comparing, and Restore…. */
import type { RevisionSummary } from '../../../../shared/story.ts';
import { exactTime, preciseTime, wordsLabel } from '../../lib/index.ts';
import { revisionLabel } from './revisionLabel.ts';

export interface RevisionItemProps {
  readonly revision: RevisionSummary;
  readonly selected: boolean;
  readonly now: number;
  readonly onToggle: () => void;
  readonly onRestore: () => void;
}

export function RevisionItem({ revision, selected: isSelected, now, onToggle, onRestore }: RevisionItemProps) {
  const label = revisionLabel(revision);
  const when = preciseTime(revision.at, now);
  return (
    <li
      className={isSelected ? 'cd-revision cd-revision--selected' : 'cd-revision'}
      data-revision-id={revision.id}
    >
      <label className="cd-revision__pick">
        <input
          type="checkbox"
          checked={isSelected}
          aria-label={`Select ${label}, ${when}`}
          onChange={onToggle}
        />
        <span className="cd-revision__text">
          <span className="cd-revision__reason">{label}</span>
          <span className="cd-revision__meta">
            <time dateTime={revision.at} title={exactTime(revision.at)}>
              {when}
            </time>
            <span aria-hidden="true"> · </span>
            <span dir="auto">{revision.author}</span>
            <span aria-hidden="true"> · </span>
            <span dir="auto">{revision.device}</span>
            <span aria-hidden="true"> · </span>
            <span>{wordsLabel(revision.wordCount)}</span>
          </span>
        </span>
      </label>
      <button
        type="button"
        className="cd-button cd-button--small cd-revision__restore"
        aria-label={`Restore: ${label}, ${when}`}
        title="Bring this version back (the current text is kept as a revision first)"
        onClick={onRestore}
      >
        Restore…
      </button>
    </li>
  );
}
