/** "Save what can still be read": every readable story as a Markdown file, in a folder the person picks. */
import type { ChannelOutput } from '../../../../shared/contract.ts';
import { countLabel } from '../../lib/index.ts';

export interface SalvageSectionProps {
  readonly busy: string | null;
  readonly salvaged: ChannelOutput<'recovery.salvage'> | null;
  readonly onSalvage: () => void;
}

export function SalvageSection({ busy, salvaged, onSalvage }: SalvageSectionProps) {
  return (
    <section className="cd-recovery__section" aria-labelledby="recovery-salvage">
      <h2 id="recovery-salvage" className="cd-recovery__heading">
        Save what can still be read
      </h2>
      <p className="cd-recovery__text">Copies the text of every story that can still be read into Markdown files, in a folder you choose.</p>
      <button type="button" className="cd-button" disabled={busy !== null} onClick={onSalvage}>
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
  );
}
