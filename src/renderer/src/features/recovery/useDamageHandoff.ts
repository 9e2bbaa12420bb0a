/**
 * The library turned out to be damaged while open: hand over to the recovery screen, with the
 * editor's text when it is not saved, so it can be copied.
 */
import { useEffect, type RefObject } from 'react';
import { onLibraryDamaged, useLatest } from '../../lib/index.ts';
import type { UnsavedText } from './RecoveryScreen.tsx';
import type { EditorHandle } from '../story/index.ts';

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
