/**
 * Story rules: create, save (with conflict detection and approval voiding), workflow transitions,
 * delete. Every change is appended to the story's event log in the same transaction.
 */
import { monotonicFactory } from 'ulid';
import { EMPTY_BODY, countWords, parseBody, plainText } from '../../shared/body.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../../shared/settings.ts';
import type { Story, StoryContent, StoryEvent, StoryEventKind, StoryStatus, StorySummary } from '../../shared/story.ts';
import { checkTransition, statusAfterContentEdit, type WorkflowAction } from '../../shared/workflow.ts';
import { contentHash } from './content-hash.ts';
import { transaction, type Database } from './storage/database.ts';
import { StoryRepository, type StoryListFilter } from './storage/story-repository.ts';

export interface StoryServiceDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export interface SaveInput extends StoryContent {
  readonly id: string;
  readonly baseRevision: number;
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
  const repo = new StoryRepository(db);

  function require(id: string): Story {
    const story = repo.get(id);
    if (!story) throw new AppError('not_found', 'That story no longer exists. It may have been deleted.');
    return story;
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
      const at = now().toISOString();
      const story: Story = {
        id: newId(),
        headline,
        body: EMPTY_BODY,
        plainText: '',
        wordCount: 0,
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
      transaction(db, () => {
        repo.insert(story);
        record(story, author, 'created', null);
      });
      return story;
    },

    get(id: string): Story {
      return require(id);
    },

    list(filter: StoryListFilter = {}): StorySummary[] {
      return repo.list(filter);
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
      return transaction(db, () => {
        const current = require(input.id);
        if (current.revision !== input.baseRevision) {
          throw new AppError(
            'conflict',
            `This story was changed elsewhere (it is now at revision ${current.revision}; your edits were based on ` +
              `revision ${input.baseRevision}). Your text was not saved over it.`
          );
        }
        if (
          current.headline === input.headline &&
          current.body === input.body &&
          JSON.stringify(current.keywords) === JSON.stringify(input.keywords)
        ) {
          return current; // nothing changed: not a save
        }
        const doc = parseBody(input.body);
        const text = plainText(doc);
        const at = now().toISOString();
        const contentChanged =
          contentHash(current) !== contentHash({ headline: input.headline, body: input.body, keywords: input.keywords });
        const voids = contentChanged && current.status === 'approved' && current.approval !== null;
        const next: Story = {
          ...current,
          headline: input.headline,
          body: input.body,
          keywords: [...input.keywords],
          plainText: text,
          wordCount: countWords(`${input.headline}\n${text}`),
          revision: current.revision + 1,
          updatedAt: at,
          status: contentChanged ? statusAfterContentEdit(current.status) : current.status,
          approval: voids ? null : current.approval,
          voidedApproval: voids && current.approval ? { ...current.approval, voidedAt: at, voidedBy: actor } : current.voidedApproval,
        };
        if (!repo.update(next, current.revision)) {
          throw new AppError('conflict', 'This story was changed elsewhere while saving. Your text was not saved over it.');
        }
        record(next, actor, 'edited', current.status);
        if (voids) record(next, actor, 'approval_voided', current.status, 'Content changed after approval.');
        return next;
      });
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
        if (!repo.update(next, current.revision)) {
          throw new AppError('conflict', 'This story was changed elsewhere. Reload it and try again.');
        }
        record(next, profile.name, EVENT_FOR_ACTION[action], current.status, action === 'return' ? trimmed : null);
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

    delete(id: string, actor: string): void {
      transaction(db, () => {
        const current = require(id);
        repo.delete(id);
        repo.appendEvent({
          storyId: id,
          at: now().toISOString(),
          actor,
          kind: 'deleted',
          fromStatus: current.status,
          toStatus: null,
          revision: current.revision,
          detail: current.headline,
        });
      });
    },
  };
}
