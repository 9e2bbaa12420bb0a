/**
 * The story's classification: language (detected, or chosen by a person), genre, urgency with its
 * IPTC meaning, and desk. Native selects: arrow keys, type-ahead and screen readers for free.
 */
import { useId, useState } from 'react';
import { URGENCY_MEANINGS, genreQcodeSchema, languageLabel } from '../../../../shared/news-item.ts';
import { FieldError } from '../../ui/index.ts';
import { check } from './check.ts';

/** Languages offered for a choice by hand (any detected one is added). */
const COMMON_LANGUAGES = ['en', 'he', 'ar', 'fr', 'de', 'es', 'it', 'pt', 'ru', 'uk', 'tr', 'fa', 'nl', 'pl', 'zh', 'ja'];

export interface LanguageFieldProps {
  /** The language the story carries now (detected or chosen). */
  readonly language: string;
  readonly chosen: boolean;
  readonly onChoose: (choice: { language: string; languageSetByPerson: boolean }) => void;
  readonly onLeave: () => void;
}

export function LanguageField({ language, chosen, onChoose, onLeave }: LanguageFieldProps) {
  const id = useId();
  const options = language && !COMMON_LANGUAGES.includes(language) ? [language, ...COMMON_LANGUAGES] : COMMON_LANGUAGES;
  return (
    <div className="cd-meta__field">
      <div className="cd-meta__label-row">
        <label htmlFor={id} className="cd-meta__label">
          Language
        </label>
        <span className="cd-meta__tag" aria-label="Language source">
          {language ? (chosen ? 'chosen' : 'detected') : 'not detected yet'}
        </span>
      </div>
      <select
        id={id}
        className="cd-select"
        value={chosen ? language : ''}
        onChange={(e) => onChoose(e.target.value ? { language: e.target.value, languageSetByPerson: true } : { language: '', languageSetByPerson: false })}
        onBlur={onLeave}
      >
        <option value="">{language && !chosen ? `Auto: ${languageLabel(language)}` : 'Detect from the text'}</option>
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {languageLabel(tag)} ({tag})
          </option>
        ))}
      </select>
    </div>
  );
}

export interface GenreFieldProps {
  readonly initial: string | null;
  /** The IPTC genres, once the tagging feature lists them; until then a checked text field. */
  readonly genres?: readonly { readonly qcode: string; readonly label: string }[];
  readonly onValid: (genre: string | null) => void;
  readonly onLeave: () => void;
}

export function GenreField({ initial, genres, onValid, onLeave }: GenreFieldProps) {
  const [raw, setRaw] = useState(initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const change = (next: string) => {
    setRaw(next);
    const checked = check(genreQcodeSchema.nullable(), next.trim() === '' ? null : next.trim());
    setError(checked.ok ? null : checked.message);
    if (checked.ok) onValid(checked.value);
  };
  return (
    <div className="cd-meta__field">
      <label htmlFor={id} className="cd-meta__label">
        Genre
      </label>
      {genres ? (
        <select id={id} className="cd-select" value={raw} onChange={(e) => change(e.target.value)} onBlur={onLeave}>
          <option value="">No genre</option>
          {genres.map((g) => (
            <option key={g.qcode} value={g.qcode}>
              {g.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="cd-input cd-meta__input"
          placeholder="genre:Interview"
          autoComplete="off"
          spellCheck={false}
          value={raw}
          aria-invalid={error ? true : undefined}
          onChange={(e) => change(e.target.value)}
          onBlur={onLeave}
        />
      )}
      <FieldError message={error} />
    </div>
  );
}

export interface UrgencyFieldProps {
  readonly initial: number | null;
  readonly onValid: (urgency: number | null) => void;
  readonly onLeave: () => void;
}

export function UrgencyField({ initial, onValid, onLeave }: UrgencyFieldProps) {
  const [value, setValue] = useState(initial === null ? '' : String(initial));
  const id = useId();
  return (
    <div className="cd-meta__field">
      <label htmlFor={id} className="cd-meta__label">
        Urgency
      </label>
      <select
        id={id}
        className="cd-select"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onValid(e.target.value ? Number(e.target.value) : null);
        }}
        onBlur={onLeave}
      >
        <option value="">Not set</option>
        {Object.entries(URGENCY_MEANINGS).map(([n, meaning]) => (
          <option key={n} value={n}>
            {n} — {meaning}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface DeskFieldProps {
  readonly initial: string;
  readonly desks: readonly string[];
  readonly onValid: (desk: string) => void;
  readonly onLeave: () => void;
}

export function DeskField({ initial, desks, onValid, onLeave }: DeskFieldProps) {
  const [value, setValue] = useState(initial);
  const id = useId();
  const options = value && !desks.includes(value) ? [value, ...desks] : desks;
  return (
    <div className="cd-meta__field">
      <label htmlFor={id} className="cd-meta__label">
        Desk
      </label>
      <select
        id={id}
        className="cd-select"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onValid(e.target.value);
        }}
        onBlur={onLeave}
      >
        <option value="">No desk</option>
        {options.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </div>
  );
}
