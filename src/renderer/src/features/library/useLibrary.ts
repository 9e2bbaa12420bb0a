/**
 * The story list as the library view shows it: a search query (debounced while typing), filters
 * that combine, and a sort. Every change asks main for a fresh list; answers to older requests are
 * ignored, so a slow search never overwrites a newer one and nothing waits for it. The filters and
 * sort (not the query) are remembered in settings.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LIST_PAGE_SIZE, SEARCH_PAGE_SIZE, type ChannelInput } from '../../../../shared/contract.ts';
import { isEmptyQuery, parseQuery } from '../../../../shared/search-text.ts';
import type { Settings } from '../../../../shared/settings.ts';
import type { LibrarySort, StoryListRow } from '../../../../shared/story.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';

export type LibraryView = Settings['libraryView'];
/** While searching, the list can also be ranked by relevance ("Best match"). */
export type SortChoice = LibrarySort | 'relevance';

export const SEARCH_DELAY_MS = 150;

/** The filters that sit behind the "Filters" disclosure (the keyword has its own select). */
export const PANEL_FILTERS = ['status', 'author', 'language', 'desk', 'embargoed', 'from', 'to'] as const;
/** Every filter cleared ("Clear", "Clear all"); `subject` is the tagging feature's. */
export const NO_PANEL_FILTERS: Partial<LibraryView> = { status: undefined, author: undefined, language: undefined, desk: undefined, embargoed: undefined, from: undefined, to: undefined };

export function activePanelFilters(view: LibraryView): number {
  return PANEL_FILTERS.filter((key) => view[key] !== undefined).length;
}

/** The view without empty values, so settings and requests carry only what is set. */
export function cleanView(view: LibraryView): LibraryView {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) out[key] = value;
  }
  return out as LibraryView;
}

/** The authors seen so far, for the author filter: sorted, each once. */
function mergeNames(known: readonly string[], names: readonly string[]): readonly string[] {
  const fresh = names.filter((n, i) => n && !known.includes(n) && names.indexOf(n) === i);
  return fresh.length ? [...known, ...fresh].sort((a, b) => a.localeCompare(b)) : known;
}

export function useLibrary(notify: Notify, onSettings: (settings: Settings) => void) {
  const [view, setView] = useState<LibraryView>({ sort: 'updated' });
  const [query, setQueryState] = useState('');
  const [searchSort, setSearchSort] = useState<SortChoice>('relevance');
  const [rows, setRows] = useState<readonly StoryListRow[] | null>(null);
  /** How many stories the list holds in all; only `limit` of them are shown (Show more). */
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(LIST_PAGE_SIZE);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [tick, setTick] = useState(0);
  const [authors, setAuthors] = useState<readonly string[]>([]);
  /** The languages seen in the list so far, for the language filter. */
  const [languages, setLanguages] = useState<readonly string[]>([]);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const debounceNext = useRef(false);

  const searching = !isEmptyQuery(parseQuery(query));
  const pageSize = searching ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
  const sort: SortChoice = searching ? searchSort : (view.sort ?? 'updated');

  const input = useMemo<ChannelInput<'stories.list'>>(() => {
    const { sort: _sort, ...filters } = cleanView(view);
    return {
      ...filters,
      ...(searching ? { query: query.trim() } : {}),
      ...(sort === 'relevance' ? {} : { sort }),
    };
  }, [view, query, searching, sort]);
  const inputKey = JSON.stringify(input);
  // Another search or other filters start again from the first page.
  const [limitFor, setLimitFor] = useState(inputKey);
  if (limitFor !== inputKey) {
    setLimitFor(inputKey);
    setLimit(pageSize);
  }

  useEffect(() => {
    if (!ready) return undefined;
    const delay = debounceNext.current ? SEARCH_DELAY_MS : 0;
    debounceNext.current = false;
    const id = ++latest.current;
    setPending(true);
    const timer = setTimeout(() => {
      call('stories.list', { ...(JSON.parse(inputKey) as ChannelInput<'stories.list'>), limit }).then(
        (result) => {
          if (id !== latest.current) return; // a newer request is on its way
          setRows(result.rows);
          setTotal(result.total);
          setError(null);
          setPending(false);
          setAuthors((known) => mergeNames(known, result.rows.map((r) => r.author)));
          setLanguages((known) => mergeNames(known, result.rows.map((r) => r.language)));
        },
        (e: unknown) => {
          if (id !== latest.current) return;
          setPending(false);
          setError(errorMessage(e));
          notify({ kind: 'error', key: 'list', message: `Couldn't load the story list. ${errorMessage(e)}` });
        }
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [ready, inputKey, limit, tick, notify]);

  /** Start listing with the view remembered in settings. */
  const init = useCallback((settings: Settings) => {
    setView(cleanView(settings.libraryView));
    setAuthors((known) => mergeNames(known, [settings.profile.name]));
    setReady(true);
    setTick((t) => t + 1);
  }, []);

  const persist = useCallback(
    async (next: LibraryView) => {
      try {
        onSettings(await call('settings.update', { libraryView: next }));
      } catch (e) {
        notify({ kind: 'error', key: 'library-view', message: `Couldn't remember the list's filters. ${errorMessage(e)}` });
      }
    },
    [notify, onSettings]
  );

  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  /** Change filters or the sort; `undefined` clears a filter. Remembered in settings. */
  const changeView = useCallback(
    (patch: Partial<LibraryView>) => {
      const next = cleanView({ ...viewRef.current, ...patch });
      viewRef.current = next;
      setView(next);
      void persist(next);
    },
    [persist]
  );

  const changeSort = useCallback(
    (choice: SortChoice) => {
      if (searching) setSearchSort(choice);
      if (choice !== 'relevance') changeView({ sort: choice });
    },
    [searching, changeView]
  );

  const setQuery = useCallback((text: string) => {
    debounceNext.current = true;
    setQueryState(text);
    if (isEmptyQuery(parseQuery(text))) setSearchSort('relevance');
  }, []);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const showMore = useCallback(() => setLimit((l) => l + pageSize), [pageSize]);

  return {
    view,
    query,
    searching,
    sort,
    rows,
    total,
    showMore,
    error,
    pending,
    authors,
    languages,
    ready,
    init,
    changeView,
    changeSort,
    setQuery,
    setRows,
    refresh,
  };
}

export type Library = ReturnType<typeof useLibrary>;
