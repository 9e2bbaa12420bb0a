/**
 * Story rules: create, save (with conflict detection and approval voiding), workflow transitions,
 * delete. Every change is appended to the story's event log in the same transaction.
 */
import { monotonicFactory } from 'ulid';
import { EMPTY_BODY, countWords, parseBody, plainText } from '../../shared/body.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../../shared/settings.ts';
import type {
  Revision,
  RevisionReason,
  RevisionSummary,
  Story,
  StoryContent,
  StoryEvent,
  StoryEventKind,
  StoryListRow,
  StoryStatus,
  TrashedStory,
} from '../../shared/story.ts';
import { checkTransition, statusAfterContentEdit, type WorkflowAction } from '../../shared/workflow.ts';
import { contentHash, type HashableContent } from './content-hash.ts';
import { transaction, type Database } from './storage/database.ts';
import { RevisionRepository } from './storage/revision-repository.ts';
import { StoryRepository, type StoryListFilter } from './storage/story-repository.ts';

export interface StoryServiceDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** The name of this machine, recorded on every revision. */
  readonly device?: string;
  /** Told after each save's transaction committed (the idle checkpoint listens). */
  readonly afterSave?: () => void;
}

/** While someone keeps editing, keep a revision at least this often. */
export const REVISION_INTERVAL_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SaveInput {
  readonly headline: string;
  readonly body: string;
  readonly keywords: readonly string[];
  readonly id: string;
  readonly baseRevision: number;
  /** An explicit save (Ctrl/Cmd+S): also keep a revision. */
  readonly checkpoint?: boolean;
}

const EVENT_FOR_ACTION: Readonly<Record<WorkflowAction, StoryEventKind>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  withdraw: 'withdrawn',
};

export type StoryService = ReturnType<typeof createStoryService>;

export function createStoryService(deps: StoryServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? monotonicFactory();
  const device = deps.device ?? 'this computer';
  const repo = new StoryRepository(db);
  const revisions = new RevisionRepository(db);

  function require(id: string): Story {
    const story = repo.get(id);
    if (story) return story;
    if (repo.getTrashed(id)) throw new AppError('not_found', 'That story is in the trash. Restore it to work on it again.');
    throw new AppError('not_found', 'That story no longer exists. It may have been deleted.');
  }

  /**
   * Keep a revision of `story`, unless the newest revision already holds exactly this state
   * (same content, status and story revision): repeated checkpoints do not multiply revisions.
   */
  function keepRevision(story: Story, reason: RevisionReason, author: string, at: string): RevisionSummary | null {
    const hash = contentHash(story);
    const latest = revisions.latest(story.id);
    if (latest && latest.contentHash === hash && latest.status === story.status && latest.storyRevision === story.revision) {
      return null;
    }
    return revisions.add({ story, at, author, device, reason, contentHash: hash });
  }

  function insertNew(author: string, headline: string): Story {
    const at = now().toISOString();
    const story: Story = {
      id: newId(),
      headline,
      body: EMPTY_BODY,
      plainText: '',
      wordCount: countWords(headline),
      keywords: [],
      status: 'draft',
      revision: 1,
      author,
      createdAt: at,
      updatedAt: at,
      approval: null,
      voidedApproval: null,
      reviewNote: null,
    };
    repo.insert(story);
    record(story, author, 'created', null);
    return story;
  }

  /** Delete for good. The event log keeps a `purged` tombstone for each story. */
  function purge(ids: readonly string[], actor: string, why: string): number {
    return transaction(db, () => {
      let purged = 0;
      const at = now().toISOString();
      for (const id of ids) {
        const story = repo.getTrashed(id);
        if (!story || !repo.purge(id)) continue;
        repo.appendEvent({ storyId: id, at, actor, kind: 'purged', fromStatus: null, toStatus: null, revision: story.revision, detail: why });
        purged++;
      }
      return purged;
    });
  }

  /** The common path of every content change: save, restore, import. */
  function applyContent(current: Story, content: HashableContent, actor: string, at: string): Story {
    const text = plainText(parseBody(content.body));
    // Only an approval depends on whether the content changed in a reader's eyes; everywhere else a
    // save is a save. Hashing (two more body parses) is kept for approved stories, off the autosave path.
    const contentChanged = current.status === 'approved' ? contentHash(current) !== contentHash(content) : true;
    const voids = contentChanged && current.status === 'approved' && current.approval !== null;
    const keywordsChanged = JSON.stringify(current.keywords) !== JSON.stringify(content.keywords);
    const next: Story = {
      ...current,
      headline: content.headline,
      body: content.body,
      keywords: [...content.keywords],
      plainText: text,
      wordCount: countWords(`${content.headline}\n${text}`),
      revision: current.revision + 1,
      updatedAt: at,
      status: contentChanged ? statusAfterContentEdit(current.status) : current.status,
      approval: voids ? null : current.approval,
      voidedApproval: voids && current.approval ? { ...current.approval, voidedAt: at, voidedBy: actor } : current.voidedApproval,
    };
    if (!repo.update(next, current.revision, keywordsChanged)) {
      throw new AppError('conflict', 'This story was changed elsewhere while saving. Your text was not saved over it.');
    }
    record(next, actor, 'edited', current.status);
    if (voids) record(next, actor, 'approval_voided', current.status, 'Content changed after approval.');
    return next;
  }

  function record(story: Story, actor: string, kind: StoryEventKind, from: StoryStatus | null, detail: string | null = null) {
    repo.appendEvent({
      storyId: story.id,
      at: story.updatedAt,
      actor,
      kind,
      fromStatus: from,
      toStatus: story.status,
      revision: story.revision,
      detail,
    });
  }

  return {
    create(author: string, headline = ''): Story {
      return transaction(db, () => insertNew(author, headline));
    },

    get(id: string): Story {
      return require(id);
    },

    list(filter: StoryListFilter = {}): StoryListRow[] {
      if (filter.query?.trim() && repo.hasPendingSearchUpdates()) transaction(db, () => repo.refreshSearchIndex());
      return repo.list(filter);
    },

    /** The list's size without a limit; call right after `list` (the index is fresh then). */
    count(filter: StoryListFilter = {}): number {
      return repo.count(filter);
    },

    keywords() {
      return repo.keywords();
    },

    events(id: string): StoryEvent[] {
      require(id);
      return repo.events(id);
    },

    /**
     * Save new content. Refused with `conflict` when the story changed since `baseRevision`
     * (another window, the command line, an import): nothing is overwritten silently.
     */
    save(input: SaveInput, actor: string): Story {
      const saved = transaction(db, () => {
        const current = require(input.id);
        if (current.revision !== input.baseRevision) {
          throw new AppError(
            'conflict',
            `This story was changed elsewhere (it is now at revision ${current.revision}; your edits were based on ` +
              `revision ${input.baseRevision}). Your text was not saved over it.`
          );
        }
        const at = now().toISOString();
        const unchanged =
          current.headline === input.headline &&
          current.body === input.body &&
          JSON.stringify(current.keywords) === JSON.stringify(input.keywords);
        const next = unchanged ? current : applyContent(current, input, actor, at);
        if (input.checkpoint) {
          keepRevision(next, 'manual', actor, at);
        } else if (!unchanged) {
          const latest = revisions.latest(next.id);
          const since = Date.parse(latest?.at ?? current.createdAt);
          if (Date.parse(at) - since >= REVISION_INTERVAL_MS) keepRevision(next, 'interval', actor, at);
        }
        return next;
      });
      deps.afterSave?.();
      return saved;
    },

    transition(id: string, action: WorkflowAction, profile: Profile, note?: string): Story {
      return transaction(db, () => {
        const current = require(id);
        const check = checkTransition(current.status, action, profile.role);
        if (!check.ok) throw new AppError('illegal_transition', check.reason);
        const at = now().toISOString();
        const trimmed = note?.trim() ?? '';
        if (action === 'return' && trimmed === '') {
          throw new AppError('invalid_input', 'Say what needs to change: sending a story back needs a note for the reporter.');
        }
        const next: Story = {
          ...current,
          status: check.to,
          updatedAt: at,
          approval:
            action === 'approve' ? { approver: profile.name, approvedAt: at, contentHash: contentHash(current) } : null,
          voidedApproval: action === 'approve' ? null : current.voidedApproval,
          reviewNote:
            action === 'return' ? { by: profile.name, at, note: trimmed } : action === 'approve' ? null : current.reviewNote,
        };
        keepRevision(current, `before-${action}`, profile.name, at);
        if (!repo.update(next, current.revision)) {
          throw new AppError('conflict', 'This story was changed elsewhere. Reload it and try again.');
        }
        record(next, profile.name, EVENT_FOR_ACTION[action], current.status, action === 'return' ? trimmed : null);
        keepRevision(next, `after-${action}`, profile.name, at);
        return next;
      });
    },

    /** Whether the story carries an approval that still matches its content. */
    approvalValid(story: Story): boolean {
      return story.status === 'approved' && story.approval !== null && story.approval.contentHash === contentHash(story);
    },

    recordExport(story: Story, actor: string, detail: string): void {
      repo.appendEvent({
        storyId: story.id,
        at: now().toISOString(),
        actor,
        kind: 'exported',
        fromStatus: story.status,
        toStatus: story.status,
        revision: story.revision,
        detail,
      });
    },

    /** Move a story to the trash. Its revisions and history stay until the trash is emptied. */
    delete(id: string, actor: string): void {
      transaction(db, () => {
        const current = require(id);
        const at = now().toISOString();
        repo.trash(id, at, actor);
        repo.appendEvent({ storyId: id, at, actor, kind: 'deleted', fromStatus: current.status, toStatus: null, revision: current.revision, detail: current.headline });
      });
    },

    trash(): TrashedStory[] {
      return repo.listTrash();
    },

    restoreFromTrash(id: string, actor: string): Story {
      return transaction(db, () => {
        const story = repo.untrash(id);
        if (!story) throw new AppError('not_found', 'That story is not in the trash.');
        repo.appendEvent({ storyId: id, at: now().toISOString(), actor, kind: 'restored', fromStatus: null, toStatus: story.status, revision: story.revision, detail: null });
        return story;
      });
    },

    emptyTrash(actor: string): number {
      return purge(repo.listTrash().map((t) => t.id), actor, 'Trash emptied');
    },

    /** Purge what has been in the trash longer than `days` days. */
    purgeExpired(days: number, actor = 'Copydesk'): number {
      const cutoff = new Date(now().getTime() - days * DAY_MS).toISOString();
      return purge(repo.trashedBefore(cutoff), actor, `In the trash for more than ${days} days`);
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

    /** Bring back an older revision's content as a new revision. Nothing is destroyed. */
    restoreRevision(id: string, revisionId: number, baseRevision: number, actor: string): Story {
      return transaction(db, () => {
        const current = require(id);
        const old = revisions.get(revisionId);
        if (!old || old.storyId !== id) throw new AppError('not_found', 'That revision does not belong to this story.');
        if (current.revision !== baseRevision) {
          throw new AppError('conflict', `This story was changed elsewhere (now at revision ${current.revision}). Reload it before restoring.`);
        }
        const at = now().toISOString();
        keepRevision(current, 'before-restore', actor, at);
        const next = applyContent(current, old.story, actor, at);
        repo.appendEvent({ storyId: id, at, actor, kind: 'revision_restored', fromStatus: current.status, toStatus: next.status, revision: next.revision, detail: `From revision ${old.storyRevision} of ${old.at}` });
        keepRevision(next, 'restored', actor, at);
        return next;
      });
    },

    /** "Keep mine as a copy" after a conflict: a new draft with the given content. */
    createCopy(content: StoryContent, author: string, sourceId: string | null): Story {
      return transaction(db, () => {
        const at = now().toISOString();
        const blank = insertNew(author, content.headline);
        const next = applyContent(blank, content, author, at);
        if (sourceId) record(next, author, 'edited', blank.status, `Copy of story ${sourceId}`);
        return next;
      });
    },

    counts(): { stories: number; trash: number; revisions: number } {
      return { ...repo.counts(), revisions: revisions.count() };
    },
  };
}
