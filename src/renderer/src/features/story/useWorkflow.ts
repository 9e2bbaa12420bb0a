/**
 * Workflow transitions of the open story (submit, approve, send back, withdraw). A transition
 * waits for the saver's queue, so it never races a save, and names the revision it was based on.
 */
import type { Story } from '../../../../shared/story.ts';
import type { WorkflowAction } from '../../../../shared/workflow.ts';
import { call, errorMessage } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import type { StoryDraft } from './useStoryDraft.ts';

const ACTION_DONE: Readonly<Record<WorkflowAction, string>> = {
  submit: 'Submitted for review.',
  approve: 'Story approved.',
  return: 'Sent back to the reporter with your note.',
  withdraw: 'Withdrawn from review: the story is a draft again.',
};
const ACTION_VERB: Readonly<Record<WorkflowAction, string>> = {
  submit: 'submit the story',
  approve: 'approve the story',
  return: 'send the story back',
  withdraw: 'withdraw the story',
};

export interface WorkflowOptions {
  readonly storyId: string;
  readonly draft: StoryDraft;
  readonly notify: Notify;
  readonly onStoryUpdated: (story: Story) => void;
  readonly setBusy: (busy: boolean) => void;
}

/** Returns `transition`, which resolves to whether the story moved. */
export function useWorkflow({ storyId, draft, notify, onStoryUpdated, setBusy }: WorkflowOptions) {
  return async (action: WorkflowAction, note?: string): Promise<boolean> => {
    const saver = draft.saverRef.current;
    if (!saver) return false;
    setBusy(true);
    try {
      const updated = await saver.exclusive(() => call('workflow.transition', { id: storyId, action, ...(note ? { note } : {}) }));
      draft.confirm(updated);
      onStoryUpdated(updated);
      notify({ kind: 'success', key: `workflow-${storyId}`, message: ACTION_DONE[action] });
      return true;
    } catch (error) {
      notify({ kind: 'error', key: `workflow-${storyId}`, message: `Couldn't ${ACTION_VERB[action]}. ${errorMessage(error)}` });
      return false;
    } finally {
      setBusy(false);
    }
  };
}
