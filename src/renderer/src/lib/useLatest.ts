import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that holds the latest `value`, for listeners subscribed once (events from main, window
 * keys) that must call the current callback, not the one from when they subscribed.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
