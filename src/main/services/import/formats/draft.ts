/**
 * What every format does last: check each field it found with the field's own schema (from the
 * field table), keep the valid ones, and say in plain words why any other was left out. A file
 * never brings in a value the editor could not have saved.
 */
import { hasForbiddenCharacters } from '../../../../shared/news-item.ts';
import { STORY_FIELDS, type FieldName, type StoryContentPatch } from '../../../../shared/story-fields.ts';
import type { ImportedDraft } from '../types.ts';

export type FoundFields = { [K in FieldName]?: unknown };

export function draftFrom(found: FoundFields, notes: readonly string[] = []): ImportedDraft {
  const content: Record<string, unknown> = {};
  const recognised: FieldName[] = [];
  const allNotes = [...notes];
  for (const name of Object.keys(found) as FieldName[]) {
    const value = found[name];
    if (value === undefined) continue;
    const result = STORY_FIELDS[name].schema.safeParse(value);
    if (!result.success) {
      allNotes.push(`${STORY_FIELDS[name].label} was left out: ${result.error.issues[0]?.message ?? 'it is not valid.'}`);
      continue;
    }
    content[name] = result.data;
    // Whether the language was stated rather than detected is bookkeeping, not something to check.
    if (name !== 'languageSetByPerson') recognised.push(name);
  }
  if (Object.values(found).some((v) => typeof v === 'string' && hasForbiddenCharacters(v))) {
    allNotes.push('Control characters that no export format can carry were removed.');
  }
  return { content: content as StoryContentPatch, recognised, notes: allNotes };
}
