/**
 * Shown instead of the app when the library file cannot be opened: what happened in plain words
 * and the ways out — restore a backup, save the stories that can still be read as Markdown, or
 * start a new, empty library. The damaged file is never deleted; once it is moved aside, the
 * screen says where it is.
 */
import { BackupList } from './BackupList.tsx';
import { SalvageSection } from './SalvageSection.tsx';
import { StartFreshDialog } from './StartFreshDialog.tsx';
import { UnsavedTextSection } from './UnsavedTextSection.tsx';
import { useRecoveryActions, type Recovery, type RecoveryStatus } from './useRecoveryActions.ts';
import { Brand, WarningIcon } from '../../ui/index.ts';

export type { RecoveryStatus } from './useRecoveryActions.ts';

/** What was in the editor and not saved when the library turned out to be damaged. */
export interface UnsavedText {
  readonly headline: string;
  readonly text: string;
}

export interface RecoveryScreenProps {
  readonly status: RecoveryStatus;
  /** Given (null: nothing unsaved) when the damage was found while the app was open. */
  readonly unsaved?: UnsavedText | null;
  /** The library opens again: `keptAside` is where the damaged file now is. */
  readonly onRecovered: Recovery;
}

export function RecoveryScreen({ status: initial, unsaved, onRecovered }: RecoveryScreenProps) {
  const { status, busy, error, salvaged, confirmFresh, setConfirmFresh, restore, salvage, startFresh } = useRecoveryActions(initial, onRecovered);
  const now = Date.now();
  const unsavedText = unsaved ? `${unsaved.headline.trim()}\n\n${unsaved.text.trim()}`.trim() : '';

  return (
    <div className="cd-recovery">
      <header className="cd-header">
        <Brand />
      </header>
      <main className="cd-recovery__scroll">
        <div className="cd-recovery__page">
          <div className="cd-recovery__intro">
            <span className="cd-recovery__icon" aria-hidden="true">
              <WarningIcon />
            </span>
            <div>
              <h1 className="cd-recovery__title">
                {unsaved === undefined ? "Copydesk couldn't open your library" : 'Copydesk can no longer read your library'}
              </h1>
              <p className="cd-recovery__message" role="note" aria-label="What happened">
                {status.message ?? 'The library file could not be read.'}
              </p>
              <p className="cd-recovery__calm">Nothing has been deleted. Choose one of the ways out below; the damaged file is always kept.</p>
            </div>
          </div>

          {unsavedText ? <UnsavedTextSection text={unsavedText} /> : null}

          {error ? (
            <p className="cd-recovery__error" role="alert">
              {error}
            </p>
          ) : null}

          <BackupList backups={status.backups} busy={busy} now={now} onRestore={(name) => void restore(name)} />
          <SalvageSection busy={busy} salvaged={salvaged} onSalvage={() => void salvage()} />

          <section className="cd-recovery__section" aria-labelledby="recovery-fresh">
            <h2 id="recovery-fresh" className="cd-recovery__heading">
              Start over
            </h2>
            <p className="cd-recovery__text">
              Opens a new, empty library. The damaged file is moved aside, not deleted, so it can still be examined or recovered later.
            </p>
            <button type="button" className="cd-button cd-button--danger" disabled={busy !== null} onClick={() => setConfirmFresh(true)}>
              Start a new, empty library
            </button>
          </section>

          {status.keptAside ? (
            <p className="cd-recovery__kept" role="note" aria-label="Damaged file">
              The damaged file is kept at <code className="cd-path">{status.keptAside}</code>
            </p>
          ) : null}
        </div>
      </main>

      <StartFreshDialog
        open={confirmFresh}
        busy={busy}
        salvaged={salvaged !== null}
        onCancel={() => setConfirmFresh(false)}
        onStart={() => void startFresh()}
      />
    </div>
  );
}
