/** What every part of the story service shares: the database, repositories, the clock, the log. */
import type { Story } from '../../../shared/story.ts';
import type { Database } from '../storage/database.ts';
import { RevisionRepository } from '../storage/revision-repository.ts';
import { StoryRepository } from '../storage/story-repository.ts';
import { AppError } from '../../../shared/errors.ts';
import { EventLog } from './event-log.ts';

export interface StoryServiceDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** The name of this machine, recorded on every revision. */
  readonly device?: string;
  /** Told after each save's transaction committed (the idle checkpoint listens). */
  readonly afterSave?: () => void;
  /** Told after any change to stories committed (the `library.changed` feed listens). */
  readonly afterChange?: () => void;
  /** The language of a text ('' when unsure); stories whose language nobody chose get it on save. */
  readonly detectLanguage?: (text: string) => string;
  /** A Media Topic and every topic below it, for "filter by subject". */
  readonly narrowerTopics?: (qcode: string) => readonly string[];
}

export interface StoryContext {
  readonly db: Database;
  readonly repo: StoryRepository;
  readonly revisions: RevisionRepository;
  readonly log: EventLog;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly device: string;
  readonly deps: StoryServiceDeps;
  /** The live story, or a plain-words `not_found`. */
  require(id: string): Story;
}

export function storyContext(deps: StoryServiceDeps, newId: () => string): StoryContext {
  const repo = new StoryRepository(deps.db);
  return {
    db: deps.db,
    repo,
    revisions: new RevisionRepository(deps.db),
    log: new EventLog(repo),
    now: deps.now ?? (() => new Date()),
    newId,
    device: deps.device ?? 'this computer',
    deps,
    require(id) {
      const story = repo.get(id);
      if (story) return story;
      if (repo.getTrashed(id)) throw new AppError('not_found', 'That story is in the trash. Restore it to work on it again.');
      throw new AppError('not_found', 'That story no longer exists. It may have been deleted.');
    },
  };
}
