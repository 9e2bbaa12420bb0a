/** The trash: deleted stories, restoring them, emptying the trash. Other parts of the renderer import it only through this file. */
export { TrashView } from './TrashView.tsx';
export { useTrash } from './useTrash.ts';
