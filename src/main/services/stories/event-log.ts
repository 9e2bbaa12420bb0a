/**
 * The story event log: one append-only row per change (created, edited, submitted, deleted…).
 * Every writer goes through here, so an event always names the story's revision and status after
 * the change, and the log doubles as the feed of changes (`library.changed`).
 */
import type { Story, StoryEventKind, StoryStatus } from '../../../shared/story.ts';
import type { StoryRepository } from '../storage/story-repository.ts';

export class EventLog {
  private readonly repo: StoryRepository;
  constructor(repo: StoryRepository) {
    this.repo = repo;
  }

  /** `story` as it is after the change; `from` the status before it. */
  record(story: Story, actor: string, kind: StoryEventKind, from: StoryStatus | null, detail: string | null = null, at = story.updatedAt): void {
    this.repo.appendEvent({ storyId: story.id, at, actor, kind, fromStatus: from, toStatus: story.status, revision: story.revision, detail });
  }

  /** A story that is gone (deleted or purged): no status after the change. */
  tombstone(story: Story, actor: string, kind: 'deleted' | 'purged', at: string, detail: string | null): void {
    this.repo.appendEvent({ storyId: story.id, at, actor, kind, fromStatus: kind === 'deleted' ? story.status : null, toStatus: null, revision: story.revision, detail });
  }
}
