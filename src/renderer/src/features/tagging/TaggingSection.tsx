/**
 * The story's tags beyond keywords: subjects (IPTC Media Topics), people, organisations and
 * places, and the suggestions made from the text. Changes go to the story's autosave through the
 * `on…Change` callbacks, like every other field.
 */
import { keywordSchema, MAX_KEYWORDS } from '../../../../shared/story.ts';
import type { Entity, EntitySuggestion, Subject, SubjectSuggestion } from '../../../../shared/tagging.ts';
import { errorMessage, useLatest } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { EntitiesField } from './EntitiesField.tsx';
import { withEntity } from './entities.ts';
import { SubjectsField } from './SubjectsField.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { subjectOf } from './useTopics.ts';

export interface TaggingSectionProps {
  readonly storyId: string;
  readonly subjects: readonly Subject[];
  readonly entities: readonly Entity[];
  readonly keywords: readonly string[];
  readonly onSubjectsChange: (subjects: readonly Subject[]) => void;
  readonly onEntitiesChange: (entities: readonly Entity[]) => void;
  readonly onKeywordsChange: (keywords: string[]) => void;
  /** Save the latest edits now; resolves to whether everything is saved. */
  readonly flush: () => Promise<boolean>;
  readonly onLeaveField: () => void;
  readonly notify: Notify;
}

export function TaggingSection(props: TaggingSectionProps) {
  const latest = useLatest(props);

  const acceptSubject = (suggestion: SubjectSuggestion) => {
    subjectOf(suggestion).then(
      (subject) => {
        const { subjects, onSubjectsChange } = latest.current;
        if (!subjects.some((s) => s.qcode === subject.qcode)) onSubjectsChange([...subjects, subject]);
      },
      (e: unknown) => props.notify({ kind: 'error', key: 'tagging-subject', message: `Couldn't add ${suggestion.label}: ${errorMessage(e)}` })
    );
  };

  const acceptEntity = (suggestion: EntitySuggestion) => {
    const entity: Entity = suggestion.id ? { kind: suggestion.kind, name: suggestion.name, id: suggestion.id } : { kind: suggestion.kind, name: suggestion.name };
    const { list, error } = withEntity(props.entities, entity);
    if (error) props.notify({ kind: 'error', key: 'tagging-entity', message: `Couldn't add ${suggestion.name}: ${error}` });
    else if (list !== props.entities) props.onEntitiesChange(list);
  };

  const acceptKeyword = (raw: string) => {
    const parsed = keywordSchema.safeParse(raw);
    if (!parsed.success) {
      props.notify({ kind: 'error', key: 'tagging-keyword', message: parsed.error.issues[0]?.message ?? 'That keyword cannot be used.' });
      return;
    }
    if (props.keywords.some((k) => k.toLocaleLowerCase() === parsed.data.toLocaleLowerCase())) return;
    if (props.keywords.length >= MAX_KEYWORDS) {
      props.notify({ kind: 'error', key: 'tagging-keyword', message: `A story has at most ${MAX_KEYWORDS} keywords.` });
      return;
    }
    props.onKeywordsChange([...props.keywords, parsed.data]);
  };

  return (
    <div className="cd-tagging">
      <SubjectsField subjects={props.subjects} onChange={props.onSubjectsChange} onBlur={props.onLeaveField} />
      <EntitiesField entities={props.entities} onChange={props.onEntitiesChange} onBlur={props.onLeaveField} />
      <SuggestionsPanel
        storyId={props.storyId}
        flush={props.flush}
        subjects={props.subjects}
        entities={props.entities}
        keywords={props.keywords}
        onAcceptSubject={acceptSubject}
        onAcceptEntity={acceptEntity}
        onAcceptKeyword={acceptKeyword}
      />
    </div>
  );
}
