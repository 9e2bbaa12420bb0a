/**
 * The bar above the story: its status and the workflow steps open to this role on the left;
 * Revisions, Export and Delete on the right.
 */
import type { Ref } from 'react';
import type { Role, StoryStatus } from '../../../../shared/story.ts';
import { ACTION_LABELS, availableActions, type WorkflowAction } from '../../../../shared/workflow.ts';
import { ExportMenu, type ExportChoice, type ExportMenuHandle } from '../export/index.ts';
import { HistoryIcon, StatusBadge, TrashIcon } from '../../ui/index.ts';

export interface StoryBarProps {
  readonly status: StoryStatus;
  readonly role: Role;
  /** Something is in flight: the workflow steps and Delete wait for it. */
  readonly busy: boolean;
  readonly exporting: boolean;
  readonly revisionsOpen: boolean;
  readonly exportMenu: Ref<ExportMenuHandle>;
  /** "Send back" asks for a note first; every other step runs at once. */
  readonly onAction: (action: WorkflowAction) => void;
  readonly onToggleRevisions: () => void;
  readonly onExport: (choice: ExportChoice) => void;
  readonly onDelete: () => void;
}

export function StoryBar({ status, role, busy, exporting, revisionsOpen, exportMenu, onAction, onToggleRevisions, onExport, onDelete }: StoryBarProps) {
  return (
    <div className="cd-story__bar" role="region" aria-label="Story actions">
      <div className="cd-story__workflow">
        <StatusBadge status={status} />
        {availableActions(status, role).map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'approve' || action === 'submit' ? 'cd-button cd-button--primary' : 'cd-button'}
            disabled={busy}
            onClick={() => onAction(action)}
          >
            {action === 'return' ? `${ACTION_LABELS[action]}…` : ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      <div className="cd-story__tools">
        <button
          type="button"
          className={revisionsOpen ? 'cd-button cd-revisions-button cd-button--pressed' : 'cd-button cd-revisions-button'}
          aria-label="Revisions"
          aria-expanded={revisionsOpen}
          title="Revisions: compare and restore earlier versions"
          onClick={onToggleRevisions}
        >
          <HistoryIcon />
          <span aria-hidden="true" className="cd-button__label">
            Revisions
          </span>
        </button>
        <ExportMenu ref={exportMenu} busy={exporting} onExport={onExport} />
        <button
          type="button"
          className="cd-button cd-button--quiet cd-button--danger"
          aria-label="Delete"
          title="Delete this story"
          disabled={busy}
          onClick={onDelete}
        >
          <TrashIcon />
          <span aria-hidden="true" className="cd-button__label">Delete</span>
        </button>
      </div>
    </div>
  );
}
