/** Shared building blocks of the window: dialogs, notifications, icons, field errors, the status badge. Other parts of the renderer import it only through this file. */
export { Brand } from './Brand.tsx';
export { Dialog } from './Dialog.tsx';
export { FieldError } from './FieldError.tsx';
export { LoadFailed } from './LoadFailed.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { Toasts, useToasts, type Notify } from './Toasts.tsx';
export * from './icons.tsx';
