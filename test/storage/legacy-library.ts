/**
 * A library as Copydesk wrote it at schema versions 2 to 4, for the migration tests: today's
 * repository writes today's format (a compressed body since migration 5), so the old format is
 * written here with the SQL those versions used — body as Lexical JSON text, and a search index
 * that keeps its own copy of the folded text.
 */
import type { DatabaseSync } from 'node:sqlite';
import { bodyFromParagraphs, countWords, parseBody, plainText } from '../../src/shared/body.ts';
import { foldForSearch } from '../../src/shared/search-text.ts';
import type { Story } from '../../src/shared/story.ts';
import { RevisionRepository } from '../../src/main/services/storage/revision-repository.ts';

export interface LegacyStoryInput {
  readonly id: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
  readonly keywords?: readonly string[];
  /** In the trash since this time (not in the search index, as the old code kept it). */
  readonly deletedAt?: string;
  /** Also keep one revision of it. */
  readonly revision?: boolean;
  readonly status?: 'draft' | 'approved';
  readonly approval?: { approver: string; approvedAt: string; contentHash: string };
}

/** The story as those versions knew it: no news-item fields. */
type LegacyStory = Pick<Story, 'id' | 'headline' | 'body' | 'plainText' | 'wordCount' | 'keywords' | 'status' | 'revision' | 'author' | 'createdAt' | 'updatedAt' | 'approval' | 'voidedApproval' | 'reviewNote'>;

export function writeLegacyStory(db: DatabaseSync, input: LegacyStoryInput): LegacyStory {
  const body = bodyFromParagraphs(input.paragraphs);
  const text = plainText(parseBody(body));
  const at = '2026-01-01T09:00:00.000Z';
  const story: LegacyStory = {
    id: input.id,
    headline: input.headline,
    body,
    plainText: text,
    wordCount: countWords(`${input.headline}\n${text}`),
    keywords: [...(input.keywords ?? [])],
    status: input.status ?? 'draft',
    revision: 2,
    author: 'R',
    createdAt: at,
    updatedAt: at,
    approval: input.approval ?? null,
    voidedApproval: null,
    reviewNote: null,
  };
  db.prepare(
    `INSERT INTO stories (id, headline, body, plain_text, word_count, keywords, status, revision, author, created_at, updated_at, approval, deleted_at, deleted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    story.id,
    story.headline,
    story.body,
    story.plainText,
    story.wordCount,
    JSON.stringify(story.keywords),
    story.status,
    story.revision,
    story.author,
    story.createdAt,
    story.updatedAt,
    story.approval ? JSON.stringify(story.approval) : null,
    input.deletedAt ?? null,
    input.deletedAt ? 'R' : null
  );
  const insertKeyword = db.prepare('INSERT OR IGNORE INTO story_keywords (story_id, keyword) VALUES (?, ?)');
  for (const keyword of story.keywords) insertKeyword.run(story.id, keyword);
  if (!input.deletedAt) {
    db.prepare('INSERT INTO story_search (rowid, headline, body, keywords) VALUES ((SELECT rowid FROM stories WHERE id = ?), ?, ?, ?)').run(
      story.id,
      foldForSearch(story.headline),
      foldForSearch(story.plainText),
      foldForSearch(story.keywords.join(' '))
    );
  }
  if (input.revision) {
    new RevisionRepository(db).add({ story: story as Story, at, author: 'R', device: 'old laptop', reason: 'manual', contentHash: 'legacy' });
  }
  return story;
}
