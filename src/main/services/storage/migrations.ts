/**
 * Schema migrations, numbered from 1. Never edit a released migration: add the next one.
 * Each runs inside a transaction that also bumps `PRAGMA user_version` (see database.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import { foldForSearch } from '../../../shared/search-text.ts';
import { packBody } from './body-storage.ts';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (db: DatabaseSync) => void;
  /**
   * Rebuilds a table others refer to: foreign keys are switched off around the transaction (they
   * cannot be inside one) and checked with `foreign_key_check` before it commits.
   */
  readonly rebuildsTables?: boolean;
  /** Frees much of the file: once every migration has committed, VACUUM gives the space back. */
  readonly compactsAfter?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stories, keywords and the per-story event log',
    up(db) {
      db.exec(`
        CREATE TABLE stories (
          id              TEXT PRIMARY KEY,
          headline        TEXT NOT NULL,
          body            TEXT NOT NULL,
          plain_text      TEXT NOT NULL,
          word_count      INTEGER NOT NULL,
          keywords        TEXT NOT NULL,            -- JSON array, in the order the reporter gave
          status          TEXT NOT NULL CHECK (status IN ('draft','in_review','returned','approved')),
          revision        INTEGER NOT NULL CHECK (revision >= 1),
          author          TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          updated_at      TEXT NOT NULL,
          approval        TEXT,                     -- JSON {approver, approvedAt, contentHash}
          voided_approval TEXT,                     -- JSON, the last approval voided by an edit
          review_note     TEXT                      -- JSON {by, at, note}
        ) STRICT;
        CREATE INDEX stories_updated ON stories(updated_at DESC);

        CREATE TABLE story_keywords (
          story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          keyword  TEXT NOT NULL COLLATE NOCASE,
          PRIMARY KEY (story_id, keyword)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX story_keywords_keyword ON story_keywords(keyword);

        -- Append-only. Kept after a story is deleted (a future sync needs the tombstones).
        CREATE TABLE story_events (
          id          INTEGER PRIMARY KEY,
          story_id    TEXT NOT NULL,
          at          TEXT NOT NULL,
          actor       TEXT NOT NULL,
          kind        TEXT NOT NULL,
          from_status TEXT,
          to_status   TEXT,
          revision    INTEGER NOT NULL,
          detail      TEXT
        ) STRICT;
        CREATE INDEX story_events_story ON story_events(story_id, id);
      `);
    },
  },
  {
    version: 2,
    description: 'revisions, trash and full-text search',
    up(db) {
      db.exec(`
        ALTER TABLE stories ADD COLUMN deleted_at TEXT;
        ALTER TABLE stories ADD COLUMN deleted_by TEXT;
        CREATE INDEX stories_deleted ON stories(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX stories_created ON stories(created_at DESC);

        -- Full copies of a story at meaningful points. The snapshot is deflate-compressed JSON.
        CREATE TABLE revisions (
          id             INTEGER PRIMARY KEY,
          story_id       TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          story_revision INTEGER NOT NULL,
          at             TEXT NOT NULL,
          author         TEXT NOT NULL,
          device         TEXT NOT NULL,
          reason         TEXT NOT NULL,
          content_hash   TEXT NOT NULL,
          status         TEXT NOT NULL,
          headline       TEXT NOT NULL,
          word_count     INTEGER NOT NULL,
          snapshot       BLOB NOT NULL
        ) STRICT;
        CREATE INDEX revisions_story ON revisions(story_id, id);

        -- Search index over folded text (see shared/search-text.ts); rowid = stories.rowid.
        CREATE VIRTUAL TABLE story_search USING fts5(
          headline, body, keywords, tokenize = 'unicode61 remove_diacritics 2'
        );
      `);
      const insert = db.prepare('INSERT INTO story_search (rowid, headline, body, keywords) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT rowid, headline, plain_text, keywords FROM stories').all() as {
        rowid: number;
        headline: string;
        plain_text: string;
        keywords: string;
      }[];
      for (const row of rows) {
        insert.run(row.rowid, foldForSearch(row.headline), foldForSearch(row.plain_text), foldForSearch((JSON.parse(row.keywords) as string[]).join(' ')));
      }
    },
  },
  {
    version: 3,
    description: 'search index updates deferred from autosave',
    up(db) {
      // Stories whose search index entry is out of date. Autosave only marks the story here (cheap);
      // the index is brought up to date before any search, so a search never sees stale text.
      db.exec('CREATE TABLE story_search_pending (story_rowid INTEGER PRIMARY KEY) STRICT');
    },
  },
  {
    version: 4,
    description: 'stories rebuilt: small columns first, a stable rowid, an index for status',
    rebuildsTables: true,
    up(db) {
      // Filters and counts read `status`, `deleted_at`, `author`… of many rows: kept before the large
      // text columns, they are read without touching each story's overflow pages. `seq` makes the
      // rowid explicit, so VACUUM (and VACUUM INTO backups) can never renumber it under the index.
      db.exec(`
        CREATE TABLE stories_v4 (
          seq             INTEGER PRIMARY KEY,
          id              TEXT NOT NULL UNIQUE,
          status          TEXT NOT NULL CHECK (status IN ('draft','in_review','returned','approved')),
          deleted_at      TEXT,
          deleted_by      TEXT,
          updated_at      TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          author          TEXT NOT NULL,
          revision        INTEGER NOT NULL CHECK (revision >= 1),
          word_count      INTEGER NOT NULL,
          headline        TEXT NOT NULL,
          keywords        TEXT NOT NULL,
          approval        TEXT,
          voided_approval TEXT,
          review_note     TEXT,
          plain_text      TEXT NOT NULL,
          body            TEXT NOT NULL
        ) STRICT;
        INSERT INTO stories_v4 (seq, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, body)
          SELECT rowid, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, body FROM stories;
        DROP TABLE stories;
        ALTER TABLE stories_v4 RENAME TO stories;
        CREATE INDEX stories_updated ON stories(updated_at DESC);
        CREATE INDEX stories_created ON stories(created_at DESC);
        CREATE INDEX stories_deleted ON stories(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX stories_status ON stories(status, updated_at DESC);
        CREATE INDEX stories_author ON stories(author COLLATE NOCASE);
      `);
      // A library restored from a copy made by VACUUM may have had its rowids renumbered: index afresh.
      db.exec('DELETE FROM story_search');
      db.exec('DELETE FROM story_search_pending');
      const insert = db.prepare('INSERT INTO story_search (rowid, headline, body, keywords) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT seq, headline, plain_text, keywords FROM stories WHERE deleted_at IS NULL').all() as {
        seq: number;
        headline: string;
        plain_text: string;
        keywords: string;
      }[];
      for (const row of rows) {
        insert.run(row.seq, foldForSearch(row.headline), foldForSearch(row.plain_text), foldForSearch((JSON.parse(row.keywords) as string[]).join(' ')));
      }
    },
  },
  {
    version: 5,
    description: 'a library half the size: compressed bodies, a search index without its own copy of the text',
    rebuildsTables: true,
    compactsAfter: true,
    up(db) {
      // At 100,000 stories the library was 4× the same stories as Markdown files: each story's
      // Lexical JSON (the largest part), its plain text, and the search index's own folded copy of
      // that text. Now the body is deflate-compressed (body-storage.ts) and the index is contentless:
      // it keeps only what it needs to find and rank (snippets come from `plain_text`), and
      // `contentless_delete` lets a story's entry be removed by rowid (trash, purge, re-indexing).
      db.function('copydesk_pack_body', { deterministic: true }, (body) => packBody(String(body)));
      db.exec(`
        CREATE TABLE stories_v5 (
          seq             INTEGER PRIMARY KEY,
          id              TEXT NOT NULL UNIQUE,
          status          TEXT NOT NULL CHECK (status IN ('draft','in_review','returned','approved')),
          deleted_at      TEXT,
          deleted_by      TEXT,
          updated_at      TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          author          TEXT NOT NULL,
          revision        INTEGER NOT NULL CHECK (revision >= 1),
          word_count      INTEGER NOT NULL,
          headline        TEXT NOT NULL,
          keywords        TEXT NOT NULL,
          approval        TEXT,
          voided_approval TEXT,
          review_note     TEXT,
          plain_text      TEXT NOT NULL,
          body            BLOB NOT NULL          -- Lexical JSON, raw deflate (body-storage.ts)
        ) STRICT;
        INSERT INTO stories_v5 (seq, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, body)
          SELECT seq, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, copydesk_pack_body(body)
          FROM stories ORDER BY seq;
        DROP TABLE stories;
        ALTER TABLE stories_v5 RENAME TO stories;
        CREATE INDEX stories_updated ON stories(updated_at DESC);
        CREATE INDEX stories_created ON stories(created_at DESC);
        CREATE INDEX stories_deleted ON stories(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX stories_status ON stories(status, updated_at DESC);
        CREATE INDEX stories_author ON stories(author COLLATE NOCASE);

        DROP TABLE story_search;
        CREATE VIRTUAL TABLE story_search USING fts5(
          headline, body, keywords, content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2'
        );
        DELETE FROM story_search_pending;
      `);
      const insert = db.prepare('INSERT INTO story_search (rowid, headline, body, keywords) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT seq, headline, plain_text, keywords FROM stories WHERE deleted_at IS NULL').iterate() as Iterable<{
        seq: number;
        headline: string;
        plain_text: string;
        keywords: string;
      }>;
      for (const row of rows) {
        insert.run(row.seq, foldForSearch(row.headline), foldForSearch(row.plain_text), foldForSearch((JSON.parse(row.keywords) as string[]).join(' ')));
      }
    },
  },
  {
    version: 6,
    description: 'the news item: metadata columns, and bylines, subjects, entities and pictures in tables of their own',
    rebuildsTables: true,
    up(db) {
      // Rebuilt rather than altered: ALTER TABLE would put the new small columns after the large
      // text ones, and filters on them would read every story's overflow pages.
      db.exec(`
        CREATE TABLE stories_v6 (
          seq                    INTEGER PRIMARY KEY,
          id                     TEXT NOT NULL UNIQUE,
          status                 TEXT NOT NULL CHECK (status IN ('draft','in_review','returned','approved')),
          deleted_at             TEXT,
          deleted_by             TEXT,
          updated_at             TEXT NOT NULL,
          created_at             TEXT NOT NULL,
          author                 TEXT NOT NULL,
          revision               INTEGER NOT NULL CHECK (revision >= 1),
          word_count             INTEGER NOT NULL,
          language               TEXT NOT NULL DEFAULT '',
          language_set_by_person INTEGER NOT NULL DEFAULT 0,
          urgency                INTEGER CHECK (urgency BETWEEN 1 AND 9),
          genre                  TEXT,
          desk                   TEXT NOT NULL DEFAULT '',
          target_words           INTEGER,
          embargo                TEXT,             -- JSON {at, timeZone}
          embargo_at             TEXT GENERATED ALWAYS AS (embargo ->> '$.at') VIRTUAL,
          slugline               TEXT NOT NULL DEFAULT '',
          headline               TEXT NOT NULL,
          keywords               TEXT NOT NULL,
          dateline               TEXT,             -- JSON {place: {name, countryCode}, date, agency}
          located                TEXT,             -- JSON {name, countryCode}
          credit_line            TEXT NOT NULL DEFAULT '',
          copyright_holder       TEXT NOT NULL DEFAULT '',
          copyright_notice       TEXT NOT NULL DEFAULT '',
          usage_terms            TEXT NOT NULL DEFAULT '',
          approval               TEXT,
          voided_approval        TEXT,
          review_note            TEXT,
          summary                TEXT NOT NULL DEFAULT '',
          editorial_note         TEXT NOT NULL DEFAULT '',
          plain_text             TEXT NOT NULL,
          body                   BLOB NOT NULL     -- Lexical JSON, raw deflate (body-storage.ts)
        ) STRICT;
        INSERT INTO stories_v6 (seq, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, body)
          SELECT seq, id, status, deleted_at, deleted_by, updated_at, created_at, author, revision,
            word_count, headline, keywords, approval, voided_approval, review_note, plain_text, body FROM stories;
        DROP TABLE stories;
        ALTER TABLE stories_v6 RENAME TO stories;
        CREATE INDEX stories_updated ON stories(updated_at DESC);
        CREATE INDEX stories_created ON stories(created_at DESC);
        CREATE INDEX stories_deleted ON stories(deleted_at) WHERE deleted_at IS NOT NULL;
        CREATE INDEX stories_status ON stories(status, updated_at DESC);
        CREATE INDEX stories_author ON stories(author COLLATE NOCASE);
        CREATE INDEX stories_language ON stories(language);
        CREATE INDEX stories_desk ON stories(desk) WHERE desk <> '';
        CREATE INDEX stories_embargo ON stories(embargo_at) WHERE embargo IS NOT NULL;

        CREATE TABLE story_bylines (
          story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          position    INTEGER NOT NULL,
          name        TEXT NOT NULL,
          role        TEXT NOT NULL,
          affiliation TEXT,
          PRIMARY KEY (story_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE story_subjects (
          story_id           TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          position           INTEGER NOT NULL,
          qcode              TEXT NOT NULL,
          label              TEXT NOT NULL,
          vocabulary_version TEXT NOT NULL,
          PRIMARY KEY (story_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX story_subjects_qcode ON story_subjects(qcode);
        CREATE TABLE story_entities (
          story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          kind     TEXT NOT NULL CHECK (kind IN ('person','organisation','place')),
          name     TEXT NOT NULL,
          ref      TEXT,
          PRIMARY KEY (story_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX story_entities_name ON story_entities(kind, name COLLATE NOCASE);
        CREATE TABLE story_pictures (
          story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
          position    INTEGER NOT NULL,
          sha256      TEXT NOT NULL,
          role        TEXT NOT NULL CHECK (role IN ('lead','inline')),
          file_name   TEXT NOT NULL,
          media_type  TEXT NOT NULL,
          width       INTEGER NOT NULL,
          height      INTEGER NOT NULL,
          bytes       INTEGER NOT NULL,
          caption     TEXT NOT NULL,
          credit      TEXT NOT NULL,
          alt_text    TEXT NOT NULL,
          usage_terms TEXT NOT NULL,
          PRIMARY KEY (story_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX story_pictures_file ON story_pictures(sha256);
      `);
    },
  },
];
