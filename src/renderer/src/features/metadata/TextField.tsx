/**
 * A one-line or multi-line metadata field: what is typed stays as typed; each change is checked
 * with the field's shared schema (and the house rule, if any) and only a valid value goes to the
 * save. An invalid one shows its reason under the field.
 */
import { useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { FieldError } from '../../ui/index.ts';
import { check } from './check.ts';

export interface TextFieldProps<S extends z.ZodType> {
  readonly label: string;
  readonly schema: S;
  readonly initial: string;
  readonly onValid: (value: z.output<S>) => void;
  readonly onLeave: () => void;
  readonly multiline?: boolean;
  /** Turns the typed text into the schema's input ('' → null for an optional number…). */
  readonly toInput?: (raw: string) => unknown;
  /** A newsroom rule on top of the schema (a length limit): the reason, or null. */
  readonly houseRule?: (value: z.output<S>) => string | null;
  /** Shown at the end of the label row (a live count). */
  readonly aside?: ReactNode;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
  readonly inputMode?: 'numeric' | 'text';
  readonly className?: string;
  readonly spellCheck?: boolean;
  readonly onRaw?: (raw: string) => void;
}

export function TextField<S extends z.ZodType>(props: TextFieldProps<S>) {
  const [raw, setRaw] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const change = (next: string) => {
    setRaw(next);
    props.onRaw?.(next);
    const checked = check(props.schema, props.toInput ? props.toInput(next) : next);
    const reason = checked.ok ? (props.houseRule?.(checked.value) ?? null) : checked.message;
    setError(reason);
    if (checked.ok && reason === null) props.onValid(checked.value);
  };

  const describedBy = [error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: props.multiline ? 'cd-input cd-input--multiline cd-meta__input' : 'cd-input cd-meta__input',
    value: raw,
    dir: 'auto' as const,
    placeholder: props.placeholder,
    spellCheck: props.spellCheck ?? false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: props.onLeave,
  };
  return (
    <div className={props.className ? `cd-meta__field ${props.className}` : 'cd-meta__field'}>
      <div className="cd-meta__label-row">
        <label htmlFor={id} className="cd-meta__label">
          {props.label}
        </label>
        {props.aside}
      </div>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={props.inputMode} autoComplete="off" onChange={(e) => change(e.target.value)} />
      )}
      {props.hint ? (
        <p id={hintId} className="cd-meta__hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** "12 / 30": a live count against a limit, marked when over. */
export function Count({ value, limit, label }: { value: number; limit: number; label: string }) {
  const over = value > limit;
  return (
    <span className={over ? 'cd-meta__count cd-meta__count--over' : 'cd-meta__count'} aria-label={`${label}: ${value} of ${limit} characters`}>
      {value} / {limit}
    </span>
  );
}
