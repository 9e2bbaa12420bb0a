/** Reading: one story, the list (filters, search), keywords, history and revisions. */
import { AppError } from '../../../shared/errors.ts';
import type { Revision, RevisionSummary, Story, StoryEvent, StoryListRow } from '../../../shared/story.ts';
import { transaction } from '../storage/database.ts';
import type { StoryListFilter } from '../storage/story-repository.ts';
import type { StoryContext } from './context.ts';

export function createReadModel(ctx: StoryContext) {
  const { repo, revisions, db } = ctx;
  /** A subject filter finds the topic and every narrower one ("sport" finds "football"). */
  const withTopics = (filter: StoryListFilter): StoryListFilter =>
    filter.subject && ctx.deps.narrowerTopics ? { ...filter, subjects: [...ctx.deps.narrowerTopics(filter.subject)] } : filter;

  return {
    get(id: string): Story {
      return ctx.require(id);
    },

    list(filter: StoryListFilter = {}): StoryListRow[] {
      if (filter.query?.trim() && repo.hasPendingSearchUpdates()) transaction(db, () => repo.refreshSearchIndex());
      return repo.list(withTopics(filter), ctx.now());
    },

    /** The list's size without a limit; call right after `list` (the index is fresh then). */
    count(filter: StoryListFilter = {}): number {
      return repo.count(withTopics(filter), ctx.now());
    },

    keywords() {
      return repo.keywords();
    },

    events(id: string): StoryEvent[] {
      ctx.require(id);
      return repo.events(id);
    },

    revisions(id: string): RevisionSummary[] {
      if (!repo.exists(id)) throw new AppError('not_found', 'That story no longer exists.');
      return revisions.list(id);
    },

    revision(revisionId: number): Revision {
      const revision = revisions.get(revisionId);
      if (!revision) throw new AppError('not_found', 'That revision does not exist.');
      return revision;
    },

    counts(): { stories: number; trash: number; revisions: number } {
      return { ...repo.counts(), revisions: revisions.count() };
    },
  };
}
