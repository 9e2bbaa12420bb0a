/** Commands of the story editor, beyond Lexical's own. */
import { createCommand, type LexicalCommand } from 'lexical';

/** Ask the toolbar to open its link dialog for the current selection (Ctrl/Cmd+K, toolbar button). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');
