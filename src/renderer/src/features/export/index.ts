/** Export: the menu that writes the open story as Markdown, NewsML-G2 or a Copydesk package. Other parts of the renderer import it only through this file. */
export { ExportMenu, PACKAGE_LABEL, type ExportChoice, type ExportMenuHandle } from './ExportMenu.tsx';

// The feature's own styles, after those of everything it uses.
import './export.css';
