/** Plain functions for the stories on the desk: their rows in the list, their headlines in messages. */
import type { StoryListRow } from '../../../../shared/story.ts';
import { UNTITLED } from './StoryList.tsx';

type Rows = readonly StoryListRow[] | null;

export function withoutRow(list: Rows, id: string): Rows {
  return list?.filter((s) => s.id !== id) ?? list;
}

/** A headline as messages quote it: “Headline”, or “Untitled story”. */
export function quoted(headline: string): string {
  return `“${headline.trim() || UNTITLED}”`;
}
