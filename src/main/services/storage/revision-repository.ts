/** Revisions: full story snapshots, deflate-compressed (a story's JSON shrinks 3–5×). */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { statementCache } from './statements.ts';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { emptyContent } from '../../../shared/story-fields.ts';
import type { Revision, RevisionReason, RevisionSummary, Story, StoryStatus } from '../../../shared/story.ts';

interface RevisionRow {
  id: number;
  story_id: string;
  story_revision: number;
  at: string;
  author: string;
  device: string;
  reason: RevisionReason;
  content_hash: string;
  status: StoryStatus;
  headline: string;
  word_count: number;
  snapshot?: Uint8Array;
}

const SUMMARY = 'id, story_id, story_revision, at, author, device, reason, content_hash, status, headline, word_count';

export interface NewRevision {
  readonly story: Story;
  readonly at: string;
  readonly author: string;
  readonly device: string;
  readonly reason: RevisionReason;
  readonly contentHash: string;
}

export class RevisionRepository {
  private readonly sql: (text: string) => StatementSync;

  constructor(db: DatabaseSync) {
    this.sql = statementCache(db);
  }

  add(r: NewRevision): RevisionSummary {
    const snapshot = deflateRawSync(Buffer.from(JSON.stringify(r.story), 'utf8'));
    const result = this.sql(
      `INSERT INTO revisions (story_id, story_revision, at, author, device, reason, content_hash, status, headline, word_count, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(r.story.id, r.story.revision, r.at, r.author, r.device, r.reason, r.contentHash, r.story.status, r.story.headline, r.story.wordCount, snapshot);
    return this.summary(Number(result.lastInsertRowid))!;
  }

  summary(id: number): RevisionSummary | null {
    const row = this.sql(`SELECT ${SUMMARY} FROM revisions WHERE id = ?`).get(id) as RevisionRow | undefined;
    return row ? toSummary(row) : null;
  }

  get(id: number): Revision | null {
    const row = this.sql('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!row) return null;
    // A snapshot taken before a field existed reads that field as empty.
    const story = { ...emptyContent(), ...(JSON.parse(inflateRawSync(row.snapshot!).toString('utf8')) as Story) };
    return { ...toSummary(row), story };
  }

  /** Newest first. */
  list(storyId: string): RevisionSummary[] {
    return (this.sql(`SELECT ${SUMMARY} FROM revisions WHERE story_id = ? ORDER BY id DESC`).all(storyId) as unknown as RevisionRow[]).map(
      toSummary
    );
  }

  latest(storyId: string): RevisionSummary | null {
    const row = this.sql(`SELECT ${SUMMARY} FROM revisions WHERE story_id = ? ORDER BY id DESC LIMIT 1`).get(storyId) as
      | RevisionRow
      | undefined;
    return row ? toSummary(row) : null;
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM revisions').get() as { n: number }).n;
  }
}

function toSummary(r: RevisionRow): RevisionSummary {
  return {
    id: r.id,
    storyId: r.story_id,
    storyRevision: r.story_revision,
    at: r.at,
    author: r.author,
    device: r.device,
    reason: r.reason,
    status: r.status,
    headline: r.headline,
    wordCount: r.word_count,
    contentHash: r.content_hash,
  };
}
