/**
 * The open story's revisions, read again shortly after every save (`refreshKey`), and which of them
 * are selected for comparing (at most two; selecting a third lets go of the first).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../../shared/story.ts';
import { call, errorMessage } from '../../lib/index.ts';

const REFRESH_DELAY_MS = 250;
/** The last list read per story: shown at once when the panel opens again (after a restore it remounts). */
const lastLists = new Map<string, readonly RevisionSummary[]>();

export function useRevisionList(storyId: string, refreshKey: number) {
  const [revisions, setRevisions] = useState<readonly RevisionSummary[] | null>(() => lastLists.get(storyId) ?? null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<readonly number[]>([]);
  const latest = useRef(0);
  const first = useRef(true);

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

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));

  return { revisions, error, load, selected, toggle, clearSelection: () => setSelected([]) };
}
