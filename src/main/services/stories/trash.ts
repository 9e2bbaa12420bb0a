/** The trash: delete moves a story there; restore brings it back; purging deletes for good. */
import { AppError } from '../../../shared/errors.ts';
import type { TrashedStory } from '../../../shared/story.ts';
import { transaction } from '../storage/database.ts';
import type { StoryContext } from './context.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function createTrash(ctx: StoryContext) {
  const { repo, log, db } = ctx;

  /** Delete for good. The event log keeps a `purged` tombstone for each story. */
  function purge(ids: readonly string[], actor: string, why: string): number {
    return transaction(db, () => {
      let purged = 0;
      const at = ctx.now().toISOString();
      for (const id of ids) {
        const story = repo.getTrashed(id);
        if (!story || !repo.purge(id)) continue;
        log.tombstone(story, actor, 'purged', at, why);
        purged++;
      }
      return purged;
    });
  }

  return {
    /** Move a story to the trash. Its revisions and history stay until the trash is emptied. */
    delete(id: string, actor: string): void {
      transaction(db, () => {
        const current = ctx.require(id);
        const at = ctx.now().toISOString();
        repo.trash(id, at, actor);
        log.tombstone(current, actor, 'deleted', at, current.headline);
      });
    },

    trash(): TrashedStory[] {
      return repo.listTrash();
    },

    restoreFromTrash(id: string, actor: string) {
      return transaction(db, () => {
        const story = repo.untrash(id);
        if (!story) throw new AppError('not_found', 'That story is not in the trash.');
        log.record(story, actor, 'restored', null, null, ctx.now().toISOString());
        return story;
      });
    },

    emptyTrash(actor: string): number {
      return purge(repo.listTrash().map((t) => t.id), actor, 'Trash emptied');
    },

    /** Purge what has been in the trash longer than `days` days. */
    purgeExpired(days: number, actor = 'Copydesk'): number {
      const cutoff = new Date(ctx.now().getTime() - days * DAY_MS).toISOString();
      return purge(repo.trashedBefore(cutoff), actor, `In the trash for more than ${days} days`);
    },
  };
}
