/**
 * Media Topics from main: type-ahead answers (debounced, older answers dropped so a slow reply
 * never overwrites a newer one), the vocabulary release a subject is stored with, and the path of
 * a stored subject (looked up by qcode once, then remembered for the session).
 */
import { useEffect, useRef, useState } from 'react';
import type { Subject, TopicChoice } from '../../../../shared/tagging.ts';
import { call } from '../../lib/index.ts';

export const TOPIC_SEARCH_DELAY_MS = 120;
export const TOPIC_RESULTS = 12;

/** The topics matching `query`; `null` while the first answer is on its way. */
export function useTopicSearch(query: string, enabled: boolean): { choices: readonly TopicChoice[]; error: string | null } {
  const [choices, setChoices] = useState<readonly TopicChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      call('tagging.topics', { query: query.trim().slice(0, 200), limit: TOPIC_RESULTS }).then(
        (found) => {
          if (ticket !== latest.current) return;
          for (const choice of found) rememberTopic(choice);
          setChoices(found);
          setError(null);
        },
        (e: unknown) => {
          if (ticket === latest.current) setError(e instanceof Error ? e.message : String(e));
        }
      );
    }, TOPIC_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, enabled]);
  return { choices, error };
}

let versionAnswer: Promise<string> | null = null;

/** The Media Topics release date (YYYY-MM-DD), asked of main once. */
export function mediaTopicsVersion(): Promise<string> {
  versionAnswer ??= call('tagging.vocabulary', {}).then(
    (v) => v.mediaTopicsVersion,
    (e: unknown) => {
      versionAnswer = null;
      throw e;
    }
  );
  return versionAnswer;
}

/** A picked topic as a story stores it. */
export async function subjectOf(choice: Pick<TopicChoice, 'qcode' | 'label'>): Promise<Subject> {
  return { qcode: choice.qcode, label: choice.label, vocabularyVersion: await mediaTopicsVersion() };
}

const known = new Map<string, TopicChoice>();
const asked = new Set<string>();

function rememberTopic(choice: TopicChoice) {
  known.set(choice.qcode, choice);
}

/** "sport › competition discipline › soccer". */
export function breadcrumb(choice: Pick<TopicChoice, 'label' | 'path'>): string {
  return [...choice.path, choice.label].join(' › ');
}

/** The known topics for these qcodes (paths for chip titles); unknown ones are looked up once. */
export function useKnownTopics(qcodes: readonly string[]): ReadonlyMap<string, TopicChoice> {
  const [, setVersion] = useState(0);
  const key = qcodes.join(' ');
  useEffect(() => {
    let live = true;
    const missing = key.split(' ').filter((q) => q && !known.has(q) && !asked.has(q));
    for (const qcode of missing) {
      asked.add(qcode);
      call('tagging.topics', { query: qcode, limit: 1 }).then(
        (found) => {
          if (found[0]) rememberTopic(found[0]);
          if (live) setVersion((v) => v + 1);
        },
        () => asked.delete(qcode)
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return known;
}
