/**
 * The review workflow: who may move a story from which status to which.
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved
 *     ▲                 │  │                    │
 *     └────withdraw─────┘  └──return──▶ returned│
 *   returned ──submit──▶ in_review ◀──void (any content edit)──┘
 *
 * `void` is never requested by a person: the story service applies it when content changes on
 * an approved story.
 */
import { z } from 'zod';
import { assertNever } from './errors.ts';
import type { Role, StoryStatus } from './story.ts';

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
/** Transitions the system applies by itself. */
export type SystemAction = 'void';

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = {
  submit: 'Submit for review',
  approve: 'Approve',
  return: 'Send back',
  withdraw: 'Withdraw from review',
};

export type TransitionCheck =
  | { readonly ok: true; readonly to: StoryStatus }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): TransitionCheck => ({ ok: false, reason });

export function checkTransition(from: StoryStatus, action: WorkflowAction | SystemAction, role: Role): TransitionCheck {
  switch (action) {
    case 'submit':
      return from === 'draft' || from === 'returned'
        ? { ok: true, to: 'in_review' }
        : refuse(`Only a draft or a returned story can be submitted; this story is ${describe(from)}.`);
    case 'withdraw':
      return from === 'in_review'
        ? { ok: true, to: 'draft' }
        : refuse(`Only a story in review can be withdrawn; this story is ${describe(from)}.`);
    case 'approve':
      if (role !== 'editor') return refuse('Only an editor can approve a story.');
      return from === 'in_review'
        ? { ok: true, to: 'approved' }
        : refuse(`Only a story in review can be approved; this story is ${describe(from)}.`);
    case 'return':
      if (role !== 'editor') return refuse('Only an editor can send a story back.');
      return from === 'in_review'
        ? { ok: true, to: 'returned' }
        : refuse(`Only a story in review can be sent back; this story is ${describe(from)}.`);
    case 'void':
      return from === 'approved'
        ? { ok: true, to: 'in_review' }
        : refuse(`Only an approved story has an approval to void; this story is ${describe(from)}.`);
    default:
      return assertNever(action, 'workflow action');
  }
}

function describe(status: StoryStatus): string {
  switch (status) {
    case 'draft':
      return 'a draft';
    case 'in_review':
      return 'in review';
    case 'returned':
      return 'returned to its reporter';
    case 'approved':
      return 'approved';
    default:
      return assertNever(status, 'status');
  }
}

/** Actions a person with `role` can take on a story in `status`, in the order the UI offers them. */
export function availableActions(status: StoryStatus, role: Role): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => checkTransition(status, a, role).ok);
}

/** Whether editing content is allowed, and what happens to the status when it changes. */
export function statusAfterContentEdit(status: StoryStatus): StoryStatus {
  switch (status) {
    case 'approved':
      return 'in_review';
    case 'draft':
    case 'in_review':
    case 'returned':
      return status;
    default:
      return assertNever(status, 'status');
  }
}
