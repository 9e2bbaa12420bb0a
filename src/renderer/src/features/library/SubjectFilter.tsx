/**
 * Filter the list by one Media Topic (stories tagged with it or any narrower topic): the tagging
 * feature's topic picker, and once a topic is chosen, a chip that clears it.
 */
import { breadcrumb, TopicCombobox, useKnownTopics } from '../tagging/index.ts';
import { CloseIcon } from '../../ui/index.ts';

export interface SubjectFilterProps {
  /** The chosen topic's qcode. */
  readonly value: string | null;
  readonly onChange: (qcode: string | null) => void;
}

export function SubjectFilter({ value, onChange }: SubjectFilterProps) {
  const topics = useKnownTopics(value ? [value] : []);
  const topic = value ? topics.get(value) : undefined;
  const label = topic?.label ?? value ?? '';
  return (
    <div className="cd-filter cd-subject-filter">
      <span className="cd-filter__label">Subject</span>
      {value ? (
        <span className="cd-chip cd-subject-filter__chip" title={topic ? `${value} · ${breadcrumb(topic)} (and narrower topics)` : value}>
          <span>{label}</span>
          <button
            type="button"
            className="cd-chip__remove"
            aria-label={`Clear subject filter ${label}`}
            title="Show every subject"
            onClick={() => onChange(null)}
          >
            <CloseIcon />
          </button>
        </span>
      ) : (
        <TopicCombobox label="Filter by subject" placeholder="Any subject" onPick={(choice) => onChange(choice.qcode)} />
      )}
    </div>
  );
}
