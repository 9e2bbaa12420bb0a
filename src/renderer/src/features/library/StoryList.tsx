/**
 * The story list: a list named "Stories" whose rows are buttons. Tab reaches the selected row;
 * ArrowUp/ArrowDown/Home/End move between rows, Enter or Space opens one.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { isEmptyQuery, makeSnippet, parseQuery, type ParsedQuery } from '../../../../shared/search-text.ts';
import { isEmbargoed, languageLabel, URGENCY_MEANINGS } from '../../../../shared/news-item.ts';
import type { StorySummary } from '../../../../shared/story.ts';
import { exactTime, relativeTime, splitHits, wordsLabel } from '../../lib/index.ts';
import { StatusBadge } from '../../ui/index.ts';
import { formatInZone, PictureThumb, readerZone } from '../metadata/index.ts';

export type StoryListEntry = StorySummary & { readonly snippet?: string | null };

export interface StoryListProps {
  readonly stories: readonly StoryListEntry[];
  readonly selectedId: string | null;
  readonly now: number;
  readonly onOpen: (id: string) => void;
  /** The search query, to highlight hits in headlines (snippets come marked from main). */
  readonly query?: string;
}

/** Text with search hits (between HIT_START and HIT_END) shown as <mark>; rendered as text, never as HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHits(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

function markHeadline(headline: string, query: ParsedQuery | null): string {
  if (!query) return headline;
  // Wide enough that the excerpt is the whole headline, from its first character.
  return makeSnippet(headline, query, headline.length * 3 + 3);
}

export const UNTITLED = 'Untitled story';

/** Urgency is marked in the list only when it is high (1–3): the rest is routine. */
const MARKED_URGENCY = 3;

const embargoShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The row's meta line. Every part is its own isolated run (<bdi>), so a right-to-left value
 * (a Hebrew slugline or desk) cannot reorder its neighbours.
 */
function RowMeta({ story, now }: { story: StoryListEntry; now: number }) {
  const language = story.language ? story.language.split('-')[0]!.toUpperCase() : '';
  return (
    <span className="cd-row__meta">
      <StatusBadge status={story.status} size="small" />
      {story.urgency !== null && story.urgency <= MARKED_URGENCY ? (
        <bdi className="cd-row__urgency" title={`Urgency ${story.urgency}: ${URGENCY_MEANINGS[story.urgency]}`}>
          {story.urgency === 1 ? 'Flash' : `Urgency ${story.urgency}`}
        </bdi>
      ) : null}
      {story.embargo && isEmbargoed(story.embargo, new Date(now)) ? (
        <bdi className="cd-row__embargo" title={`Embargoed until ${formatInZone(story.embargo.at, readerZone())}`}>
          Embargo until {embargoShort.format(new Date(story.embargo.at))}
        </bdi>
      ) : null}
      {story.slugline ? <bdi className="cd-row__slug">{story.slugline}</bdi> : null}
      {language ? (
        <abbr className="cd-row__language" title={languageLabel(story.language)}>
          {language}
        </abbr>
      ) : null}
      <bdi>
        <time className="cd-row__time" dateTime={story.updatedAt} title={exactTime(story.updatedAt)}>
          {relativeTime(story.updatedAt, now)}
        </time>
      </bdi>
      <bdi className="cd-row__words">{wordsLabel(story.wordCount)}</bdi>
      {story.desk ? <bdi className="cd-row__desk">{story.desk}</bdi> : null}
    </span>
  );
}

export function StoryList({ stories, selectedId, now, onOpen, query }: StoryListProps) {
  const parsed = useMemo(() => {
    const q = parseQuery(query ?? '');
    return isEmptyQuery(q) ? null : q;
  }, [query]);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const tabStop = stories.some((s) => s.id === selectedId) ? selectedId : (stories[0]?.id ?? null);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(index + 1, stories.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(index - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = stories.length - 1;
    if (next === null) return;
    event.preventDefault();
    refs.current.get(stories[next].id)?.focus();
  };

  return (
    <ul className="cd-list" aria-label="Stories">
      {stories.map((story, index) => {
        const selected = story.id === selectedId;
        return (
          <li key={story.id} className="cd-list__item">
            <button
              ref={(el) => {
                if (el) refs.current.set(story.id, el);
                else refs.current.delete(story.id);
              }}
              type="button"
              className={selected ? 'cd-row cd-row--selected' : 'cd-row'}
              aria-current={selected ? 'true' : undefined}
              tabIndex={story.id === tabStop ? 0 : -1}
              onKeyDown={(event) => onKeyDown(event, index)}
              onClick={() => onOpen(story.id)}
              data-story-id={story.id}
            >
              <span className="cd-row__top">
                <span className={story.headline.trim() ? 'cd-row__headline' : 'cd-row__headline cd-row__headline--untitled'} dir="auto">
                  {story.headline.trim() ? <Highlighted text={markHeadline(story.headline.trim(), parsed)} /> : UNTITLED}
                </span>
                {story.leadPicture ? <PictureThumb sha256={story.leadPicture} className="cd-row__picture" /> : null}
              </span>
              {story.snippet ? (
                <span className="cd-row__snippet" dir="auto">
                  <Highlighted text={story.snippet} />
                </span>
              ) : null}
              <RowMeta story={story} now={now} />
              {story.keywords.length > 0 ? (
                <span className="cd-row__keywords">
                  {story.keywords.map((keyword) => (
                    <span key={keyword} className="cd-chip cd-chip--small" dir="auto">
                      {keyword}
                    </span>
                  ))}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
