/** The desk's shell: the header, loading the desk, shortcuts and menu commands, saving before the window closes. Other parts of the renderer import it only through this file. */
import './layout.css';
export { DeskHeader } from './DeskHeader.tsx';
export { useLoadDesk } from './useLoadDesk.ts';
export { useSaveBeforeClose } from './useSaveBeforeClose.ts';
export { useShortcuts } from './useShortcuts.ts';
