/** A revision's reason as people read it ("Saved by hand", "Before restoring an older revision"). */
import { REVISION_REASON_LABELS, type RevisionSummary } from '../../../../shared/story.ts';

export function revisionLabel(revision: RevisionSummary): string {
  return REVISION_REASON_LABELS[revision.reason] ?? revision.reason;
}
