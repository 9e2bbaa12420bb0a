/**
 * The revisions panel beside the open story: opening and closing it, comparing with the current
 * text, and bringing back an older revision.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { RevisionSummary, Story } from '../../../../shared/story.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { EditorHandle } from '../story/index.ts';
import type { Notify } from '../../ui/index.ts';

export interface RevisionsDeps {
  readonly editorRef: RefObject<EditorHandle | null>;
  readonly show: (story: Story) => void;
  readonly onStoryUpdated: (story: Story) => void;
  readonly notify: Notify;
}

export function useRevisions({ editorRef, show, onStoryUpdated, notify }: RevisionsDeps) {
  const [panelOpen, setPanelOpen] = useState(false);
  /** Opened with the Revisions button: the panel takes the focus (not when it follows a story switch). */
  const takeFocus = useRef(false);

  const togglePanel = () => {
    takeFocus.current = !panelOpen;
    setPanelOpen(!panelOpen);
  };

  const closePanel = () => {
    setPanelOpen(false);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('button[aria-label="Revisions"]')?.focus());
  };

  /** Bring back an older revision: save what is typed, restore on the save queue, reload the editor. */
  const restore = useCallback(
    async (revision: RevisionSummary): Promise<boolean> => {
      const handle = editorRef.current;
      if (!handle || handle.storyId !== revision.storyId) return false;
      try {
        const story = await handle.exclusive((baseRevision) =>
          call('revisions.restore', { id: revision.storyId, revisionId: revision.id, baseRevision })
        );
        show(story);
        onStoryUpdated(story);
        notify({ kind: 'success', key: 'restore', message: 'The older version is restored.', detail: 'The text before it is kept as a revision.' });
        return true;
      } catch (error) {
        notify({ kind: 'error', key: 'restore', message: `Couldn't restore that version. ${errorMessage(error)}` });
        return false;
      }
    },
    [editorRef, notify, show, onStoryUpdated]
  );

  /** For "Compare with current": save what is typed, then read the story as stored. */
  const loadCurrent = useCallback(async (): Promise<Story | null> => {
    const handle = editorRef.current;
    if (!handle) return null;
    if (!(await handle.flush())) {
      notify({ kind: 'error', key: 'compare', message: "The latest changes couldn't be saved, so there is no current version to compare with yet." });
      return null;
    }
    return call('stories.get', { id: handle.storyId });
  }, [editorRef, notify]);

  return { panelOpen, takeFocus, togglePanel, closePanel, restore, loadCurrent };
}
