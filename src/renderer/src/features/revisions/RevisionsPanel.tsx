/**
 * The open story's revisions, newest first, in a side panel: what kept each one (reason), when, by
 * whom, on which device, how many words. Select one to compare it with the current text, or two to
 * compare them; Restore brings an older version back (after a confirmation; the current text is
 * kept as a revision first).
 */
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { REVISION_REASON_LABELS, type Revision, type RevisionSummary, type Story } from '../../../../shared/story.ts';
import { call, errorMessage, exactTime, preciseTime, wordsLabel } from '../../lib/index.ts';
import { CompareView, type Version } from './CompareView.tsx';
import { CloseIcon, Dialog, LoadFailed, type Notify } from '../../ui/index.ts';

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

const REFRESH_DELAY_MS = 250;
/** The last list read per story: shown at once when the panel opens again (after a restore it remounts). */
const lastLists = new Map<string, readonly RevisionSummary[]>();

function revisionLabel(revision: RevisionSummary): string {
  return REVISION_REASON_LABELS[revision.reason] ?? revision.reason;
}

export function RevisionsPanel({ storyId, refreshKey, takeFocus, now, notify, loadCurrent, onRestore, onClose }: RevisionsPanelProps) {
  const [revisions, setRevisions] = useState<readonly RevisionSummary[] | null>(() => lastLists.get(storyId) ?? null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<readonly number[]>([]);
  const [comparing, setComparing] = useState<{ older: Version; newer: Version; olderRevision: RevisionSummary | null } | null>(null);
  const [loadingCompare, setLoadingCompare] = useState(false);
  const [confirm, setConfirm] = useState<RevisionSummary | null>(null);
  const [restoring, setRestoring] = useState(false);
  const cache = useRef(new Map<number, Revision>());
  const latest = useRef(0);
  const first = useRef(true);
  const headingId = useId();
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!takeFocus?.current) return;
    takeFocus.current = false;
    headingRef.current?.focus();
  }, [takeFocus]);

  const load = useCallback(async () => {
    const id = ++latest.current;
    try {
      const list = await call('revisions.list', { id: storyId });
      if (id !== latest.current) return;
      lastLists.set(storyId, list);
      setRevisions(list);
      setError(null);
      setSelected((s) => s.filter((r) => list.some((x) => x.id === r)));
    } catch (e) {
      if (id === latest.current) setError(errorMessage(e));
    }
  }, [storyId]);

  useEffect(() => {
    const delay = first.current ? 0 : REFRESH_DELAY_MS;
    first.current = false;
    const timer = setTimeout(() => void load(), delay);
    return () => clearTimeout(timer);
  }, [load, refreshKey]);

  const getRevision = async (summary: RevisionSummary): Promise<Revision> => {
    const cached = cache.current.get(summary.id);
    if (cached) return cached;
    const revision = await call('revisions.get', { revisionId: summary.id });
    cache.current.set(summary.id, revision);
    return revision;
  };

  const asVersion = (revision: Revision): Version => ({
    label: revisionLabel(revision),
    at: revision.at,
    when: `${preciseTime(revision.at, now)} · ${revision.author}`,
    story: revision.story,
  });

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));

  const compare = async () => {
    if (!revisions || selected.length === 0) return;
    const chosen = revisions.filter((r) => selected.includes(r.id)).sort((a, b) => a.id - b.id);
    setLoadingCompare(true);
    try {
      if (chosen.length === 2) {
        const [a, b] = await Promise.all(chosen.map(getRevision));
        setComparing({ older: asVersion(a), newer: asVersion(b), olderRevision: chosen[0] });
      } else {
        const revision = await getRevision(chosen[0]);
        const current = await loadCurrent();
        if (!current) return;
        setComparing({
          older: asVersion(revision),
          newer: { label: 'Current version', at: null, when: `saved ${preciseTime(current.updatedAt, now)}`, story: current },
          olderRevision: chosen[0],
        });
      }
    } catch (e) {
      notify({ kind: 'error', key: 'compare', message: `Couldn't compare the versions. ${errorMessage(e)}` });
    } finally {
      setLoadingCompare(false);
    }
  };

  const restore = async () => {
    if (!confirm) return;
    setRestoring(true);
    const done = await onRestore(confirm);
    setRestoring(false);
    if (done) {
      setConfirm(null);
      setComparing(null);
      setSelected([]);
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
          onClick={() => void compare()}
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
            {revisions.map((revision) => {
              const label = revisionLabel(revision);
              const when = preciseTime(revision.at, now);
              const isSelected = selected.includes(revision.id);
              return (
                <li
                  key={revision.id}
                  className={isSelected ? 'cd-revision cd-revision--selected' : 'cd-revision'}
                  data-revision-id={revision.id}
                >
                  <label className="cd-revision__pick">
                    <input
                      type="checkbox"
                      checked={isSelected}
                      aria-label={`Select ${label}, ${when}`}
                      onChange={() => toggle(revision.id)}
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
                    onClick={() => setConfirm(revision)}
                  >
                    Restore…
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {comparing ? (
        <Dialog
          title="Compare versions"
          open
          className="cd-dialog--wide"
          onCancel={() => setComparing(null)}
          actions={
            <>
              {comparing.olderRevision ? (
                <button type="button" className="cd-button cd-dialog__start" onClick={() => setConfirm(comparing.olderRevision)}>
                  Restore the older version…
                </button>
              ) : null}
              <button type="button" className="cd-button cd-button--primary" onClick={() => setComparing(null)}>
                Close
              </button>
            </>
          }
        >
          <CompareView older={comparing.older} newer={comparing.newer} />
        </Dialog>
      ) : null}

      <Dialog
        title="Restore this version?"
        open={confirm !== null}
        onCancel={() => setConfirm(null)}
        onSubmit={() => void restore()}
        description={<p>The current text is kept as a revision first.</p>}
        actions={
          <>
            <button type="button" className="cd-button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button type="submit" className="cd-button cd-button--primary" disabled={restoring}>
              {restoring ? 'Restoring…' : 'Restore this version'}
            </button>
          </>
        }
      >
        {confirm ? (
          <div className="cd-restore-what">
            <p className="cd-restore-what__reason">{revisionLabel(confirm)}</p>
            <p className="cd-restore-what__meta">
              {exactTime(confirm.at)} · <span dir="auto">{confirm.author}</span> · {wordsLabel(confirm.wordCount)}
            </p>
            <p className="cd-restore-what__headline" dir="auto">
              {confirm.headline.trim() || 'Untitled story'}
            </p>
          </div>
        ) : null}
      </Dialog>
    </aside>
  );
}
