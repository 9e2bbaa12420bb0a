/** The library's size on disk and its counts, for the footer; read quietly, since they are only informative. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import { call } from '../../lib/index.ts';

export type LibraryStats = ChannelOutput<'library.stats'>;

/** How long after the last save the library size is read again. */
const STATS_DELAY_MS = 800;

export function useLibraryStats() {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      setStats(await call('library.stats', {}));
    } catch {
      setStats(null);
    }
  }, []);

  /** After a save: read once the saves pause (each call restarts the wait). */
  const refreshSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), STATS_DELAY_MS);
  }, [refresh]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    []
  );

  return { stats, refresh, refreshSoon };
}
