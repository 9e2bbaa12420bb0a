/** Copydesk packages: inspecting a .copydesk file and importing its stories. Other parts of the renderer import it only through this file. */
export { ImportDialog } from './ImportDialog.tsx';
export { usePackageImport } from './usePackageImport.ts';

// The feature's own styles, after those of everything it uses.
import './packages.css';
