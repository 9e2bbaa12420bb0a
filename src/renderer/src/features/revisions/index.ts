/** Revisions: the panel beside the story, comparing two versions, restoring one. Other parts of the renderer import it only through this file. */
export { RevisionsPanel } from './RevisionsPanel.tsx';
export { useRevisions } from './useRevisions.ts';

// The feature's own styles, after those of everything it uses.
import './revisions.css';
