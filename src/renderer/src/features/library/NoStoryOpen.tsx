/** The right side while no story is open: how to open one, or how to write the first. */
import type { StoryListRow } from '../../../../shared/story.ts';
import { shortcutLabel } from '../../lib/index.ts';

export interface NoStoryOpenProps {
  readonly rows: readonly StoryListRow[] | null;
  /** Searching, or any filter set. */
  readonly filtered: boolean;
}

export function NoStoryOpen({ rows, filtered }: NoStoryOpenProps) {
  return (
    <div className="cd-main__empty">
      {rows && rows.length > 0 ? (
        <p>Choose a story from the list, or press New story ({shortcutLabel('N')}).</p>
      ) : rows && !filtered ? (
        <>
          <p className="cd-main__empty-title">Write the first story</p>
          <p>Use New story ({shortcutLabel('N')}). Copydesk saves as you type.</p>
        </>
      ) : null}
    </div>
  );
}
