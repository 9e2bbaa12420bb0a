/**
 * The library's controls above the story list: the search box, the keyword filter, the sort, and
 * a "Filters" disclosure (status, author, updated from/to) with the number of active filters and
 * Clear. Native selects and date fields: keyboard and screen readers for free.
 */
import { useId, useState } from 'react';
import { LIBRARY_SORTS, SORT_LABELS, STATUS_LABELS, STORY_STATUSES, type StoryStatus } from '../../../../shared/story.ts';
import { languageLabel } from '../../../../shared/news-item.ts';
import { activePanelFilters, NO_PANEL_FILTERS, type Library, type SortChoice } from './useLibrary.ts';
import { CloseIcon, FilterIcon, SearchIcon } from '../../ui/index.ts';
import { KeywordFilter, type KeywordCount } from './KeywordFilter.tsx';
import { SubjectFilter } from './SubjectFilter.tsx';

export interface LibraryControlsProps {
  readonly library: Library;
  readonly keywords: readonly KeywordCount[];
  readonly desks: readonly string[];
}

export function LibraryControls({ library, keywords, desks }: LibraryControlsProps) {
  const { view, query, searching, sort, authors } = library;
  const languageOptions = view.language && !library.languages.includes(view.language) ? [view.language, ...library.languages] : library.languages;
  const deskOptions = view.desk && !desks.includes(view.desk) ? [view.desk, ...desks] : desks;
  const [filtersOpen, setFiltersOpen] = useState(() => activePanelFilters(view) > 0);
  const panelId = useId();
  const active = activePanelFilters(view);
  const authorOptions = view.author && !authors.includes(view.author) ? [view.author, ...authors] : authors;
  const badRange = view.from !== undefined && view.to !== undefined && view.from > view.to;

  return (
    <div className="cd-library">
      <div className="cd-library__row">
        <div className="cd-search">
          <SearchIcon />
          <input
            type="search"
            className="cd-search__input"
            aria-label="Search stories"
            placeholder="Search"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            value={query}
            onChange={(event) => library.setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                library.setQuery('');
              }
            }}
          />
          {query ? (
            <button type="button" className="cd-icon-button cd-search__clear" aria-label="Clear search" onClick={() => library.setQuery('')}>
              <CloseIcon />
            </button>
          ) : null}
        </div>
        <button
          type="button"
          className={active > 0 ? 'cd-button cd-filters-toggle cd-filters-toggle--active' : 'cd-button cd-filters-toggle'}
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          aria-label={active > 0 ? `Filters, ${active} active` : 'Filters'}
          title="Filter by status, author, language, desk, embargo and date"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          <FilterIcon />
          <span className="cd-filters-toggle__label">Filters</span>
          {active > 0 ? (
            <span className="cd-count" aria-hidden="true">
              {active}
            </span>
          ) : null}
        </button>
      </div>

      {filtersOpen ? (
        <fieldset id={panelId} className="cd-filters" aria-label="Filters">
          <div className="cd-filters__grid">
            <label className="cd-filters__field">
              <span className="cd-filters__label">Status</span>
              <select
                className="cd-select"
                aria-label="Filter by status"
                value={view.status ?? ''}
                onChange={(event) => library.changeView({ status: (event.target.value || undefined) as StoryStatus | undefined })}
              >
                <option value="">Any status</option>
                {STORY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="cd-filters__field">
              <span className="cd-filters__label">Author</span>
              <select
                className="cd-select"
                aria-label="Filter by author"
                value={view.author ?? ''}
                onChange={(event) => library.changeView({ author: event.target.value || undefined })}
              >
                <option value="">Anyone</option>
                {authorOptions.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
            <label className="cd-filters__field">
              <span className="cd-filters__label">Language</span>
              <select
                className="cd-select"
                aria-label="Filter by language"
                value={view.language ?? ''}
                onChange={(event) => library.changeView({ language: event.target.value || undefined })}
              >
                <option value="">Any language</option>
                {languageOptions.map((l) => (
                  <option key={l} value={l}>
                    {languageLabel(l)} ({l})
                  </option>
                ))}
              </select>
            </label>
            <label className="cd-filters__field">
              <span className="cd-filters__label">Desk</span>
              <select
                className="cd-select"
                aria-label="Filter by desk"
                value={view.desk ?? ''}
                onChange={(event) => library.changeView({ desk: event.target.value || undefined })}
              >
                <option value="">Any desk</option>
                {deskOptions.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            <label className="cd-filters__check">
              <input
                type="checkbox"
                checked={view.embargoed === true}
                onChange={(event) => library.changeView({ embargoed: event.target.checked || undefined })}
              />
              Embargoed only
            </label>
            <label className="cd-filters__field">
              <span className="cd-filters__label">Updated from</span>
              <input
                type="date"
                className="cd-input"
                aria-label="Updated from"
                value={view.from ?? ''}
                max={view.to}
                onChange={(event) => library.changeView({ from: event.target.value || undefined })}
              />
            </label>
            <label className="cd-filters__field">
              <span className="cd-filters__label">Updated to</span>
              <input
                type="date"
                className="cd-input"
                aria-label="Updated to"
                value={view.to ?? ''}
                min={view.from}
                onChange={(event) => library.changeView({ to: event.target.value || undefined })}
              />
            </label>
          </div>
          {badRange ? (
            <p className="cd-filters__hint" role="alert">
              The start date is after the end date, so no story can match.
            </p>
          ) : null}
          <div className="cd-filters__footer">
            <span className="cd-filters__summary">{active === 0 ? 'No filters set' : active === 1 ? '1 filter set' : `${active} filters set`}</span>
            <button
              type="button"
              className="cd-button cd-button--small"
              disabled={active === 0}
              onClick={() => library.changeView(NO_PANEL_FILTERS)}
            >
              Clear
            </button>
          </div>
        </fieldset>
      ) : null}

      <SubjectFilter value={view.subject ?? null} onChange={(subject) => library.changeView({ subject: subject ?? undefined })} />
      <div className="cd-library__pair">
        <KeywordFilter keywords={keywords} value={view.keyword ?? null} onChange={(keyword) => library.changeView({ keyword: keyword ?? undefined })} />
        <label className="cd-filter">
          <span className="cd-filter__label">Sort by</span>
          <select
            className="cd-select"
            aria-label="Sort by"
            value={sort}
            onChange={(event) => library.changeSort(event.target.value as SortChoice)}
          >
            {searching ? <option value="relevance">Best match</option> : null}
            {LIBRARY_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
