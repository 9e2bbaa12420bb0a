/** Keyboard shortcuts, named the way the person's platform names them. */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl+S" or "⌘S". */
export function shortcutLabel(key: string, shift = false): string {
  return isMac ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}

/** Whether the event is the platform's command modifier (Cmd on macOS, Ctrl elsewhere) plus `key`. */
export function isCommandKey(event: KeyboardEvent | ReactKeyboardEvent, key: string): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return mod && !event.altKey && event.key.toLowerCase() === key;
}
