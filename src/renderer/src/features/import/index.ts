/** Importing files as drafts: drag-and-drop onto the window and File → Import…, with progress and a summary of what was recognised. Other parts of the renderer import it only through this file. */
export { ImportOverlay, ImportFilePicker, IMPORT_ACCEPT } from './ImportOverlay.tsx';
export { ImportSummary } from './ImportSummary.tsx';
export { useFileImport } from './useFileImport.ts';
export { useFilePicker } from './useFilePicker.ts';
export { useWindowDrop } from './useWindowDrop.ts';

// The feature's own styles, after those of everything it uses.
import './import.css';
