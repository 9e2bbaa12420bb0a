/**
 * Suggested subjects (with a score bar and the words that led to them), names and keywords for
 * the open story. Each is a button: one click or Enter accepts it, and it leaves the list (so does
 * anything already on the story). Nothing is applied without the person.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ENTITY_KIND_LABELS, type Entity, type EntitySuggestion, type Subject, type SubjectSuggestion } from '../../../../shared/tagging.ts';
import { sameEntity } from './entities.ts';
import { useSuggestions } from './useSuggestions.ts';

export interface SuggestionsPanelProps {
  readonly storyId: string;
  readonly flush: () => Promise<boolean>;
  readonly subjects: readonly Subject[];
  readonly entities: readonly Entity[];
  readonly keywords: readonly string[];
  readonly onAcceptSubject: (subject: SubjectSuggestion) => void;
  readonly onAcceptEntity: (entity: EntitySuggestion) => void;
  readonly onAcceptKeyword: (keyword: string) => void;
}

type Group = 'subjects' | 'entities' | 'keywords';

/** The best few subjects: beyond these the scores say little, and the list would push the text far down. */
export const SUBJECTS_SHOWN = 6;

export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { suggestions, loading, error, ask } = useSuggestions(props.storyId, props.flush);
  const titleId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  /** After accepting with the keyboard, focus moves to the item that took its place. */
  const [refocus, setRefocus] = useState<{ group: Group; index: number } | null>(null);

  const taken = new Set(props.subjects.map((s) => s.qcode));
  const keywordsTaken = new Set(props.keywords.map((k) => k.toLocaleLowerCase()));
  const subjects = (suggestions?.subjects.filter((s) => !taken.has(s.qcode)) ?? []).slice(0, SUBJECTS_SHOWN);
  const entities = suggestions?.entities.filter((e) => !props.entities.some((x) => sameEntity(x, e))) ?? [];
  const keywords = suggestions?.keywords.filter((k) => !keywordsTaken.has(k.toLocaleLowerCase())) ?? [];
  const best = Math.max(...subjects.map((s) => s.score), Number.EPSILON);

  useEffect(() => {
    if (!refocus) return;
    const buttons = rootRef.current?.querySelectorAll<HTMLButtonElement>(`[data-group="${refocus.group}"] button`);
    const next = buttons && buttons.length > 0 ? buttons[Math.min(refocus.index, buttons.length - 1)] : askRef.current;
    next?.focus();
    setRefocus(null);
  }, [refocus]);

  const accept = (group: Group, index: number, apply: () => void) => {
    const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
    apply();
    if (hadFocus) setRefocus({ group, index });
  };

  return (
    <section ref={rootRef} className="cd-suggest" aria-labelledby={titleId}>
      <div className="cd-suggest__head">
        <h2 id={titleId} className="cd-tagging__label">
          Suggestions
        </h2>
        <button ref={askRef} type="button" className="cd-button cd-button--small" disabled={loading} onClick={() => void ask()}>
          {loading ? 'Suggesting…' : suggestions ? 'Refresh suggestions' : 'Suggest tags'}
        </button>
      </div>
      {error ? (
        <p className="cd-tagging__error" role="alert">
          {error}
        </p>
      ) : null}
      {suggestions === null && !error ? (
        <p className="cd-suggest__hint">Subjects, names and keywords from the text, made on this computer. Nothing is added until you choose it.</p>
      ) : null}
      {suggestions ? (
        <div className="cd-suggest__groups" aria-busy={loading}>
          <div className="cd-suggest__group" data-group="subjects">
            <h3 className="cd-suggest__title">Subjects</h3>
            {subjects.length === 0 ? <p className="cd-suggest__none">No more subjects to suggest.</p> : null}
            <ul className="cd-suggest__list" aria-label="Suggested subjects">
              {subjects.map((s, index) => (
                <li key={s.qcode}>
                  <button
                    type="button"
                    className="cd-suggest__item cd-suggest__item--subject"
                    aria-label={`Add subject ${s.label}`}
                    title={`${s.qcode} · score ${s.score.toFixed(2)}`}
                    onClick={() => accept('subjects', index, () => props.onAcceptSubject(s))}
                  >
                    <span className="cd-suggest__name">{s.label}</span>
                    <span className="cd-suggest__bar" aria-hidden="true">
                      <span style={{ inlineSize: `${Math.round(Math.min(1, s.score / best) * 100)}%` }} />
                    </span>
                    {s.why.length > 0 ? (
                      <span className="cd-suggest__why" dir="auto">
                        from {s.why.slice(0, 5).join(', ')}
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="cd-suggest__group" data-group="entities">
            <h3 className="cd-suggest__title">People, organisations, places</h3>
            {entities.length === 0 ? <p className="cd-suggest__none">No more names to suggest.</p> : null}
            <ul className="cd-suggest__list cd-suggest__list--inline" aria-label="Suggested names">
              {entities.map((e, index) => (
                <li key={`${e.kind}:${e.name}`}>
                  <button
                    type="button"
                    className={`cd-suggest__item cd-suggest__item--chip cd-chip--${e.kind}`}
                    aria-label={`Add ${ENTITY_KIND_LABELS[e.kind].toLocaleLowerCase()} ${e.name}`}
                    title={[ENTITY_KIND_LABELS[e.kind], e.id, e.why.length ? `from ${e.why.join(', ')}` : ''].filter(Boolean).join(' · ')}
                    onClick={() => accept('entities', index, () => props.onAcceptEntity(e))}
                  >
                    <span className="cd-suggest__kind">{ENTITY_KIND_LABELS[e.kind]}</span>
                    <span dir="auto">{e.name}</span>
                    {e.id ? <span className="cd-chip__code">{e.id}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="cd-suggest__group" data-group="keywords">
            <h3 className="cd-suggest__title">Keywords</h3>
            {keywords.length === 0 ? <p className="cd-suggest__none">No more keywords to suggest.</p> : null}
            <ul className="cd-suggest__list cd-suggest__list--inline" aria-label="Suggested keywords">
              {keywords.map((k, index) => (
                <li key={k}>
                  <button
                    type="button"
                    className="cd-suggest__item cd-suggest__item--chip"
                    aria-label={`Add keyword ${k}`}
                    onClick={() => accept('keywords', index, () => props.onAcceptKeyword(k))}
                  >
                    <span dir="auto">{k}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
