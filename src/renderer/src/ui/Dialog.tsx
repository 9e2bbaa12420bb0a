/**
 * A modal dialog on the native <dialog> element: focus moves in and is kept inside, Escape
 * cancels, the page behind is inert, and focus returns to where it was on close.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import './dialog.css';

export interface DialogProps {
  readonly title: string;
  readonly open: boolean;
  readonly onCancel: () => void;
  /** When given, the body is a form and Enter in a field submits. */
  readonly onSubmit?: () => void;
  readonly children: ReactNode;
  readonly actions: ReactNode;
  readonly description?: ReactNode;
  readonly className?: string;
}

export function Dialog({ title, open, onCancel, onSubmit, children, actions, description, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const returnFocus = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        // Back to the control that opened the dialog, if it is still there.
        if (returnFocus && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
      };
    }
    return undefined;
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`cd-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form method="dialog" onSubmit={submit} className="cd-dialog__form">
        <h2 id={titleId} className="cd-dialog__title">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="cd-dialog__description">
            {description}
          </div>
        ) : null}
        {children}
        <div className="cd-dialog__actions">{actions}</div>
      </form>
    </dialog>
  );
}
