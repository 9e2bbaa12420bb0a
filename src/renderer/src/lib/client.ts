/**
 * The renderer's only way to main: one typed function over the contract table. Looks up the
 * channel's function on `window.copydesk`, unwraps the Result, and throws an `AppError` with the
 * error's code and message on failure, so callers can `try`/`catch` and show the message.
 */
import { apiFunction } from '../../../shared/api.ts';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../../shared/contract.ts';
import { AppError, isAppErrorShape } from '../../../shared/errors.ts';

function api() {
  const copydesk = (window as Partial<Window>).copydesk;
  if (!copydesk) {
    throw new AppError('internal', 'Copydesk cannot reach its storage: the app was opened without its bridge.');
  }
  return copydesk;
}

type DamageListener = (message: string) => void;
const damageListeners = new Set<DamageListener>();

/**
 * The library turned out to be damaged while the app was open: main says so with an event, and
 * every call after that is refused with `database_corrupt`. Either way the listener hears it.
 */
export function onLibraryDamaged(listener: DamageListener): () => void {
  damageListeners.add(listener);
  const off = on('library.damaged', ({ message }) => listener(message));
  return () => {
    damageListeners.delete(listener);
    off();
  };
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: unknown;
  try {
    result = await apiFunction(api(), channel)(input);
  } catch (error) {
    // The transport itself failed (bridge gone, connection refused …): no Result came back.
    if (error instanceof AppError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError('internal', `Copydesk could not reach its storage (${detail}).`);
  }
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as { ok: boolean; value?: unknown; error?: unknown };
    if (r.ok) return r.value as ChannelOutput<C>;
    if (isAppErrorShape(r.error)) {
      if (r.error.code === 'database_corrupt' && !channel.startsWith('recovery.')) {
        const message = r.error.message;
        for (const listener of damageListeners) queueMicrotask(() => listener(message));
      }
      throw new AppError(r.error.code, r.error.message);
    }
  }
  throw new AppError('internal', `Copydesk got an unreadable answer for ${channel}.`);
}

/** Subscribe to an event from main; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const copydesk = (window as Partial<Window>).copydesk;
  if (!copydesk) return () => {};
  return copydesk.on(event, listener);
}

/** The words to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | null {
  return error instanceof AppError ? error.code : null;
}
