/**
 * A Media Topic picker: an ARIA combobox over a listbox of topics from main, searched by label
 * and definition, each with its path as a breadcrumb. ArrowDown/ArrowUp move, Enter picks,
 * Escape closes; retired topics never come from main. Used for a story's subjects and for the
 * library's subject filter.
 */
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { TopicChoice } from '../../../../shared/tagging.ts';
import { useTopicSearch } from './useTopics.ts';

export interface TopicComboboxProps {
  /** The input's accessible name, e.g. "Add subject". */
  readonly label: string;
  readonly placeholder: string;
  /** Topics not to offer (already chosen). */
  readonly exclude?: ReadonlySet<string>;
  readonly onPick: (choice: TopicChoice) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly onBlur?: () => void;
}

export function TopicCombobox({ label, placeholder, exclude, onPick, inputRef, onBlur }: TopicComboboxProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const { choices, error } = useTopicSearch(text, open);
  const matches = exclude ? choices.filter((c) => !exclude.has(c.qcode)) : choices;
  const expanded = open && matches.length > 0;

  const pick = (choice: TopicChoice) => {
    onPick(choice);
    setText('');
    setActive(-1);
    setOpen(false);
  };

  const move = (step: 1 | -1) => {
    const count = matches.length;
    if (count === 0) return;
    setActive((i) => (i < 0 ? (step === 1 ? 0 : count - 1) : (i + step + count) % count));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      if (expanded && active >= 0 && matches[active]) {
        event.preventDefault();
        pick(matches[active]);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="cd-topic-picker">
      <input
        ref={inputRef}
        className="cd-tagging__input"
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        maxLength={200}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(event.target.value.trim() !== '');
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: Media Topics`} className="cd-topic-picker__list" hidden={!expanded}>
        {matches.map((choice, index) => (
          <li
            key={choice.qcode}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'cd-topic-option cd-topic-option--active' : 'cd-topic-option'}
            title={choice.qcode}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(choice)}
          >
            {choice.path.length > 0 ? (
              <span className="cd-topic-option__path">
                {choice.path.join(' › ')}
                <span aria-hidden="true"> ›</span>
              </span>
            ) : null}
            <span className="cd-topic-option__label">{choice.label}</span>
            {choice.definition ? <span className="cd-topic-option__definition">{choice.definition}</span> : null}
          </li>
        ))}
      </ul>
      {open && error ? (
        <p className="cd-tagging__error" role="alert">
          Couldn't search the topics: {error}
        </p>
      ) : null}
    </div>
  );
}
