/**
 * The left pane when it shows the stories: New story and Import…, the search and filters, a
 * summary of what the list shows, and the list itself (or why it is empty).
 */
import type { RefObject } from 'react';
import { ImportIcon, LoadFailed, PlusIcon } from '../../ui/index.ts';
import type { KeywordCount } from './KeywordFilter.tsx';
import { LibraryControls } from './LibraryControls.tsx';
import { StoryList } from './StoryList.tsx';
import { countLabel, shortcutLabel } from '../../lib/index.ts';
import { activePanelFilters, NO_PANEL_FILTERS, type Library } from './useLibrary.ts';

export interface StoriesPaneProps {
  readonly library: Library;
  readonly keywords: readonly KeywordCount[];
  /** The newsroom's desks, for the desk filter. */
  readonly desks: readonly string[];
  /** Searching, or any filter set. */
  readonly filtered: boolean;
  /** How many stories the library holds in all (from its size); null when unknown. */
  readonly storiesInLibrary: number | null;
  /** The settings are read: stories can be created and imported. */
  readonly ready: boolean;
  readonly loadError: string | null;
  readonly onRetryLoad: () => void;
  readonly selectedId: string | null;
  readonly now: number;
  readonly onNewStory: () => void;
  readonly onImport: () => void;
  /** File → Import…: files as new drafts. */
  readonly onImportFiles: () => void;
  readonly onOpen: (id: string) => void;
  readonly listRef: RefObject<HTMLDivElement | null>;
}

export function StoriesPane(props: StoriesPaneProps) {
  const { library, keywords, filtered, storiesInLibrary, ready, loadError, onRetryLoad, selectedId, now, onNewStory, onImport, onImportFiles, onOpen, listRef } = props;
  const { rows } = library;
  // The size is read a moment after saves: never show fewer stories in all than in the list.
  // How many the list holds in all (it shows a page of them), and how many the library holds.
  const matching = Math.max(library.total, rows?.length ?? 0);
  const total = storiesInLibrary !== null ? Math.max(storiesInLibrary, matching) : null;
  const notShown = rows === null ? 0 : matching - rows.length;
  const onlyKeyword = library.view.keyword !== undefined && !library.searching && activePanelFilters(library.view) === 0;

  const clearAll = () => {
    library.setQuery('');
    library.changeView({ keyword: undefined, ...NO_PANEL_FILTERS });
  };

  const listSummary =
    rows === null
      ? ''
      : filtered
        ? total !== null
          ? `${matching.toLocaleString()} of ${countLabel(total, 'story', 'stories')} ${matching === 1 ? 'matches' : 'match'}`
          : `${countLabel(matching, 'story', 'stories')} ${matching === 1 ? 'matches' : 'match'}`
        : countLabel(matching, 'story', 'stories');

  return (
    <>
      <div className="cd-sidebar__top">
        <div className="cd-sidebar__actions">
          <button
            type="button"
            className="cd-button cd-button--primary cd-button--wide"
            title={`New story (${shortcutLabel('N')})`}
            aria-keyshortcuts="Control+N"
            disabled={!ready}
            onClick={onNewStory}
          >
            <PlusIcon />
            New story
          </button>
          <button
            type="button"
            className="cd-button cd-sidebar__import"
            aria-label="Import files…"
            title="Import wire copy, Markdown, HTML, Word or NewsML-G2 files as new drafts (or drop them on the window)"
            disabled={!ready}
            onClick={onImportFiles}
          >
            <ImportIcon />
            <span aria-hidden="true">Import…</span>
          </button>
          <button
            type="button"
            className="cd-button cd-sidebar__import"
            aria-label="Import package…"
            title="Import stories from a Copydesk package (.copydesk)"
            disabled={!ready}
            onClick={onImport}
          >
            <span aria-hidden="true">Package…</span>
          </button>
        </div>
        <LibraryControls library={library} keywords={keywords} desks={props.desks} />
      </div>
      <div className="cd-sidebar__summary" hidden={rows !== null && rows.length === 0 && !filtered}>
        <span role="status" aria-label="List summary" className={library.pending ? 'cd-sidebar__count cd-sidebar__count--pending' : 'cd-sidebar__count'}>
          {listSummary}
        </span>
        {filtered ? (
          <button type="button" className="cd-link-button" onClick={clearAll}>
            Clear all
          </button>
        ) : null}
      </div>
      <div className="cd-sidebar__list" ref={listRef}>
        {loadError || (library.error && rows === null) ? (
          <LoadFailed message="Copydesk couldn't load your stories." detail={loadError ?? library.error} onRetry={() => (loadError ? onRetryLoad() : library.refresh())} />
        ) : rows === null ? (
          <p className="cd-empty">Loading stories…</p>
        ) : rows.length === 0 ? (
          onlyKeyword ? (
            <div className="cd-empty">
              <p>
                No stories with the keyword “<span dir="auto">{library.view.keyword}</span>”.
              </p>
              <button type="button" className="cd-button" onClick={() => library.changeView({ keyword: undefined })}>
                Show all stories
              </button>
            </div>
          ) : filtered ? (
            <div className="cd-empty">
              <p>
                {library.searching ? (
                  <>
                    No stories match “<span dir="auto">{library.query.trim()}</span>”
                    {library.view.keyword !== undefined || activePanelFilters(library.view) > 0 ? ' with these filters.' : '.'}
                  </>
                ) : (
                  'No stories match these filters.'
                )}
              </p>
              <button type="button" className="cd-button" onClick={clearAll}>
                Clear search and filters
              </button>
            </div>
          ) : (
            <p className="cd-empty">No stories yet — press New story ({shortcutLabel('N')}) to start</p>
          )
        ) : (
          <>
            <StoryList stories={rows} selectedId={selectedId} now={now} query={library.searching ? library.query : undefined} onOpen={onOpen} />
            {notShown > 0 ? (
              <button type="button" className="cd-button cd-sidebar__more" onClick={library.showMore} disabled={library.pending}>
                Show more ({notShown.toLocaleString()} not shown)
              </button>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
