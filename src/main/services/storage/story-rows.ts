/**
 * Story ⇄ rows, derived from the field table (`shared/story-fields.ts`) and the few columns that
 * Copydesk itself keeps (id, derived text, workflow state). Nothing here names a content field:
 * a new field is one entry in the table and a migration.
 */
import type { StatementSync } from 'node:sqlite';
import { FIELD_NAMES, STORY_FIELDS, type FieldName, type FieldSpec, type FieldStorage } from '../../../shared/story-fields.ts';
import type { Story, StorySummary } from '../../../shared/story.ts';
import { packBody, unpackBody } from './body-storage.ts';

type ScalarStorage = Exclude<FieldStorage, { kind: 'rows' }>;
type RowsStorage = Extract<FieldStorage, { kind: 'rows' }>;
type Sql = (text: string) => StatementSync;
export type StoryRow = Record<string, unknown>;

/** What Copydesk keeps about a story besides its fields. */
const KEPT: Readonly<Record<Exclude<keyof Story, FieldName>, ScalarStorage>> = {
  id: { kind: 'text', column: 'id' },
  plainText: { kind: 'text', column: 'plain_text' },
  wordCount: { kind: 'integer', column: 'word_count' },
  status: { kind: 'text', column: 'status' },
  revision: { kind: 'integer', column: 'revision' },
  author: { kind: 'text', column: 'author' },
  createdAt: { kind: 'text', column: 'created_at' },
  updatedAt: { kind: 'text', column: 'updated_at' },
  approval: { kind: 'json', column: 'approval' },
  voidedApproval: { kind: 'json', column: 'voided_approval' },
  reviewNote: { kind: 'json', column: 'review_note' },
};

const SCALARS: readonly [string, ScalarStorage, boolean][] = [
  ...Object.entries(KEPT).map(([key, storage]) => [key, storage, false] as [string, ScalarStorage, boolean]),
  ...FIELD_NAMES.flatMap((name) => {
    const spec = STORY_FIELDS[name] as FieldSpec;
    return spec.storage.kind === 'rows' ? [] : [[name, spec.storage, typeof spec.empty === 'boolean'] as [string, ScalarStorage, boolean]];
  }),
];
const LISTS: readonly [FieldName, RowsStorage][] = FIELD_NAMES.flatMap((name) => {
  const storage = STORY_FIELDS[name].storage as FieldStorage;
  return storage.kind === 'rows' ? [[name, storage] as [FieldName, RowsStorage]] : [];
});
const BY_COLUMN = new Map(SCALARS.map(([key, storage, boolean]) => [storage.column, { key, storage, boolean }]));

/** Fields that live in their own tables (bylines, subjects, entities, pictures). */
export const LIST_FIELDS: readonly FieldName[] = LISTS.map(([name]) => name);

const COLUMNS = SCALARS.map(([, s]) => s.column);
export const INSERT_STORY = `INSERT INTO stories (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
/** Writes every column but the id, only if the stored revision is still the expected one. */
export const UPDATE_STORY = `UPDATE stories SET ${COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = ?`)
  .join(', ')} WHERE id = ? AND revision = ?`;

/** The columns one row of the story list needs (never the large text ones). */
const SUMMARY_KEYS = ['id', 'headline', 'slugline', 'status', 'keywords', 'author', 'updatedAt', 'wordCount', 'revision', 'language', 'urgency', 'embargo', 'desk'] as const;
export const SUMMARY_COLUMNS =
  SUMMARY_KEYS.map((k) => `s.${SCALARS.find(([key]) => key === k)![1].column}`).join(', ') +
  ", (SELECT p.sha256 FROM story_pictures p WHERE p.story_id = s.id AND p.role = 'lead') AS lead_picture";

function toColumn(storage: ScalarStorage, value: unknown): string | number | Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (storage.kind === 'json') return JSON.stringify(value);
  if (storage.kind === 'packed') return packBody(value as string);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as string | number;
}

function fromColumn(storage: ScalarStorage, raw: unknown, boolean: boolean): unknown {
  if (raw === null || raw === undefined) return null;
  if (storage.kind === 'json') return JSON.parse(raw as string);
  if (storage.kind === 'packed') return unpackBody(raw as Uint8Array);
  if (boolean) return raw === 1;
  return raw;
}

/** Values for INSERT_STORY, in column order. */
export function insertValues(story: Story): (string | number | Uint8Array | null)[] {
  return SCALARS.map(([key, storage]) => toColumn(storage, (story as Record<string, unknown>)[key]));
}

/** Values for UPDATE_STORY. */
export function updateValues(story: Story, expectedRevision: number): (string | number | Uint8Array | null)[] {
  const values = SCALARS.filter(([, s]) => s.column !== 'id').map(([key, storage]) => toColumn(storage, (story as Record<string, unknown>)[key]));
  return [...values, story.id, expectedRevision];
}

/** The scalar part of a story from its row (list fields are read by `readLists`). */
export function fromRow(row: StoryRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(row)) {
    const spec = BY_COLUMN.get(column);
    if (spec) out[spec.key] = fromColumn(spec.storage, raw, spec.boolean);
  }
  return out;
}

export function toSummary(row: StoryRow): StorySummary {
  const values = fromRow(row) as unknown as Omit<StorySummary, 'leadPicture'>;
  return { ...values, leadPicture: (row.lead_picture as string | null | undefined) ?? null };
}

/** Reads each list field of a story from its table, in order. */
export function readLists(sql: Sql, storyId: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, storage] of LISTS) {
    const rows = sql(`SELECT * FROM ${storage.table} WHERE story_id = ? ORDER BY position`).all(storyId) as StoryRow[];
    out[name] = rows.map((row) => {
      const item: Record<string, unknown> = {};
      for (const [key, column] of Object.entries(storage.columns)) {
        const value = row[column];
        if (value !== null && value !== undefined) item[key] = value;
      }
      return item;
    });
  }
  return out;
}

/** Replaces the rows of the given list fields (all of them by default). */
export function writeLists(sql: Sql, story: Story, fields: readonly FieldName[] = LIST_FIELDS): void {
  for (const [name, storage] of LISTS) {
    if (!fields.includes(name)) continue;
    sql(`DELETE FROM ${storage.table} WHERE story_id = ?`).run(story.id);
    const keys = Object.keys(storage.columns);
    const columns = keys.map((k) => storage.columns[k]!);
    const insert = sql(`INSERT INTO ${storage.table} (story_id, position, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`);
    const items = (story as Record<string, unknown>)[name] as Record<string, unknown>[];
    items.forEach((item, position) => {
      insert.run(story.id, position, ...keys.map((k) => (item[k] === undefined ? null : (item[k] as string | number))));
    });
  }
}
