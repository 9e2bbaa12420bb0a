/** The open story: workflow bar, formatting toolbar, headline, keywords, the Lexical body and autosave. Other parts of the renderer import it only through this file. */
export { StoryEditor, type EditorHandle } from './StoryEditor.tsx';
export { TypeAheadBuffer, useTypeAhead } from './TypeAhead.tsx';
export { useConflictChoices } from './useConflictChoices.ts';

// The feature's own styles, after those of everything it uses.
import './story.css';
import './editor/editor.css';
