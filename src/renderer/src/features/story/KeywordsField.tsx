/**
 * The story's keywords: chips with remove buttons and a combobox that adds on Enter or comma,
 * suggesting keywords already used in the newsroom (ArrowDown/ArrowUp to pick, Escape to close).
 */
import { useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MAX_KEYWORDS, keywordSchema } from '../../../../shared/story.ts';
import { CloseIcon, FieldError } from '../../ui/index.ts';

export interface KeywordsFieldProps {
  readonly keywords: readonly string[];
  readonly suggestions: readonly string[];
  readonly onChange: (keywords: string[]) => void;
  readonly onBlur?: () => void;
}

const MAX_SUGGESTIONS = 8;

export function KeywordsField({ keywords, suggestions, onChange, onBlur }: KeywordsFieldProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const errorId = useId();
  const labelId = useId();

  const matches = useMemo(() => {
    const query = text.trim().toLocaleLowerCase();
    if (!query) return [];
    const taken = new Set(keywords.map((k) => k.toLocaleLowerCase()));
    const candidates = suggestions.filter((s) => !taken.has(s.toLocaleLowerCase()));
    const starts = candidates.filter((s) => s.toLocaleLowerCase().startsWith(query));
    const contains = candidates.filter((s) => !s.toLocaleLowerCase().startsWith(query) && s.toLocaleLowerCase().includes(query));
    return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  }, [text, keywords, suggestions]);
  const expanded = open && matches.length > 0;

  /** Add one or more keywords (pasted text may hold several, comma-separated). */
  const add = (raw: readonly string[]): boolean => {
    const next = [...keywords];
    for (const candidate of raw) {
      if (!candidate.trim()) continue;
      const parsed = keywordSchema.safeParse(candidate);
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? 'That keyword cannot be used.');
        return false;
      }
      const keyword = parsed.data;
      if (next.some((k) => k.toLocaleLowerCase() === keyword.toLocaleLowerCase())) continue;
      if (next.length >= MAX_KEYWORDS) {
        setError(`A story has at most ${MAX_KEYWORDS} keywords.`);
        return false;
      }
      next.push(keyword);
    }
    setError(null);
    if (next.length !== keywords.length) onChange(next);
    return true;
  };

  const commit = (value: string) => {
    if (add([value])) {
      setText('');
      setActive(-1);
      setOpen(false);
    }
  };

  const remove = (keyword: string) => {
    onChange(keywords.filter((k) => k !== keyword));
    setError(null);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (expanded && active >= 0) commit(matches[active]);
      else if (text.trim()) commit(text);
    } else if (event.key === ',' || event.key === ';') {
      event.preventDefault();
      if (text.trim()) commit(text);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (!/[,;\n]/.test(pasted)) return;
    event.preventDefault();
    const parts = (text + pasted).split(/[,;\n]+/);
    if (add(parts)) setText('');
  };

  return (
    <div className="cd-keywords">
      <span id={labelId} className="cd-keywords__label">
        Keywords
      </span>
      <div className="cd-keywords__box" onClick={(event) => event.target === event.currentTarget && inputRef.current?.focus()}>
        {keywords.length > 0 ? (
          <ul className="cd-keywords__chips" aria-labelledby={labelId}>
            {keywords.map((keyword) => (
              <li key={keyword} className="cd-chip">
                <span dir="auto">{keyword}</span>
                <button
                  type="button"
                  className="cd-chip__remove"
                  aria-label={`Remove keyword ${keyword}`}
                  title={`Remove ${keyword}`}
                  onClick={() => remove(keyword)}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="cd-keywords__entry">
          <input
            ref={inputRef}
            className="cd-keywords__input"
            type="text"
            role="combobox"
            aria-label="Add keyword"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder={keywords.length ? 'Add keyword…' : 'Add keywords (Enter or comma)'}
            autoComplete="off"
            spellCheck={false}
            dir="auto"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
              setError(null);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
              // A keyword typed but not yet added is added when leaving the field.
              if (text.trim() && add([text])) setText('');
              onBlur?.();
            }}
          />
          <ul id={listId} role="listbox" aria-label="Keyword suggestions" className="cd-suggestions" hidden={!expanded}>
            {matches.map((match, index) => (
              <li
                key={match}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'cd-suggestions__option cd-suggestions__option--active' : 'cd-suggestions__option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => commit(match)}
                dir="auto"
              >
                {match}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
