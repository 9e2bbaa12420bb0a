import { describe, expect, it } from 'vitest';
import { ROLES, STORY_STATUSES, type Role, type StoryStatus } from '../src/shared/story.ts';
import { WORKFLOW_ACTIONS, availableActions, checkTransition, statusAfterContentEdit, type WorkflowAction } from '../src/shared/workflow.ts';

// The whole table, written out by hand: status × action × role → resulting status or refusal.
const expected: Record<StoryStatus, Record<WorkflowAction | 'void', Record<Role, StoryStatus | null>>> = {
  draft: {
    submit: { reporter: 'in_review', editor: 'in_review' },
    withdraw: { reporter: null, editor: null },
    approve: { reporter: null, editor: null },
    return: { reporter: null, editor: null },
    void: { reporter: null, editor: null },
  },
  in_review: {
    submit: { reporter: null, editor: null },
    withdraw: { reporter: 'draft', editor: 'draft' },
    approve: { reporter: null, editor: 'approved' },
    return: { reporter: null, editor: 'returned' },
    void: { reporter: null, editor: null },
  },
  returned: {
    submit: { reporter: 'in_review', editor: 'in_review' },
    withdraw: { reporter: null, editor: null },
    approve: { reporter: null, editor: null },
    return: { reporter: null, editor: null },
    void: { reporter: null, editor: null },
  },
  approved: {
    submit: { reporter: null, editor: null },
    withdraw: { reporter: null, editor: null },
    approve: { reporter: null, editor: null },
    return: { reporter: null, editor: null },
    void: { reporter: 'in_review', editor: 'in_review' },
  },
};

describe('workflow state machine', () => {
  for (const status of STORY_STATUSES) {
    for (const action of [...WORKFLOW_ACTIONS, 'void'] as const) {
      for (const role of ROLES) {
        const want = expected[status][action][role];
        it(`${status} × ${action} × ${role} → ${want ?? 'refused'}`, () => {
          const result = checkTransition(status, action, role);
          if (want === null) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.reason).toMatch(/\w{3,}/);
          } else {
            expect(result).toEqual({ ok: true, to: want });
          }
        });
      }
    }
  }

  it('tells a reporter why they cannot approve', () => {
    const result = checkTransition('in_review', 'approve', 'reporter');
    expect(result).toEqual({ ok: false, reason: 'Only an editor can approve a story.' });
  });

  it('offers each role only the actions it may take', () => {
    expect(availableActions('draft', 'reporter')).toEqual(['submit']);
    expect(availableActions('in_review', 'reporter')).toEqual(['withdraw']);
    expect(availableActions('in_review', 'editor')).toEqual(['approve', 'return', 'withdraw']);
    expect(availableActions('approved', 'editor')).toEqual([]);
  });

  it('puts an approved story back in review when its content changes, and leaves others be', () => {
    expect(statusAfterContentEdit('approved')).toBe('in_review');
    expect(statusAfterContentEdit('draft')).toBe('draft');
    expect(statusAfterContentEdit('returned')).toBe('returned');
    expect(statusAfterContentEdit('in_review')).toBe('in_review');
  });
});
