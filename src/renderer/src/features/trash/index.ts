/** The trash: deleted stories, restoring them, emptying the trash. Other parts of the renderer import it only through this file. */
export { TrashView } from './TrashView.tsx';
export { useTrash } from './useTrash.ts';

// The feature's own styles, after those of everything it uses.
import './trash.css';
