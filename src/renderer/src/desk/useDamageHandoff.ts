/**
 * The library turned out to be damaged while open: hand over to the recovery screen, with the
 * editor's text when it is not saved, so it can be copied.
 */
import { useEffect, type RefObject } from 'react';
import { onLibraryDamaged } from '../client.ts';
import type { UnsavedText } from '../components/RecoveryScreen.tsx';
import type { EditorHandle } from '../components/StoryEditor.tsx';
import { useLatest } from '../lib/useLatest.ts';

export function useDamageHandoff(editorRef: RefObject<EditorHandle | null>, onDamaged: (unsaved: UnsavedText | null) => void): void {
  const onDamagedRef = useLatest(onDamaged);
  useEffect(
    () =>
      onLibraryDamaged(() => {
        const draft = editorRef.current?.draft();
        const unsaved = draft && !draft.saved && (draft.headline.trim() || draft.text.trim()) ? { headline: draft.headline, text: draft.text } : null;
        onDamagedRef.current(unsaved);
      }),
    [editorRef, onDamagedRef]
  );
}
