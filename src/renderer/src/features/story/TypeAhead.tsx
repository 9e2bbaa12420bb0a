/**
 * Keys typed right after Ctrl/Cmd+N, before the new story's headline exists, would go nowhere.
 * The shortcut focuses this hidden field at once (in the same key event), so those keys land
 * here; the new story's headline takes them when it mounts, and takes the focus.
 */
import { useCallback, useRef, type RefObject } from 'react';

export function useTypeAhead() {
  const ref = useRef<HTMLTextAreaElement>(null);
  /** Start collecting keys now (call synchronously from the key or click that creates the story). */
  const start = useCallback(() => {
    const field = ref.current;
    if (!field) return;
    field.value = '';
    field.focus();
  }, []);
  /** What was typed since `start`, as one headline line; the field is emptied. */
  const take = useCallback((): string => {
    const field = ref.current;
    if (!field) return '';
    const typed = field.value.replace(/[\r\n]+/g, ' ');
    field.value = '';
    return typed;
  }, []);
  return { ref, start, take };
}

export function TypeAheadBuffer({ bufferRef }: { bufferRef: RefObject<HTMLTextAreaElement | null> }) {
  return <textarea ref={bufferRef} className="cd-type-ahead" aria-label="Starting a new story…" tabIndex={-1} rows={1} />;
}
