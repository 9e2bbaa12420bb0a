/**
 * A row of buttons as one ARIA toolbar: one Tab stop, arrow keys (and Home/End) move between the
 * enabled buttons. Buttons keep the editor's selection (mousedown does not take focus).
 */
import { useRef, useState, type JSX, type KeyboardEvent } from 'react';

export interface ToolButton {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
  readonly content: JSX.Element | string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly run: () => void;
  readonly groupEnd?: boolean;
}

export function RovingToolbar({ buttons }: { buttons: readonly ToolButton[] }) {
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = buttons.map((b, i) => (b.disabled ? -1 : i)).filter((i) => i >= 0);
  const tabStop = enabled.includes(active) ? active : (enabled[0] ?? 0);

  const move = (event: KeyboardEvent, index: number) => {
    const at = enabled.indexOf(index);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = enabled[(at + 1) % enabled.length];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = enabled[(at - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label="Formatting" aria-orientation="horizontal" className="cd-toolbar">
      {buttons.map((button, index) => (
        <span key={button.id} className={button.groupEnd ? 'cd-toolbar__item cd-toolbar__item--group-end' : 'cd-toolbar__item'}>
          <button
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            className="cd-toolbar__button"
            aria-label={button.label}
            aria-pressed={button.pressed === undefined ? undefined : button.pressed}
            aria-keyshortcuts={button.shortcut?.replace('Ctrl', 'Control').replace('⌘', 'Meta+').replace('⇧', 'Shift+')}
            title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
            tabIndex={index === tabStop ? 0 : -1}
            disabled={button.disabled}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setActive(index)}
            onKeyDown={(event) => move(event, index)}
            onClick={button.run}
          >
            {button.content}
          </button>
        </span>
      ))}
    </div>
  );
}
