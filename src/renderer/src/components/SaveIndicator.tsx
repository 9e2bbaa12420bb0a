/**
 * "Saving…", "Saved", "Unsaved changes" or "Couldn't save: …" in a box of fixed width, so the bar
 * around it never moves while typing. The action (Retry, or Reload after a conflict) sits inside
 * the same box.
 */
import type { SaveState } from '../lib/saver.ts';

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'error':
      return `Couldn't save: ${state.message}`;
  }
}

export function SaveIndicator({ state, onRetry, onReload }: { state: SaveState; onRetry: () => void; onReload: () => void }) {
  const text = saveStateText(state);
  const conflict = state.kind === 'error' && state.code === 'conflict';
  return (
    <div className={`cd-save cd-save--${state.kind}`}>
      <span className="cd-save__dot" aria-hidden="true" />
      <span role="status" aria-label="Save status" className="cd-save__text" title={text}>
        {text}
      </span>
      {state.kind === 'error' ? (
        conflict ? (
          <button
            type="button"
            className="cd-button cd-button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onReload}
            title="Load the version saved elsewhere. Your unsaved changes here will be replaced."
          >
            Reload
          </button>
        ) : (
          <button
            type="button"
            className="cd-button cd-button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onRetry}
          >
            Retry
          </button>
        )
      ) : null}
    </div>
  );
}
