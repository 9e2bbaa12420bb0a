/** Under the list: the Trash button (with how many stories it holds) and the library's size. */
import { TrashIcon } from '../../ui/index.ts';
import { countLabel, formatBytes } from '../../lib/index.ts';
import type { LibraryStats } from './useLibraryStats.ts';

export interface LibraryFooterProps {
  readonly trashShown: boolean;
  readonly trashCount: number;
  readonly stats: LibraryStats | null;
  readonly onToggleTrash: () => void;
}

export function LibraryFooter({ trashShown, trashCount, stats, onToggleTrash }: LibraryFooterProps) {
  return (
    <footer className="cd-sidebar__footer">
      <button
        type="button"
        className={trashShown ? 'cd-button cd-button--quiet cd-trash-button cd-trash-button--active' : 'cd-button cd-button--quiet cd-trash-button'}
        aria-pressed={trashShown}
        aria-label={trashCount === 0 ? 'Trash, empty' : `Trash, ${countLabel(trashCount, 'story', 'stories')}`}
        title={trashShown ? 'Back to the stories' : 'Deleted stories'}
        onClick={onToggleTrash}
      >
        <TrashIcon />
        Trash
        <span className="cd-count cd-count--quiet">{trashCount}</span>
      </button>
      {stats ? (
        <span className="cd-stats" role="note" aria-label="Library size" title={`Library folder: ${stats.dataDir}`}>
          {formatBytes(stats.bytes)} · {countLabel(stats.stories, 'story', 'stories')} · {countLabel(stats.revisions, 'revision', 'revisions')}
        </span>
      ) : null}
    </footer>
  );
}
