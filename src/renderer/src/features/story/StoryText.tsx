/**
 * The text column: banners, the headline (Enter moves to the body), the byline with the word
 * count, the keywords and the Lexical body. Leaving the headline or the keywords saves.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { Ref } from 'react';
import { isRightToLeft } from '../../../../shared/news-item.ts';
import type { Story } from '../../../../shared/story.ts';
import { exactTime, relativeTime, wordsLabel } from '../../lib/index.ts';
import { Count } from '../metadata/index.ts';
import { TaggingSection, type TaggingSectionProps } from '../tagging/index.ts';
import { KeywordsField } from './KeywordsField.tsx';
import { StoryBanners } from './StoryBanners.tsx';

export interface StoryTextProps {
  /** The story as the service last confirmed it (status, author, banners, update time). */
  readonly story: Story;
  /** The text's language (BCP 47, '' unknown): sets `lang` and the base direction. */
  readonly language: string;
  /** The newsroom's headline limit, for the live count. */
  readonly headlineLimit: number;
  readonly headline: string;
  readonly keywords: readonly string[];
  readonly wordCount: number;
  readonly keywordSuggestions: readonly string[];
  readonly now: number;
  readonly headlineRef: Ref<HTMLTextAreaElement>;
  readonly onHeadlineChange: (value: string) => void;
  readonly onKeywordsChange: (keywords: string[]) => void;
  readonly onLeaveField: () => void;
  /** Subjects, names and suggestions, shown below the keywords. */
  readonly tagging: TaggingSectionProps;
}

export function StoryText(props: StoryTextProps) {
  const { story, now } = props;
  const [editor] = useLexicalComposerContext();
  const dir = props.language ? (isRightToLeft(props.language) ? 'rtl' : 'ltr') : 'auto';
  return (
    <article className="cd-story__column" lang={props.language || undefined}>
      <StoryBanners story={story} />
      <textarea
        ref={props.headlineRef}
        className="cd-headline"
        aria-label="Headline"
        placeholder="Headline"
        dir={dir}
        rows={1}
        maxLength={500}
        spellCheck
        value={props.headline}
        onChange={(event) => props.onHeadlineChange(event.target.value)}
        onBlur={props.onLeaveField}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            editor.focus();
          }
        }}
      />
      {/* Each part isolated: a Hebrew author name cannot reorder the line ("By 16 · פסח בנסון words"). */}
      <p className="cd-byline" dir="ltr" lang="en">
        <bdi>
          By{' '}
          {story.byline.length > 0
            ? story.byline.map((c, i) => (
                <span key={i}>
                  {i > 0 ? ', ' : ''}
                  <bdi>{c.name}</bdi>
                </span>
              ))
            : <bdi>{story.author}</bdi>}
        </bdi>
        <span aria-hidden="true"> · </span>
        <bdi>{wordsLabel(props.wordCount)}</bdi>
        <span aria-hidden="true"> · </span>
        <bdi>
          Updated{' '}
          <time dateTime={story.updatedAt} title={exactTime(story.updatedAt)}>
            {relativeTime(story.updatedAt, now)}
          </time>
        </bdi>
        <span className="cd-byline__count">
          Headline <Count value={[...props.headline.trim()].length} limit={props.headlineLimit} label="Headline length" />
        </span>
      </p>
      <KeywordsField keywords={props.keywords} suggestions={props.keywordSuggestions} onChange={props.onKeywordsChange} onBlur={props.onLeaveField} />
      <TaggingSection {...props.tagging} />
      <div className="cd-editor">
        <ContentEditable
          dir={dir}
          className="cd-editor__input"
          aria-label="Story body"
          aria-multiline
          spellCheck
          aria-placeholder="Write the story…"
          placeholder={<div className="cd-editor__placeholder">Write the story…</div>}
        />
      </div>
    </article>
  );
}
