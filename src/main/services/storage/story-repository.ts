/** Rows ⇄ story records. SQL lives here and nowhere else; the story service holds the rules. */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { statementCache } from './statements.ts';
import { INSERT_STORY, LIST_FIELDS, SUMMARY_COLUMNS, UPDATE_STORY, fromRow, insertValues, readLists, toSummary, updateValues, writeLists, type StoryRow } from './story-rows.ts';
import type { FieldName } from '../../../shared/story-fields.ts';
import { SEARCH_PAGE_SIZE } from '../../../shared/contract.ts';
import { ftsMatchExpression, foldForSearch, isEmptyQuery, makeSnippet, parseQuery } from '../../../shared/search-text.ts';
import type {
  LibraryQuery,
  LibrarySort,
  Story,
  StoryEvent,
  StoryEventKind,
  StoryListRow,
  StoryStatus,
    TrashedStory,
} from '../../../shared/story.ts';

interface EventRow {
  id: number;
  story_id: string;
  at: string;
  actor: string;
  kind: StoryEventKind;
  from_status: StoryStatus | null;
  to_status: StoryStatus | null;
  revision: number;
  detail: string | null;
}

/** The list's filters; `subjects` is a subject filter resolved to the topic and its narrower ones. */
export type StoryListFilter = LibraryQuery & { readonly subjects?: readonly string[] };

const ORDER_BY: Readonly<Record<LibrarySort, string>> = {
  updated: 's.updated_at DESC, s.id DESC',
  created: 's.created_at DESC, s.id DESC',
  headline: "CASE WHEN s.headline = '' THEN 1 ELSE 0 END, s.headline COLLATE NOCASE, s.id",
  status: "CASE s.status WHEN 'in_review' THEN 0 WHEN 'returned' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END, s.updated_at DESC",
};
// bm25 weights: a hit in the headline counts most, then keywords, then the body.
const RANK = 'bm25(story_search, 10.0, 1.0, 5.0)';

export type NewStoryEvent = Omit<StoryEvent, 'id'>;


export class StoryRepository {
  private readonly sql: (text: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.sql = statementCache(db);
  }

  /** A live story (not in the trash), or null. */
  get(id: string): Story | null {
    const row = this.sql('SELECT * FROM stories WHERE id = ? AND deleted_at IS NULL').get(id) as StoryRow | undefined;
    return row ? this.toStory(row) : null;
  }

  /** A story in the trash, or null. */
  getTrashed(id: string): Story | null {
    const row = this.sql('SELECT * FROM stories WHERE id = ? AND deleted_at IS NOT NULL').get(id) as StoryRow | undefined;
    return row ? this.toStory(row) : null;
  }

  exists(id: string): boolean {
    return this.sql('SELECT 1 FROM stories WHERE id = ?').get(id) !== undefined;
  }

  insert(story: Story): void {
    this.sql(INSERT_STORY).run(...insertValues(story));
    this.replaceKeywords(story.id, story.keywords);
    writeLists(this.sql, story);
    this.index(story);
  }

  /**
   * Writes `story` only if the stored revision is still `expectedRevision`; returns whether it did.
   * `changed` names the fields that changed (all by default): list tables are rewritten only for
   * those. The search index is updated later (`refreshSearchIndex`), not on every autosave.
   */
  update(story: Story, expectedRevision: number, changed: readonly FieldName[] = ['keywords', ...LIST_FIELDS]): boolean {
    const result = this.sql(UPDATE_STORY).run(...updateValues(story, expectedRevision));
    if (result.changes === 0) return false;
    if (changed.includes('keywords')) this.replaceKeywords(story.id, story.keywords);
    const lists = LIST_FIELDS.filter((f) => changed.includes(f));
    if (lists.length > 0) writeLists(this.sql, story, lists);
    this.sql('INSERT OR IGNORE INTO story_search_pending (story_rowid) SELECT rowid FROM stories WHERE id = ?').run(story.id);
    return true;
  }

  /** Move to the trash: the row stays (with its revisions) until it is purged. */
  trash(id: string, at: string, by: string): boolean {
    const changed = this.sql('UPDATE stories SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(at, by, id).changes > 0;
    if (changed) this.unindex(id);
    return changed;
  }

  untrash(id: string): Story | null {
    const changed = this.sql('UPDATE stories SET deleted_at = NULL, deleted_by = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes > 0;
    if (!changed) return null;
    const story = this.get(id)!;
    this.index(story);
    return story;
  }

  /** Remove for good (revisions and keywords go with it by cascade; the event log stays). */
  purge(id: string): boolean {
    this.unindex(id);
    return this.sql('DELETE FROM stories WHERE id = ?').run(id).changes > 0;
  }

  listTrash(): TrashedStory[] {
    const rows = this.sql(
      `SELECT ${SUMMARY_COLUMNS}, s.deleted_at, s.deleted_by FROM stories s WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC`
    ).all() as unknown as StoryRow[];
    return rows.map((r) => ({ ...toSummary(r), deletedAt: r.deleted_at as string, deletedBy: (r.deleted_by as string | null) ?? '' }));
  }

  /** Ids of stories in the trash since before `cutoff` (ISO time). */
  trashedBefore(cutoff: string): string[] {
    return (this.sql('SELECT id FROM stories WHERE deleted_at IS NOT NULL AND deleted_at < ?').all(cutoff) as { id: string }[]).map((r) => r.id);
  }

  counts(): { stories: number; trash: number } {
    return this.sql(
      'SELECT COUNT(*) FILTER (WHERE deleted_at IS NULL) AS stories, COUNT(*) FILTER (WHERE deleted_at IS NOT NULL) AS trash FROM stories'
    ).get() as { stories: number; trash: number };
  }

  /**
   * The story list: filters combine; with a search `query` the rows are ranked by relevance (unless
   * another sort is asked for) and carry a snippet around the hits.
   */
  list(filter: StoryListFilter = {}, now = new Date()): StoryListRow[] {
    const { where, params } = conditions(filter, now);
    const limit = filter.limit ?? 10_000;
    const query = parseQuery(filter.query ?? '');
    if (isEmptyQuery(query)) {
      const order = ORDER_BY[filter.sort ?? 'updated'];
      const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(
        ...params,
        limit
      ) as unknown as StoryRow[];
      return rows.map((r) => ({ ...toSummary(r), snippet: null }));
    }
    const match = ftsMatchExpression(query);
    const searchLimit = filter.limit ?? SEARCH_PAGE_SIZE;
    let rows: StoryRow[];
    if (where.length === 1 && !filter.sort) {
      // Rank inside the index first and read only the page's rows: a common word matches
      // thousands of stories, and their large rows need not be read to be ranked.
      rows = this.sql(
        `SELECT ${SUMMARY_COLUMNS}, s.plain_text FROM
           (SELECT rowid, ${RANK} AS rank FROM story_search WHERE story_search MATCH ? ORDER BY rank LIMIT ?) hit
           JOIN stories s ON s.rowid = hit.rowid
         WHERE s.deleted_at IS NULL
         ORDER BY hit.rank, s.updated_at DESC`
      ).all(match, searchLimit) as unknown as StoryRow[];
    } else {
      const order = filter.sort ? ORDER_BY[filter.sort] : `${RANK}, s.updated_at DESC`;
      rows = this.sql(
        `SELECT ${SUMMARY_COLUMNS}, s.plain_text FROM story_search
           JOIN stories s ON s.rowid = story_search.rowid
         WHERE story_search MATCH ? AND ${where.join(' AND ')}
         ORDER BY ${order} LIMIT ?`
      ).all(match, ...params, searchLimit) as unknown as StoryRow[];
    }
    return rows.map((r) => ({ ...toSummary(r), snippet: makeSnippet(r.plain_text as string, query) }));
  }

  /** How many stories the list would hold without a limit (for "showing 200 of 1,234"). */
  count(filter: StoryListFilter = {}, now = new Date()): number {
    const { where, params } = conditions(filter, now);
    const query = parseQuery(filter.query ?? '');
    const unfiltered = where.length === 1;
    let row: unknown;
    if (isEmptyQuery(query) && unfiltered) {
      // Both counts come from indexes: the large story rows are never read.
      row = this.sql(
        `SELECT (SELECT COUNT(*) FROM stories) - (SELECT COUNT(*) FROM stories WHERE deleted_at IS NOT NULL) AS n`
      ).get();
    } else if (isEmptyQuery(query)) {
      row = this.sql(`SELECT COUNT(*) AS n FROM stories s WHERE ${where.join(' AND ')}`).get(...params);
    } else if (unfiltered) {
      // Stories in the trash are not in the search index.
      row = this.sql('SELECT COUNT(*) AS n FROM story_search WHERE story_search MATCH ?').get(ftsMatchExpression(query));
    } else {
      row = this.sql(
        `SELECT COUNT(*) AS n FROM story_search JOIN stories s ON s.rowid = story_search.rowid
         WHERE story_search MATCH ? AND ${where.join(' AND ')}`
      ).get(ftsMatchExpression(query), ...params);
    }
    return (row as { n: number }).n;
  }

  keywords(): { keyword: string; count: number }[] {
    return this.sql(
      `SELECT keyword, COUNT(*) AS count FROM story_keywords
       WHERE story_id IN (SELECT id FROM stories WHERE deleted_at IS NULL)
       GROUP BY keyword COLLATE NOCASE
       ORDER BY count DESC, keyword COLLATE NOCASE`
    ).all() as unknown as { keyword: string; count: number }[];
  }

  appendEvent(event: NewStoryEvent): void {
    this.sql(
      `INSERT INTO story_events (story_id, at, actor, kind, from_status, to_status, revision, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(event.storyId, event.at, event.actor, event.kind, event.fromStatus, event.toStatus, event.revision, event.detail);
  }

  events(storyId: string): StoryEvent[] {
    const rows = this.sql('SELECT * FROM story_events WHERE story_id = ? ORDER BY id').all(storyId) as unknown as EventRow[];
    return rows.map((r) => ({
      id: r.id,
      storyId: r.story_id,
      at: r.at,
      actor: r.actor,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      revision: r.revision,
      detail: r.detail,
    }));
  }

  /** Bring the search index up to date for stories saved since the last search. */
  refreshSearchIndex(): number {
    const pending = this.sql('SELECT story_rowid FROM story_search_pending').all() as { story_rowid: number }[];
    if (pending.length === 0) return 0;
    // Only what the index holds: the body itself need not be inflated.
    const read = this.sql('SELECT id, headline, plain_text, keywords FROM stories WHERE rowid = ? AND deleted_at IS NULL');
    for (const { story_rowid } of pending) {
      const row = read.get(story_rowid) as { id: string; headline: string; plain_text: string; keywords: string } | undefined;
      if (row) this.index({ id: row.id, headline: row.headline, plainText: row.plain_text, keywords: JSON.parse(row.keywords) as string[] });
    }
    this.sql('DELETE FROM story_search_pending').run();
    return pending.length;
  }

  hasPendingSearchUpdates(): boolean {
    return this.sql('SELECT 1 FROM story_search_pending LIMIT 1').get() !== undefined;
  }

  private toStory(row: StoryRow): Story {
    return { ...fromRow(row), ...readLists(this.sql, row.id as string) } as unknown as Story;
  }

  private index(story: Pick<Story, 'id' | 'headline' | 'plainText' | 'keywords'>): void {
    this.unindex(story.id);
    this.sql(
      'INSERT INTO story_search (rowid, headline, body, keywords) VALUES ((SELECT rowid FROM stories WHERE id = ?), ?, ?, ?)'
    ).run(story.id, foldForSearch(story.headline), foldForSearch(story.plainText), foldForSearch(story.keywords.join(' ')));
  }

  private unindex(id: string): void {
    this.sql('DELETE FROM story_search WHERE rowid = (SELECT rowid FROM stories WHERE id = ?)').run(id);
    this.sql('DELETE FROM story_search_pending WHERE story_rowid = (SELECT rowid FROM stories WHERE id = ?)').run(id);
  }

  private replaceKeywords(storyId: string, keywords: readonly string[]): void {
    this.sql('DELETE FROM story_keywords WHERE story_id = ?').run(storyId);
    const insert = this.sql('INSERT OR IGNORE INTO story_keywords (story_id, keyword) VALUES (?, ?)');
    for (const keyword of keywords) insert.run(storyId, keyword);
  }
}

/** The WHERE clause of the list's filters (everything but the search query), which combine. */
function conditions(filter: StoryListFilter, now: Date): { where: string[]; params: (string | number)[] } {
  const where = ['s.deleted_at IS NULL'];
  const params: (string | number)[] = [];
  const subjects = filter.subjects ?? (filter.subject ? [filter.subject] : []);
  if (subjects.length > 0) {
    where.push(`s.id IN (SELECT story_id FROM story_subjects WHERE qcode IN (${subjects.map(() => '?').join(', ')}))`);
    params.push(...subjects);
  }
  if (filter.language) {
    // "en" finds en-GB and en-US too.
    where.push("(s.language = ? OR s.language LIKE ? || '-%')");
    params.push(filter.language, filter.language);
  }
  if (filter.desk) {
    where.push('s.desk = ?');
    params.push(filter.desk);
  }
  if (filter.embargoed) {
    where.push('s.embargo IS NOT NULL AND s.embargo_at > ?');
    params.push(now.toISOString());
  }
  if (filter.keyword) {
    where.push('s.id IN (SELECT story_id FROM story_keywords WHERE keyword = ?)');
    params.push(filter.keyword);
  }
  if (filter.status) {
    where.push('s.status = ?');
    params.push(filter.status);
  }
  if (filter.author) {
    where.push('s.author = ? COLLATE NOCASE');
    params.push(filter.author);
  }
  if (filter.from) {
    where.push('s.updated_at >= ?');
    params.push(`${filter.from}T00:00:00.000Z`);
  }
  if (filter.to) {
    where.push('s.updated_at <= ?');
    params.push(`${filter.to}T23:59:59.999Z`);
  }
  return { where, params };
}

