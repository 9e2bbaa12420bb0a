/**
 * Suggestions for the open story: asked of main after the latest edits are saved (so they are
 * made from the text as it is), kept until the next Suggest. Nothing is applied here.
 */
import { useCallback, useRef, useState } from 'react';
import type { Suggestions } from '../../../../shared/tagging.ts';
import { call, errorMessage } from '../../lib/index.ts';

export function useSuggestions(storyId: string, flush: () => Promise<boolean>) {
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const ask = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      if (!(await flush())) {
        if (ticket === latest.current) setError('The latest changes are not saved yet, so there is nothing new to suggest from. Save, then try again.');
        return;
      }
      const answer = await call('tagging.suggest', { id: storyId });
      if (ticket === latest.current) setSuggestions(answer);
    } catch (e) {
      if (ticket === latest.current) setError(`Couldn't make suggestions: ${errorMessage(e)}`);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [storyId, flush]);

  return { suggestions, loading, error, ask };
}
