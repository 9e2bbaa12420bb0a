/** The person at the desk: the profile dialog (name, role, theme, trash retention) and the theme toggle. */
import { useCallback, useEffect, useState } from 'react';
import type { Settings, Theme } from '../../../../shared/settings.ts';
import type { Role } from '../../../../shared/story.ts';
import { call, currentEffectiveTheme, errorMessage, followTheme } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';

export function useProfile(settings: Settings | null, setSettings: (settings: Settings) => void, notify: Notify) {
  const [dialogOpen, setDialogOpen] = useState(false);

  const themeSetting: Theme = settings?.theme ?? 'system';
  useEffect(() => followTheme(themeSetting), [themeSetting]);

  const save = useCallback(
    async (patch: { name: string; role: Role; theme: Theme; trashRetentionDays: number }) => {
      const updated = await call('settings.update', {
        profile: { name: patch.name, role: patch.role },
        theme: patch.theme,
        trashRetentionDays: patch.trashRetentionDays,
      });
      setSettings(updated);
      setDialogOpen(false);
    },
    [setSettings]
  );

  const toggleTheme = useCallback(async () => {
    const next: Theme = currentEffectiveTheme() === 'dark' ? 'light' : 'dark';
    try {
      setSettings(await call('settings.update', { theme: next }));
    } catch (error) {
      notify({ kind: 'error', key: 'theme', message: `Couldn't change the theme. ${errorMessage(error)}` });
    }
  }, [notify, setSettings]);

  return { dialogOpen, setDialogOpen, save, toggleTheme };
}
