/** After a recovery: say what happened and where the damaged file is. */
import { useEffect } from 'react';
import type { Notify } from '../../ui/index.ts';
import type { Recovered } from './useRecoveryGate.ts';

export function useRecoveredNotice(recovered: Recovered | null, notify: Notify): void {
  useEffect(() => {
    if (!recovered) return;
    notify({
      kind: 'success',
      key: 'recovered',
      message: recovered.how === 'backup' ? 'The backup is restored.' : 'Started a new, empty library.',
      detail: recovered.keptAside ? `The damaged library file is kept at ${recovered.keptAside}` : undefined,
      duration: 30_000,
    });
  }, [recovered, notify]);
}
