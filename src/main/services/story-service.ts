/**
 * The story service: content (create, save, copy, restore), workflow, trash and the read model,
 * each in `stories/`, sharing one context. Every change is appended to the story's event log in
 * the same transaction; `afterChange` is told once a change committed.
 */
import { monotonicFactory } from 'ulid';
import { storyContext, type StoryServiceDeps } from './stories/context.ts';
import { createContent } from './stories/content.ts';
import { createReadModel } from './stories/read-model.ts';
import { createTrash } from './stories/trash.ts';
import { createWorkflow } from './stories/workflow.ts';

export { REVISION_INTERVAL_MS, type SaveInput } from './stories/content.ts';
export type { StoryServiceDeps } from './stories/context.ts';
export type StoryService = ReturnType<typeof createStoryService>;

export function createStoryService(deps: StoryServiceDeps) {
  const ctx = storyContext(deps, deps.newId ?? monotonicFactory());
  const content = createContent(ctx);
  const workflow = createWorkflow(ctx, content);
  const trash = createTrash(ctx);
  const read = createReadModel(ctx);
  const { keepRevision: _keep, applyContent, ...contentApi } = content;
  /** Wraps a changing call so `afterChange` hears of it once it returned (committed). */
  const announce = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    const result = fn(...args);
    deps.afterChange?.();
    return result;
  };
  return {
    ...read,
    create: announce(contentApi.create),
    save: announce(contentApi.save),
    restoreRevision: announce(contentApi.restoreRevision),
    createCopy: announce(contentApi.createCopy),
    transition: announce(workflow.transition),
    approvalValid: workflow.approvalValid,
    recordExport: announce(workflow.recordExport),
    delete: announce(trash.delete),
    trash: trash.trash,
    restoreFromTrash: announce(trash.restoreFromTrash),
    emptyTrash: announce(trash.emptyTrash),
    purgeExpired: announce(trash.purgeExpired),
    /** For the package importer: the same content path a save takes, inside its transaction. */
    applyContent,
    keepRevision: content.keepRevision,
  };
}
