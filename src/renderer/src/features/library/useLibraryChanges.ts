/**
 * `library.changed {ids}` from main: stories changed here, in another window, by the command
 * line or an import. Changes that arrive together (a burst of autosaves, an import of many
 * stories) are told once, so the list is read once for them.
 */
import { useEffect } from 'react';
import { on, useLatest } from '../../lib/index.ts';

/** How long changes are gathered before the listener hears them. */
const GATHER_MS = 120;

export function useLibraryChanges(onChanged: (ids: readonly string[]) => void): void {
  const listener = useLatest(onChanged);
  useEffect(() => {
    let pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = on('library.changed', ({ ids }) => {
      for (const id of ids) pending.add(id);
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const batch = [...pending];
        pending = new Set();
        listener.current(batch);
      }, GATHER_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [listener]);
}
