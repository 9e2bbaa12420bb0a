/**
 * The open story's revisions, newest first, in a side panel: what kept each one (reason), when, by
 * whom, on which device, how many words. Select one to compare it with the current text, or two to
 * compare them; Restore brings an older version back (after a confirmation; the current text is
 * kept as a revision first).
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { RevisionSummary, Story } from '../../../../shared/story.ts';
import { CloseIcon, LoadFailed, type Notify } from '../../ui/index.ts';
import { CompareDialog } from './CompareDialog.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { RevisionItem } from './RevisionItem.tsx';
import { useCompare } from './useCompare.ts';
import { useRevisionList } from './useRevisionList.ts';

export interface RevisionsPanelProps {
  readonly storyId: string;
  /** Changes whenever the story was saved: the list is read again. */
  readonly refreshKey: number;
  /** When true on mount, the panel takes the keyboard focus (and sets it back to false). */
  readonly takeFocus?: RefObject<boolean>;
  readonly now: number;
  readonly notify: Notify;
  /** Save what is typed, then read the story as stored (null: it could not be saved). */
  readonly loadCurrent: () => Promise<Story | null>;
  /** Restore `revision`; resolves to whether it was restored. */
  readonly onRestore: (revision: RevisionSummary) => Promise<boolean>;
  readonly onClose: () => void;
}

export function RevisionsPanel({ storyId, refreshKey, takeFocus, now, notify, loadCurrent, onRestore, onClose }: RevisionsPanelProps) {
  const { revisions, error, load, selected, toggle, clearSelection } = useRevisionList(storyId, refreshKey);
  const { comparing, loadingCompare, compare, closeComparison } = useCompare({ now, notify, loadCurrent });
  const [confirm, setConfirm] = useState<RevisionSummary | null>(null);
  const [restoring, setRestoring] = useState(false);
  const headingId = useId();
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!takeFocus?.current) return;
    takeFocus.current = false;
    headingRef.current?.focus();
  }, [takeFocus]);

  const compareSelected = async () => {
    if (!revisions || selected.length === 0) return;
    await compare(revisions.filter((r) => selected.includes(r.id)).sort((a, b) => a.id - b.id));
  };

  const restore = async () => {
    if (!confirm) return;
    setRestoring(true);
    const done = await onRestore(confirm);
    setRestoring(false);
    if (done) {
      setConfirm(null);
      closeComparison();
      clearSelection();
    }
  };

  const compareLabel = selected.length === 2 ? 'Compare the two' : selected.length === 1 ? 'Compare with current' : 'Compare';

  return (
    <aside
      className="cd-revisions"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="cd-revisions__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="cd-revisions__title">
          Revisions
        </h2>
        <button type="button" className="cd-icon-button" aria-label="Close revisions" title="Close (Escape)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="cd-revisions__compare">
        <p id={hintId} className="cd-revisions__hint">
          {selected.length === 0
            ? 'Select one revision to compare it with the current text, or two to compare them.'
            : selected.length === 1
              ? 'Compare it with the current text, or select one more.'
              : 'Two selected.'}
        </p>
        <button
          type="button"
          className="cd-button cd-button--primary"
          disabled={selected.length === 0 || loadingCompare}
          aria-describedby={hintId}
          onClick={() => void compareSelected()}
        >
          {loadingCompare ? 'Comparing…' : compareLabel}
        </button>
      </div>
      <div className="cd-revisions__list">
        {error ? (
          <LoadFailed message="Couldn't read the revisions." detail={error} onRetry={() => void load()} />
        ) : revisions === null ? (
          <p className="cd-empty">Loading revisions…</p>
        ) : revisions.length === 0 ? (
          <p className="cd-empty">
            No revisions yet. Press Ctrl+S to keep one; Copydesk also keeps one every 10 minutes of editing and at every workflow step.
          </p>
        ) : (
          <ul className="cd-list" aria-label="Revision history">
            {revisions.map((revision) => (
              <RevisionItem
                key={revision.id}
                revision={revision}
                selected={selected.includes(revision.id)}
                now={now}
                onToggle={() => toggle(revision.id)}
                onRestore={() => setConfirm(revision)}
              />
            ))}
          </ul>
        )}
      </div>

      {comparing ? <CompareDialog comparing={comparing} onClose={closeComparison} onRestore={setConfirm} /> : null}
      <RestoreDialog revision={confirm} restoring={restoring} onCancel={() => setConfirm(null)} onRestore={() => void restore()} />
    </aside>
  );
}
