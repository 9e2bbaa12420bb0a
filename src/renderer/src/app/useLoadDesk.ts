/**
 * Opening the desk: read the settings (the profile, the list's remembered view), then start the
 * story list, the keywords and the library size. If the settings can't be read, says why and can
 * try again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings.ts';
import { call, errorMessage } from '../lib/index.ts';

/** All stable (a changed one would load the desk again). */
export interface LoadDeskDeps {
  readonly setSettings: (settings: Settings) => void;
  /** `useLibrary`'s `init`: starts listing with the remembered view. */
  readonly startList: (settings: Settings) => void;
  readonly refreshKeywords: () => Promise<void>;
  readonly refreshStats: () => Promise<void>;
}

export function useLoadDesk({ setSettings, startList, refreshKeywords, refreshStats }: LoadDeskDeps) {
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const loaded = await call('settings.get', {});
      setSettings(loaded);
      startList(loaded);
      void refreshKeywords();
      void refreshStats();
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [setSettings, startList, refreshKeywords, refreshStats]);

  useEffect(() => {
    void load();
  }, [load]);

  return { loadError, load };
}
