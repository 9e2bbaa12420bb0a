/**
 * The text column: banners, the headline (Enter moves to the body), the byline with the word
 * count, the keywords and the Lexical body. Leaving the headline or the keywords saves.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import type { Ref } from 'react';
import type { Story } from '../../../../shared/story.ts';
import { exactTime, relativeTime, wordsLabel } from '../../lib/index.ts';
import { TaggingSection, type TaggingSectionProps } from '../tagging/index.ts';
import { KeywordsField } from './KeywordsField.tsx';
import { StoryBanners } from './StoryBanners.tsx';

export interface StoryTextProps {
  /** The story as the service last confirmed it (status, author, banners, update time). */
  readonly story: Story;
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
  return (
    <article className="cd-story__column">
      <StoryBanners story={story} />
      <textarea
        ref={props.headlineRef}
        className="cd-headline"
        aria-label="Headline"
        placeholder="Headline"
        dir="auto"
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
      <p className="cd-byline">
        <span>By {story.author}</span>
        <span aria-hidden="true"> · </span>
        <span>{wordsLabel(props.wordCount)}</span>
        <span aria-hidden="true"> · </span>
        <span>
          Updated{' '}
          <time dateTime={story.updatedAt} title={exactTime(story.updatedAt)}>
            {relativeTime(story.updatedAt, now)}
          </time>
        </span>
      </p>
      <KeywordsField keywords={props.keywords} suggestions={props.keywordSuggestions} onChange={props.onKeywordsChange} onBlur={props.onLeaveField} />
      <TaggingSection {...props.tagging} />
      <div className="cd-editor">
        <ContentEditable
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
