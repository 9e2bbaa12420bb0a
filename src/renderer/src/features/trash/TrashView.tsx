/**
 * The trash, in the left pane: stories deleted recently, each with Restore, and "Empty trash…"
 * that asks first and says how many stories go for good.
 */
import { useId, useState } from 'react';
import type { TrashedStory } from '../../../../shared/story.ts';
import { countLabel, exactTime, relativeTime } from '../../lib/index.ts';
import { ArrowLeftIcon, Dialog, LoadFailed, RestoreIcon, StatusBadge } from '../../ui/index.ts';
import { UNTITLED } from '../library/index.ts';

export interface TrashViewProps {
  readonly items: readonly TrashedStory[] | null;
  readonly error: string | null;
  readonly now: number;
  readonly retentionDays: number;
  readonly busyId: string | null;
  readonly onRestore: (story: TrashedStory) => void;
  readonly onEmpty: () => Promise<boolean>;
  readonly onBack: () => void;
  readonly onRetry: () => void;
}

export function TrashView({ items, error, now, retentionDays, busyId, onRestore, onEmpty, onBack, onRetry }: TrashViewProps) {
  const [confirm, setConfirm] = useState(false);
  const [emptying, setEmptying] = useState(false);
  const headingId = useId();
  const count = items?.length ?? 0;

  return (
    <section className="cd-trash" aria-labelledby={headingId}>
      <div className="cd-trash__head">
        <button type="button" className="cd-button cd-button--quiet cd-trash__back" onClick={onBack}>
          <ArrowLeftIcon />
          Back to stories
        </button>
        <h2 id={headingId} className="cd-trash__title">
          Trash
        </h2>
        <p className="cd-trash__note">
          Deleted stories stay here for {countLabel(retentionDays, 'day', 'days')}, then they are deleted for good.
        </p>
        <button
          type="button"
          className="cd-button cd-button--danger cd-button--wide cd-trash__empty"
          disabled={count === 0 || emptying}
          onClick={() => setConfirm(true)}
        >
          Empty trash…
        </button>
      </div>
      <div className="cd-sidebar__list">
        {error ? (
          <LoadFailed message="Copydesk couldn't read the trash." detail={error} onRetry={onRetry} />
        ) : items === null ? (
          <p className="cd-empty">Loading the trash…</p>
        ) : items.length === 0 ? (
          <p className="cd-empty">The trash is empty.</p>
        ) : (
          <ul className="cd-list" aria-label="Deleted stories">
            {items.map((story) => {
              const headline = story.headline.trim() || UNTITLED;
              return (
                <li key={story.id} className="cd-list__item cd-trash__item" data-story-id={story.id}>
                  <span
                    id={`trash-${story.id}`}
                    className={story.headline.trim() ? 'cd-row__headline' : 'cd-row__headline cd-row__headline--untitled'}
                    dir="auto"
                  >
                    {headline}
                  </span>
                  <span className="cd-row__meta">
                    <StatusBadge status={story.status} size="small" />
                    <span>
                      Deleted{' '}
                      <time dateTime={story.deletedAt} title={exactTime(story.deletedAt)}>
                        {relativeTime(story.deletedAt, now)}
                      </time>{' '}
                      by <span dir="auto">{story.deletedBy}</span>
                    </span>
                  </span>
                  <button
                    type="button"
                    className="cd-button cd-button--small cd-trash__restore"
                    aria-describedby={`trash-${story.id}`}
                    disabled={busyId !== null}
                    onClick={() => onRestore(story)}
                  >
                    <RestoreIcon />
                    {busyId === story.id ? 'Restoring…' : 'Restore'}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <Dialog
        title="Empty the trash?"
        open={confirm}
        onCancel={() => setConfirm(false)}
        onSubmit={async () => {
          setEmptying(true);
          const done = await onEmpty();
          setEmptying(false);
          if (done) setConfirm(false);
        }}
        description={
          <p>
            {count === 1 ? '1 story' : `${count} stories`} will be deleted for good, with {count === 1 ? 'its' : 'their'} revisions. This
            cannot be undone.
          </p>
        }
        actions={
          <>
            <button type="button" className="cd-button" onClick={() => setConfirm(false)}>
              Cancel
            </button>
            <button type="submit" className="cd-button cd-button--danger-solid" disabled={emptying}>
              {count === 1 ? 'Delete 1 story for good' : `Delete ${count} stories for good`}
            </button>
          </>
        }
      >
        {null}
      </Dialog>
    </section>
  );
}
