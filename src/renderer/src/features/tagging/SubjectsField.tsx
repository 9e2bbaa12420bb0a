/**
 * The story's subjects: removable chips (the label; the qcode and the path in the title) and a
 * Media Topic picker that adds one, never twice.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Subject, TopicChoice } from '../../../../shared/tagging.ts';
import { useLatest } from '../../lib/index.ts';
import { CloseIcon, FieldError } from '../../ui/index.ts';
import { TopicCombobox } from './TopicCombobox.tsx';
import { breadcrumb, subjectOf, useKnownTopics } from './useTopics.ts';

export interface SubjectsFieldProps {
  readonly subjects: readonly Subject[];
  readonly onChange: (subjects: readonly Subject[]) => void;
  readonly onBlur?: () => void;
}

export function SubjectsField({ subjects, onChange, onBlur }: SubjectsFieldProps) {
  const labelId = useId();
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const chosen = useMemo(() => new Set(subjects.map((s) => s.qcode)), [subjects]);
  const topics = useKnownTopics(subjects.map((s) => s.qcode));
  // The latest list when an async pick lands (the person may have removed a chip meanwhile).
  const latest = useLatest(subjects);

  const add = (choice: TopicChoice) => {
    subjectOf(choice).then(
      (subject) => {
        if (latest.current.some((s) => s.qcode === subject.qcode)) return;
        setError(null);
        onChange([...latest.current, subject]);
      },
      (e: unknown) => setError(`Couldn't add ${choice.label}: ${e instanceof Error ? e.message : String(e)}`)
    );
  };

  const remove = (qcode: string) => {
    onChange(subjects.filter((s) => s.qcode !== qcode));
    inputRef.current?.focus();
  };

  return (
    <div className="cd-tagging__field">
      <span id={labelId} className="cd-tagging__label">
        Subjects
      </span>
      <div className="cd-tagging__box">
        {subjects.length > 0 ? (
          <ul className="cd-tagging__chips" aria-labelledby={labelId}>
            {subjects.map((subject) => {
              const topic = topics.get(subject.qcode);
              const title = topic ? `${subject.qcode} · ${breadcrumb(topic)}` : subject.qcode;
              return (
                <li key={subject.qcode} className="cd-chip cd-chip--subject" title={title}>
                  <span>{subject.label}</span>
                  <button
                    type="button"
                    className="cd-chip__remove"
                    aria-label={`Remove subject ${subject.label}`}
                    title={`Remove ${subject.label}`}
                    onClick={() => remove(subject.qcode)}
                  >
                    <CloseIcon />
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <TopicCombobox
          label="Add subject"
          placeholder={subjects.length ? 'Add subject…' : 'Add subjects (IPTC Media Topics)'}
          exclude={chosen}
          onPick={add}
          inputRef={inputRef}
          onBlur={onBlur}
        />
      </div>
      <FieldError message={error} />
    </div>
  );
}
