/**
 * "Saving…", "Saved", "Unsaved changes" or "Couldn't save: …" in a box of fixed width, so the bar
 * around it never moves while typing. The action (Retry, or Resolve… after a conflict) sits inside
 * the same box.
 */
import type { SaveState } from './saver.ts';

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'error':
      // The whole message is in the conflict dialog; the box has room for a few words.
      return state.code === 'conflict' ? 'Not saved' : `Couldn't save: ${state.message}`;
  }
}

export function SaveIndicator({ state, onRetry, onResolve }: { state: SaveState; onRetry: () => void; onResolve: () => void }) {
  const text = saveStateText(state);
  const conflict = state.kind === 'error' && state.code === 'conflict';
  return (
    <div className={`cd-save cd-save--${state.kind}`}>
      <span className="cd-save__dot" aria-hidden="true" />
      <span role="status" aria-label="Save status" className="cd-save__text" title={state.kind === 'error' ? state.message : text}>
        {text}
      </span>
      {state.kind === 'error' ? (
        conflict ? (
          <button
            type="button"
            className="cd-button cd-button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onResolve}
            title="This story was changed elsewhere: keep your text as a copy, or load the newer version."
          >
            Resolve…
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
