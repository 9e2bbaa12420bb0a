/** Shared building blocks of the window: dialogs, notifications, icons, field errors, the status badge. Other parts of the renderer import it only through this file. */
// The global sheets, in cascade order: tokens, reset, shared controls, story lists. Each
// component below brings its own sheet; every feature's sheet comes after these.
import './tokens.css';
import './base.css';
import './controls.css';
import './lists.css';
export { Brand } from './Brand.tsx';
export { Dialog } from './Dialog.tsx';
export { FieldError } from './FieldError.tsx';
export { LoadFailed } from './LoadFailed.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { Toasts, useToasts, type Notify } from './Toasts.tsx';
export * from './icons.tsx';
