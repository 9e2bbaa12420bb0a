/** Workflow: submit, approve, send back, withdraw — checked by the shared state machine. */
import { AppError } from '../../../shared/errors.ts';
import type { Profile } from '../../../shared/settings.ts';
import type { Story, StoryEventKind } from '../../../shared/story.ts';
import { checkTransition, type WorkflowAction } from '../../../shared/workflow.ts';
import { contentHash } from '../content-hash.ts';
import { transaction } from '../storage/database.ts';
import type { StoryContext } from './context.ts';
import type { createContent } from './content.ts';

const EVENT_FOR_ACTION: Readonly<Record<WorkflowAction, StoryEventKind>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  withdraw: 'withdrawn',
};

export function createWorkflow(ctx: StoryContext, content: ReturnType<typeof createContent>) {
  return {
    transition(id: string, action: WorkflowAction, profile: Profile, note?: string): Story {
      return transaction(ctx.db, () => {
        const current = ctx.require(id);
        const check = checkTransition(current.status, action, profile.role);
        if (!check.ok) throw new AppError('illegal_transition', check.reason);
        const at = ctx.now().toISOString();
        const trimmed = note?.trim() ?? '';
        if (action === 'return' && trimmed === '') {
          throw new AppError('invalid_input', 'Say what needs to change: sending a story back needs a note for the reporter.');
        }
        const next: Story = {
          ...current,
          status: check.to,
          updatedAt: at,
          approval: action === 'approve' ? { approver: profile.name, approvedAt: at, contentHash: contentHash(current) } : null,
          voidedApproval: action === 'approve' ? null : current.voidedApproval,
          reviewNote: action === 'return' ? { by: profile.name, at, note: trimmed } : action === 'approve' ? null : current.reviewNote,
        };
        content.keepRevision(current, `before-${action}`, profile.name, at);
        if (!ctx.repo.update(next, current.revision, [])) {
          throw new AppError('conflict', 'This story was changed elsewhere. Reload it and try again.');
        }
        ctx.log.record(next, profile.name, EVENT_FOR_ACTION[action], current.status, action === 'return' ? trimmed : null);
        content.keepRevision(next, `after-${action}`, profile.name, at);
        return next;
      });
    },

    /** Whether the story carries an approval that still matches its content. */
    approvalValid(story: Story): boolean {
      return story.status === 'approved' && story.approval !== null && story.approval.contentHash === contentHash(story);
    },

    recordExport(story: Story, actor: string, detail: string): void {
      ctx.log.record(story, actor, 'exported', story.status, detail, ctx.now().toISOString());
    },
  };
}
