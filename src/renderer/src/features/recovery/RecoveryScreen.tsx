/**
 * Shown instead of the app when the library file cannot be opened: what happened in plain words
 * and the ways out — restore a backup, save the stories that can still be read as Markdown, or
 * start a new, empty library. The damaged file is never deleted; once it is moved aside, the
 * screen says where it is.
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import { call, countLabel, errorMessage, exactTime, formatBytes, relativeTime } from '../../lib/index.ts';
import { Brand, Dialog, WarningIcon } from '../../ui/index.ts';

export type RecoveryStatus = ChannelOutput<'recovery.status'>;

const BACKUP_REASONS: Readonly<Record<string, string>> = {
  daily: 'Daily backup',
  'pre-migration': 'Before an update',
  manual: 'Made by hand',
};

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
  readonly onRecovered: (outcome: { how: 'backup' | 'fresh'; keptAside: string | null }) => void;
}

export function RecoveryScreen({ status: initial, unsaved, onRecovered }: RecoveryScreenProps) {
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState<null | 'salvage' | 'fresh' | string>(null);
  const [error, setError] = useState<string | null>(null);
  const [salvaged, setSalvaged] = useState<ChannelOutput<'recovery.salvage'> | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const [copied, setCopied] = useState<null | 'yes' | 'no'>(null);
  const now = Date.now();
  const unsavedText = unsaved ? `${unsaved.headline.trim()}\n\n${unsaved.text.trim()}`.trim() : '';

  const copyUnsaved = async () => {
    try {
      await navigator.clipboard.writeText(unsavedText);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

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

          {unsavedText ? (
            <section className="cd-recovery__section cd-recovery__section--unsaved" aria-labelledby="recovery-unsaved">
              <h2 id="recovery-unsaved" className="cd-recovery__heading">
                Your unsaved text
              </h2>
              <p className="cd-recovery__text">
                The latest changes to the open story could not be saved. Copy them somewhere safe before you choose a way out.
              </p>
              <textarea className="cd-input cd-input--multiline cd-recovery__unsaved" aria-label="Unsaved text" dir="auto" rows={6} readOnly value={unsavedText} />
              <div className="cd-recovery__row">
                <button type="button" className="cd-button cd-button--primary" onClick={() => void copyUnsaved()}>
                  Copy text
                </button>
                {copied ? (
                  <span role="status" className="cd-recovery__copied">
                    {copied === 'yes' ? 'Copied.' : 'Copying was not allowed: select the text and copy it by hand.'}
                  </span>
                ) : null}
              </div>
            </section>
          ) : null}

          {error ? (
            <p className="cd-recovery__error" role="alert">
              {error}
            </p>
          ) : null}

          <section className="cd-recovery__section" aria-labelledby="recovery-backups">
            <h2 id="recovery-backups" className="cd-recovery__heading">
              Restore a backup
            </h2>
            <p className="cd-recovery__text">Copydesk keeps a backup every day and before every update. Changes made since the backup are not in it.</p>
            {status.backups.length === 0 ? (
              <p className="cd-recovery__none">There are no backups yet.</p>
            ) : (
              <ul className="cd-backups" aria-label="Backups">
                {status.backups.map((backup) => (
                  <li key={backup.name} className="cd-backup">
                    <span className="cd-backup__when">
                      <time dateTime={backup.at}>{exactTime(backup.at)}</time>
                      <span className="cd-backup__ago"> ({relativeTime(backup.at, now)})</span>
                    </span>
                    <span className="cd-backup__meta">
                      {BACKUP_REASONS[backup.reason] ?? backup.reason} · {formatBytes(backup.bytes)}
                    </span>
                    <button
                      type="button"
                      className="cd-button cd-button--primary cd-backup__restore"
                      disabled={busy !== null}
                      aria-label={`Restore this backup: ${exactTime(backup.at)}`}
                      onClick={() => void restore(backup.name)}
                    >
                      {busy === backup.name ? 'Restoring…' : 'Restore this backup'}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="cd-recovery__section" aria-labelledby="recovery-salvage">
            <h2 id="recovery-salvage" className="cd-recovery__heading">
              Save what can still be read
            </h2>
            <p className="cd-recovery__text">Copies the text of every story that can still be read into Markdown files, in a folder you choose.</p>
            <button type="button" className="cd-button" disabled={busy !== null} onClick={() => void salvage()}>
              {busy === 'salvage' ? 'Saving…' : 'Save readable stories as Markdown…'}
            </button>
            {salvaged ? (
              <p className={salvaged.saved > 0 ? 'cd-recovery__result' : 'cd-recovery__result cd-recovery__result--none'} role="status">
                {salvaged.saved > 0 ? (
                  <>
                    Saved {countLabel(salvaged.saved, 'story', 'stories')} as Markdown to <code className="cd-path">{salvaged.folder}</code>
                    {salvaged.unreadable > 0 ? ` (${countLabel(salvaged.unreadable, 'other could', 'others could')} not be read).` : '.'}
                  </>
                ) : (
                  'No story could be read from the damaged file. A backup may still have them.'
                )}
              </p>
            ) : null}
          </section>

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

      <Dialog
        title="Start a new, empty library?"
        open={confirmFresh}
        onCancel={() => setConfirmFresh(false)}
        onSubmit={() => void startFresh()}
        description={
          <p>
            Copydesk opens with no stories. The damaged library is kept aside in the data folder; stories in it are not in the new library.
            {salvaged === null ? ' You may want to save readable stories as Markdown first.' : ''}
          </p>
        }
        actions={
          <>
            <button type="button" className="cd-button" onClick={() => setConfirmFresh(false)}>
              Cancel
            </button>
            <button type="submit" className="cd-button cd-button--danger-solid" disabled={busy !== null}>
              {busy === 'fresh' ? 'Starting…' : 'Start a new library'}
            </button>
          </>
        }
      >
        {null}
      </Dialog>
    </div>
  );
}
