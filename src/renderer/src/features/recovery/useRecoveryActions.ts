/**
 * The ways out of a damaged library: restore a backup, save the readable stories as Markdown, or
 * start a new library. One runs at a time (`busy`); a failure is said in plain words (`error`) and
 * the status is read again, since the damaged file may have been moved aside meanwhile.
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import { call, errorMessage } from '../../lib/index.ts';

export type RecoveryStatus = ChannelOutput<'recovery.status'>;
export type Recovery = (outcome: { how: 'backup' | 'fresh'; keptAside: string | null }) => void;

export function useRecoveryActions(initial: RecoveryStatus, onRecovered: Recovery) {
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState<null | 'salvage' | 'fresh' | string>(null);
  const [error, setError] = useState<string | null>(null);
  const [salvaged, setSalvaged] = useState<ChannelOutput<'recovery.salvage'> | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);

  const refresh = async () => {
    try {
      setStatus(await call('recovery.status', {}));
    } catch {
      // Keep what is shown; the error of the action itself is already on screen.
    }
  };

  const restore = async (name: string) => {
    setBusy(name);
    setError(null);
    try {
      const result = await call('recovery.restoreBackup', { name });
      if (!result.damaged) {
        onRecovered({ how: 'backup', keptAside: result.keptAside });
        return;
      }
      setError('That backup could not be opened either. Try an older one, or save what can be read.');
      await refresh();
    } catch (e) {
      setError(`Couldn't restore that backup. ${errorMessage(e)}`);
      await refresh();
    } finally {
      setBusy(null);
    }
  };

  const salvage = async () => {
    setBusy('salvage');
    setError(null);
    try {
      const result = await call('recovery.salvage', {});
      if (result.folder !== null) setSalvaged(result);
    } catch (e) {
      setError(`Couldn't save the stories. ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const startFresh = async () => {
    setBusy('fresh');
    setError(null);
    try {
      const result = await call('recovery.startFresh', {});
      if (!result.damaged) {
        setConfirmFresh(false);
        onRecovered({ how: 'fresh', keptAside: result.keptAside });
        return;
      }
      setError('The new library could not be opened. Check that the data folder can be written to.');
      await refresh();
    } catch (e) {
      setError(`Couldn't start a new library. ${errorMessage(e)}`);
      await refresh();
    } finally {
      setBusy(null);
    }
  };

  return { status, busy, error, salvaged, confirmFresh, setConfirmFresh, restore, salvage, startFresh };
}
