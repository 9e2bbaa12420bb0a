/** The keywords in the library with their counts: for the keyword filter and the editor's suggestions. */
import { useCallback, useMemo, useState } from 'react';
import { call, errorMessage } from '../../lib/index.ts';
import type { KeywordCount } from './KeywordFilter.tsx';
import type { Notify } from '../../ui/index.ts';

export function useKeywordList(notify: Notify) {
  const [counts, setCounts] = useState<readonly KeywordCount[]>([]);
  const suggestions = useMemo(() => counts.map((k) => k.keyword), [counts]);

  const refresh = useCallback(async () => {
    try {
      setCounts(await call('keywords.list', {}));
    } catch (error) {
      notify({ kind: 'error', key: 'keywords', message: `Couldn't load the keyword list. ${errorMessage(error)}` });
    }
  }, [notify]);

  return { counts, suggestions, refresh };
}
