/**
 * What the person hears about a failed save. The save status box has room for a few words; the
 * whole message goes in a notification. A conflict opens the dialog that asks what to do instead
 * (nothing is overwritten silently).
 */
import { useEffect, useState } from 'react';
import type { Notify } from '../../ui/index.ts';
import type { SaveState } from './saver.ts';

export function useSaveProblems(storyId: string, saveState: SaveState, notify: Notify, dismissNotice: (key: string) => void) {
  const [conflictOpen, setConflictOpen] = useState(false);
  const saveNotice = `save-${storyId}`;
  const conflict = saveState.kind === 'error' && saveState.code === 'conflict';
  useEffect(() => {
    if (saveState.kind === 'saved') dismissNotice(saveNotice);
    if (saveState.kind !== 'error') return;
    if (saveState.code === 'conflict') {
      dismissNotice(saveNotice);
      setConflictOpen(true);
      return;
    }
    notify({
      kind: 'error',
      key: saveNotice,
      message: `Couldn't save your latest changes. ${saveState.message}`,
      detail: 'Your text is still here. Copydesk tries again when you keep typing, or use Retry.',
    });
  }, [saveState, saveNotice, notify, dismissNotice]);
  return { conflict, conflictOpen, setConflictOpen };
}
