/** The story's status as a labelled, coloured badge (colour is never the only cue). */
import { STATUS_LABELS, type StoryStatus } from '../../../shared/story.ts';
import './badge.css';

export function StatusBadge({ status, size = 'normal' }: { status: StoryStatus; size?: 'normal' | 'small' }) {
  return (
    <span className={`cd-badge cd-badge--${status.replace('_', '-')} cd-badge--${size}`} data-status={status}>
      <span className="cd-badge__dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
