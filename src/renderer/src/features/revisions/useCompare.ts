/**
 * Comparing versions: two selected revisions, or one against the current text (saved first).
 * Revisions are read once and kept while the panel is open.
 */
import { useRef, useState } from 'react';
import type { Revision, RevisionSummary, Story } from '../../../../shared/story.ts';
import { call, errorMessage, preciseTime } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import type { Version } from './CompareView.tsx';
import { revisionLabel } from './revisionLabel.ts';

export interface Comparison {
  readonly older: Version;
  readonly newer: Version;
  /** The older side when it is a revision (it can be restored from the comparison). */
  readonly olderRevision: RevisionSummary | null;
}

export interface CompareOptions {
  readonly now: number;
  readonly notify: Notify;
  /** Save what is typed, then read the story as stored (null: it could not be saved). */
  readonly loadCurrent: () => Promise<Story | null>;
}

export function useCompare({ now, notify, loadCurrent }: CompareOptions) {
  const [comparing, setComparing] = useState<Comparison | null>(null);
  const [loadingCompare, setLoadingCompare] = useState(false);
  const cache = useRef(new Map<number, Revision>());

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

  /** Compare `chosen` (one or two revisions, oldest first). */
  const compare = async (chosen: readonly RevisionSummary[]) => {
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

  return { comparing, loadingCompare, compare, closeComparison: () => setComparing(null) };
}
