/** "Restore a backup": the backups newest first, each with when, why and how big, and Restore. */
import { exactTime, formatBytes, relativeTime } from '../../lib/index.ts';
import type { RecoveryStatus } from './useRecoveryActions.ts';

const BACKUP_REASONS: Readonly<Record<string, string>> = {
  daily: 'Daily backup',
  'pre-migration': 'Before an update',
  manual: 'Made by hand',
};

export interface BackupListProps {
  readonly backups: RecoveryStatus['backups'];
  /** The name of the backup being restored, or another action in flight; null: nothing is. */
  readonly busy: string | null;
  readonly now: number;
  readonly onRestore: (name: string) => void;
}

export function BackupList({ backups, busy, now, onRestore }: BackupListProps) {
  return (
    <section className="cd-recovery__section" aria-labelledby="recovery-backups">
      <h2 id="recovery-backups" className="cd-recovery__heading">
        Restore a backup
      </h2>
      <p className="cd-recovery__text">Copydesk keeps a backup every day and before every update. Changes made since the backup are not in it.</p>
      {backups.length === 0 ? (
        <p className="cd-recovery__none">There are no backups yet.</p>
      ) : (
        <ul className="cd-backups" aria-label="Backups">
          {backups.map((backup) => (
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
                onClick={() => onRestore(backup.name)}
              >
                {busy === backup.name ? 'Restoring…' : 'Restore this backup'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
