/**
 * Notifications in plain words. Errors stay until dismissed (role "alert"); confirmations
 * (role "status") fade after a while. A toast with a `key` replaces the earlier one with that key.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CloseIcon } from './icons.tsx';
import './toasts.css';

export type ToastKind = 'info' | 'success' | 'error';
export interface ToastInput {
  readonly kind: ToastKind;
  readonly message: string;
  /** A longer line under the message (a file path, what to do next). */
  readonly detail?: string;
  /** The detail is a file path: shown in a monospace font. */
  readonly detailIsPath?: boolean;
  readonly key?: string;
  /** How long a confirmation stays, in ms (errors stay until dismissed). */
  readonly duration?: number;
}
interface Toast extends ToastInput {
  readonly id: number;
}

export type Notify = (toast: ToastInput) => void;

const LIFETIME_MS = 6000;

export function useToasts() {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const next = useRef(1);
  const notify = useCallback<Notify>((toast) => {
    const id = next.current++;
    setToasts((list) => [...list.filter((t) => !toast.key || t.key !== toast.key), { ...toast, id }].slice(-3));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const dismissKey = useCallback((key: string) => setToasts((list) => list.filter((t) => t.key !== key)), []);
  return { toasts, notify, dismiss, dismissKey };
}

export function Toasts({ toasts, dismiss }: { toasts: readonly Toast[]; dismiss: (id: number) => void }) {
  return (
    <section className="cd-toasts" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} dismiss={dismiss} />
      ))}
    </section>
  );
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  useEffect(() => {
    if (toast.kind === 'error') return undefined;
    const timer = setTimeout(() => dismiss(toast.id), toast.duration ?? LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`cd-toast cd-toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <div className="cd-toast__text">
        <p className="cd-toast__message">{toast.message}</p>
        {toast.detail ? <p className={toast.detailIsPath ? 'cd-toast__detail cd-toast__detail--path' : 'cd-toast__detail'}>{toast.detail}</p> : null}
      </div>
      <button type="button" className="cd-icon-button cd-toast__close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <CloseIcon />
      </button>
    </div>
  );
}
