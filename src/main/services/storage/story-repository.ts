/** Rows ⇄ story records. SQL lives here and nowhere else; the story service holds the rules. */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Story, StoryEvent, StoryEventKind, StoryStatus, StorySummary } from '../../../shared/story.ts';

interface StoryRow {
  id: string;
  headline: string;
  body: string;
  plain_text: string;
  word_count: number;
  keywords: string;
  status: StoryStatus;
  revision: number;
  author: string;
  created_at: string;
  updated_at: string;
  approval: string | null;
  voided_approval: string | null;
  review_note: string | null;
}

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

export interface StoryListFilter {
  readonly keyword?: string;
  readonly status?: StoryStatus;
}

export type NewStoryEvent = Omit<StoryEvent, 'id'>;

const SUMMARY_COLUMNS = 'id, headline, status, keywords, author, updated_at, word_count, revision';

export class StoryRepository {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  get(id: string): Story | null {
    const row = this.sql('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
    return row ? toStory(row) : null;
  }

  insert(story: Story): void {
    this.sql(
      `INSERT INTO stories (id, headline, body, plain_text, word_count, keywords, status, revision, author,
         created_at, updated_at, approval, voided_approval, review_note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(...storyValues(story));
    this.replaceKeywords(story.id, story.keywords);
  }

  /** Writes `story` only if the stored revision is still `expectedRevision`; returns whether it did. */
  update(story: Story, expectedRevision: number): boolean {
    const [id, ...rest] = storyValues(story);
    const result = this.sql(
      `UPDATE stories SET headline = ?, body = ?, plain_text = ?, word_count = ?, keywords = ?, status = ?,
         revision = ?, author = ?, created_at = ?, updated_at = ?, approval = ?, voided_approval = ?, review_note = ?
       WHERE id = ? AND revision = ?`
    ).run(...rest, id, expectedRevision);
    if (result.changes === 0) return false;
    this.replaceKeywords(story.id, story.keywords);
    return true;
  }

  delete(id: string): boolean {
    return this.sql('DELETE FROM stories WHERE id = ?').run(id).changes > 0;
  }

  list(filter: StoryListFilter = {}): StorySummary[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.keyword) {
      where.push('id IN (SELECT story_id FROM story_keywords WHERE keyword = ?)');
      params.push(filter.keyword);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM stories ${clause} ORDER BY updated_at DESC, id DESC`).all(
      ...params
    ) as unknown as StoryRow[];
    return rows.map(toSummary);
  }

  keywords(): { keyword: string; count: number }[] {
    return this.sql(
      `SELECT keyword, COUNT(*) AS count FROM story_keywords GROUP BY keyword COLLATE NOCASE
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

  private replaceKeywords(storyId: string, keywords: readonly string[]): void {
    this.sql('DELETE FROM story_keywords WHERE story_id = ?').run(storyId);
    const insert = this.sql('INSERT OR IGNORE INTO story_keywords (story_id, keyword) VALUES (?, ?)');
    for (const keyword of keywords) insert.run(storyId, keyword);
  }
}

function storyValues(s: Story) {
  return [
    s.id,
    s.headline,
    s.body,
    s.plainText,
    s.wordCount,
    JSON.stringify(s.keywords),
    s.status,
    s.revision,
    s.author,
    s.createdAt,
    s.updatedAt,
    s.approval ? JSON.stringify(s.approval) : null,
    s.voidedApproval ? JSON.stringify(s.voidedApproval) : null,
    s.reviewNote ? JSON.stringify(s.reviewNote) : null,
  ] as const;
}

function toStory(row: StoryRow): Story {
  return {
    id: row.id,
    headline: row.headline,
    body: row.body,
    plainText: row.plain_text,
    wordCount: row.word_count,
    keywords: JSON.parse(row.keywords) as string[],
    status: row.status,
    revision: row.revision,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approval: row.approval ? JSON.parse(row.approval) : null,
    voidedApproval: row.voided_approval ? JSON.parse(row.voided_approval) : null,
    reviewNote: row.review_note ? JSON.parse(row.review_note) : null,
  };
}

function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    keywords: JSON.parse(row.keywords) as string[],
    author: row.author,
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    revision: row.revision,
  };
}
