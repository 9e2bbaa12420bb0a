/**
 * Libraries as older Copydesk versions wrote them, made with plain SQL (today's services write
 * today's columns): for migration tests.
 */
import type { DatabaseSync } from 'node:sqlite';
import { deflateRawSync } from 'node:zlib';
import { bodyFromParagraphs, countWords, parseBody, plainText } from '../../src/shared/body.ts';
import { foldForSearch } from '../../src/shared/search-text.ts';

export interface OldStory {
  readonly id: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
  readonly keywords?: readonly string[];
  readonly deleted?: boolean;
  /** Also keep one revision (a snapshot in the old story shape). */
  readonly revision?: boolean;
  readonly status?: 'draft' | 'approved';
  readonly approval?: { approver: string; approvedAt: string; contentHash: string };
}

/** Writes a story into a library at schema version 3, 4 or 5 (their `stories` columns are the same set). */
export function writeOldStory(db: DatabaseSync, s: OldStory, at = '2026-11-20T09:00:00.000Z'): void {
  const body = bodyFromParagraphs(s.paragraphs);
  const text = plainText(parseBody(body));
  const keywords = s.keywords ?? [];
  const story = {
    id: s.id,
    headline: s.headline,
    body,
    plainText: text,
    wordCount: countWords(`${s.headline}\n${text}`),
    keywords,
    status: s.status ?? 'draft',
    revision: 2,
    author: 'Old Reporter',
    createdAt: at,
    updatedAt: at,
    approval: s.approval ?? null,
    voidedApproval: null,
    reviewNote: null,
  };
  db.prepare(
    `INSERT INTO stories (id, headline, body, plain_text, word_count, keywords, status, revision, author, created_at, updated_at,
       approval, voided_approval, review_note, deleted_at, deleted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`
  ).run(
    story.id, story.headline, story.body, story.plainText, story.wordCount, JSON.stringify(keywords), story.status, story.revision,
    story.author, at, at, story.approval ? JSON.stringify(story.approval) : null, s.deleted ? at : null, s.deleted ? 'Old Reporter' : null
  );
  for (const k of keywords) db.prepare('INSERT INTO story_keywords (story_id, keyword) VALUES (?, ?)').run(s.id, k);
  if (!s.deleted) {
    db.prepare('INSERT INTO story_search (rowid, headline, body, keywords) SELECT rowid, ?, ?, ? FROM stories WHERE id = ?').run(
      foldForSearch(story.headline), foldForSearch(text), foldForSearch(keywords.join(' ')), s.id
    );
  }
  if (s.revision) {
    db.prepare(
      `INSERT INTO revisions (story_id, story_revision, at, author, device, reason, content_hash, status, headline, word_count, snapshot)
       VALUES (?, 2, ?, 'Old Reporter', 'old-laptop', 'manual', ?, ?, ?, ?, ?)`
    ).run(s.id, at, 'ab'.repeat(32), story.status, story.headline, story.wordCount, deflateRawSync(Buffer.from(JSON.stringify(story))));
  }
}
