/** Entities on a story: one per kind and name (ignoring case), grouped by kind for the chips. */
import { ENTITY_KINDS, entitySchema, type Entity, type EntityKind } from '../../../../shared/tagging.ts';

export const sameEntity = (a: Pick<Entity, 'kind' | 'name'>, b: Pick<Entity, 'kind' | 'name'>) =>
  a.kind === b.kind && a.name.toLocaleLowerCase() === b.name.toLocaleLowerCase();

/** The list with `entity` added at the end, or the reason it cannot be (unchanged list). */
export function withEntity(list: readonly Entity[], candidate: Entity): { list: readonly Entity[]; error: string | null } {
  const parsed = entitySchema.safeParse(candidate);
  if (!parsed.success) return { list, error: parsed.error.issues[0]?.message ?? 'That name cannot be used.' };
  if (list.some((e) => sameEntity(e, parsed.data))) return { list, error: null };
  return { list: [...list, parsed.data], error: null };
}

export function byKind(list: readonly Entity[]): ReadonlyArray<readonly [EntityKind, readonly Entity[]]> {
  return ENTITY_KINDS.map((kind) => [kind, list.filter((e) => e.kind === kind)] as const).filter(([, items]) => items.length > 0);
}

export const KIND_GROUP_LABELS: Readonly<Record<EntityKind, string>> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
};
