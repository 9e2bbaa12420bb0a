/** Above the headline: the approval, a voided approval, or the editor's note on a story sent back. */
import type { Story } from '../../../../shared/story.ts';
import { exactTime } from '../../lib/index.ts';

export function StoryBanners({ story }: { story: Story }) {
  if (story.status === 'approved' && story.approval) {
    return (
      <p className="cd-banner cd-banner--approved" role="note" aria-label="Approval">
        Approved by {story.approval.approver} at <time dateTime={story.approval.approvedAt}>{exactTime(story.approval.approvedAt)}</time>
      </p>
    );
  }
  const banners = [];
  if (story.voidedApproval) {
    const v = story.voidedApproval;
    banners.push(
      <div
        key="void"
        className={story.status === 'in_review' ? 'cd-banner cd-banner--void' : 'cd-banner cd-banner--history'}
        role="note"
        aria-label="Approval void"
      >
        <p>
          Approval void: content changed after approval by {v.voidedBy} at <time dateTime={v.voidedAt}>{exactTime(v.voidedAt)}</time>
          {story.status === 'in_review' ? ' — back in review' : ''}
        </p>
        <p className="cd-banner__detail">
          It had been approved by {v.approver} at <time dateTime={v.approvedAt}>{exactTime(v.approvedAt)}</time>.
        </p>
      </div>
    );
  }
  if (story.status === 'returned' && story.reviewNote) {
    const n = story.reviewNote;
    banners.push(
      <div key="note" className="cd-banner cd-banner--returned" role="note" aria-label="Review note">
        <p>
          Sent back by {n.by} at <time dateTime={n.at}>{exactTime(n.at)}</time>:
        </p>
        <blockquote className="cd-banner__note" dir="auto">
          {n.note}
        </blockquote>
      </div>
    );
  }
  return banners.length ? <>{banners}</> : null;
}
