/**
 * Whether the window shows the desk or the recovery screen: asked once at start, and again when
 * the library turns out to be damaged while open (the editor's unsaved text is carried over).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../lib/index.ts';
import type { RecoveryStatus, UnsavedText } from './RecoveryScreen.tsx';

/** How the library came back after the recovery screen: from a backup or as a new one. */
export type Recovered = { readonly how: 'backup' | 'fresh'; readonly keptAside: string | null };

type Gate =
  | { kind: 'checking' }
  | { kind: 'recovery'; status: RecoveryStatus; unsaved?: UnsavedText | null }
  | { kind: 'ready'; recovered: Recovered | null };

export function useRecoveryGate() {
  const [gate, setGate] = useState<Gate>({ kind: 'checking' });
  const switching = useRef(false);

  const onDamaged = useCallback(async (unsaved: UnsavedText | null) => {
    if (switching.current) return;
    switching.current = true;
    try {
      const status = await call('recovery.status', {});
      if (status.damaged) setGate({ kind: 'recovery', status, unsaved });
    } catch {
      // The app keeps showing what it has; its calls say what fails.
    } finally {
      switching.current = false;
    }
  }, []);

  useEffect(() => {
    let live = true;
    call('recovery.status', {}).then(
      (status) => {
        if (live) setGate(status.damaged ? { kind: 'recovery', status } : { kind: 'ready', recovered: null });
      },
      // If even the status cannot be read, the app says so where it loads the stories.
      () => live && setGate({ kind: 'ready', recovered: null })
    );
    return () => {
      live = false;
    };
  }, []);

  const onRecovered = (recovered: Recovered) => setGate({ kind: 'ready', recovered });

  return { gate, onDamaged, onRecovered };
}
