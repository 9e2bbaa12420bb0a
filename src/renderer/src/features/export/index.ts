/** Export: the menu that writes the open story as Markdown, NewsML-G2 or a Copydesk package, and the actions behind it. Other parts of the renderer import it only through this file. */
export { ExportMenu, type ExportChoice, type ExportMenuHandle } from './ExportMenu.tsx';
export { useStoryExport } from './useStoryExport.ts';

// The feature's own styles, after those of everything it uses.
import './export.css';
