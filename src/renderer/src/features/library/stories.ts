/** Plain functions for the stories on the desk: their rows in the list, their headlines in messages. */
import { summaryOf, type Story, type StoryListRow } from '../../../../shared/story.ts';
import { UNTITLED } from './StoryList.tsx';

type Rows = readonly StoryListRow[] | null;

export function toRow(story: Story, snippet: string | null = null): StoryListRow {
  return { ...summaryOf(story), snippet };
}

/** A new story (or a copy) goes to the top of the list, in place of any row it had. */
export function withRowOnTop(list: Rows, story: Story): readonly StoryListRow[] {
  return [toRow(story), ...(list ?? []).filter((s) => s.id !== story.id)];
}

/** A changed story's row changes in place and keeps its search snippet. */
export function withRowUpdated(list: Rows, story: Story): Rows {
  return list?.map((s) => (s.id === story.id ? toRow(story, s.snippet) : s)) ?? list;
}

export function withoutRow(list: Rows, id: string): Rows {
  return list?.filter((s) => s.id !== id) ?? list;
}

/** A headline as messages quote it: “Headline”, or “Untitled story”. */
export function quoted(headline: string): string {
  return `“${headline.trim() || UNTITLED}”`;
}
