/**
 * Autosave for one open story. Edits are debounced; `flush` saves now. Saves of one story never
 * overlap: every save (and every other revision-changing call such as a workflow transition) runs
 * on one serial queue, reads the editor's *latest* content when it starts, sends the revision it
 * last adopted, and adopts the revision the service returns. A failed save keeps the content in
 * the editor and reports the error; the next edit or a Retry tries again (a conflict waits for
 * the person to decide).
 */
import type { ChannelInput } from '../../../../shared/contract.ts';
import type { Story } from '../../../../shared/story.ts';
import { AppError } from '../../../../shared/errors.ts';

/** What the editor holds and autosave sends; subjects and entities are left out by callers that do not edit them. */
export type StoryContentDraft = Pick<ChannelInput<'stories.createCopy'>, 'headline' | 'body' | 'keywords' | 'subjects' | 'entities'>;

export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'dirty' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly code: string | null; readonly message: string };

export interface SaverOptions {
  readonly id: string;
  readonly revision: number;
  /** The content as it is in the editor right now. */
  readonly read: () => StoryContentDraft;
  readonly save: (input: ChannelInput<'stories.save'>) => Promise<Story>;
  readonly onSaved: (story: Story) => void;
  readonly onState: (state: SaveState) => void;
  readonly delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 800;

export class StorySaver {
  readonly id: string;
  private revision: number;
  private baseline: string | null = null;
  private edits = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** A save that is queued but has not started yet: later flushes join it. */
  private queuedSave: Promise<boolean> | null = null;
  private disposed = false;
  private checkpointRequested = false;
  private current: SaveState = { kind: 'saved' };
  private readonly options: SaverOptions;

  constructor(options: SaverOptions) {
    this.options = options;
    this.id = options.id;
    this.revision = options.revision;
  }

  get state(): SaveState {
    return this.current;
  }

  /** Take the editor's present content as what the service already has (after loading). */
  markLoaded(): void {
    this.baseline = key(this.options.read());
  }

  /** The person changed something: save after a pause in typing. */
  changed(): void {
    if (this.disposed) return;
    this.edits += 1;
    if (this.current.kind === 'error') {
      // A conflict needs a decision; anything else is retried on the next pause in typing.
      if (this.current.code !== 'conflict') this.schedule();
      return;
    }
    if (this.current.kind !== 'saving') this.setState({ kind: 'dirty' });
    this.schedule();
  }

  /**
   * Save now (after any save in flight). Resolves to whether everything typed so far is saved.
   * `checkpoint` (Ctrl/Cmd+S) also asks the service to keep a revision, even with nothing new.
   */
  flush(options: { checkpoint?: boolean } = {}): Promise<boolean> {
    this.clearTimer();
    if (options.checkpoint) this.checkpointRequested = true;
    if (this.disposed) return Promise.resolve(true);
    if (this.queuedSave) return this.queuedSave;
    const run = this.enqueue(async () => {
      this.queuedSave = null;
      return this.saveNow();
    });
    this.queuedSave = run;
    return run;
  }

  /**
   * Run a call that changes the story's revision (a workflow transition) on the save queue, after
   * saving the latest content, so no save runs while it does; the returned story's revision is
   * adopted by the saves that follow.
   */
  async exclusive(task: () => Promise<Story>): Promise<Story> {
    const saved = await this.flush();
    if (!saved) {
      const state = this.current;
      const why = state.kind === 'error' ? state.message : 'the latest changes are not saved yet';
      throw new AppError('storage', `Your latest changes could not be saved, so nothing else was done: ${why}`);
    }
    return this.enqueue(async () => {
      const story = await task();
      if (!this.disposed) this.revision = story.revision;
      return story;
    });
  }

  /** Stop: no more saves, no more callbacks. Pending edits are dropped (call `flush` first). */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /** Save until the service has what the editor has; typing during a save triggers one more. */
  private async saveNow(): Promise<boolean> {
    for (;;) {
      if (this.disposed) return true;
      // The service already refused this revision: saving again cannot succeed until the person
      // decides (Reload). Keep the text and the message as they are.
      if (this.current.kind === 'error' && this.current.code === 'conflict') return false;
      const editsAtStart = this.edits;
      const content = this.options.read();
      const contentKey = key(content);
      const checkpoint = this.checkpointRequested;
      this.checkpointRequested = false;
      if (contentKey === this.baseline && !checkpoint) {
        this.clearTimer();
        this.setState({ kind: 'saved' });
        return true;
      }
      this.setState({ kind: 'saving' });
      try {
        const story = await this.options.save({
          id: this.id,
          baseRevision: this.revision,
          ...content,
          ...(checkpoint ? { checkpoint: true } : {}),
        });
        if (this.disposed) return true;
        this.revision = story.revision;
        this.baseline = contentKey;
        this.options.onSaved(story);
      } catch (error) {
        if (this.disposed) return false;
        const code = error instanceof AppError ? error.code : null;
        const message = error instanceof Error ? error.message : String(error);
        if (checkpoint) this.checkpointRequested = true;
        this.setState({ kind: 'error', code, message });
        return false;
      }
      if (this.edits === editsAtStart) {
        this.setState({ kind: 'saved' });
        return true;
      }
      // Typed while the save was in flight: save again with the latest content.
    }
  }

  private setState(state: SaveState): void {
    this.current = state;
    if (!this.disposed) this.options.onState(state);
  }
}

function key(content: StoryContentDraft): string {
  return JSON.stringify([content.headline, content.body, content.keywords, content.subjects ?? null, content.entities ?? null]);
}
