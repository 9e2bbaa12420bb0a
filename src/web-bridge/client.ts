/**
 * The browser test bridge's stand-in for the preload: installs `window.copydesk` with the same
 * named functions (built from the contract table by `buildApi`) and sends each call over HTTP to
 * the bridge server, which validates it exactly as the IPC handlers do.
 */
import { buildApi, type CopydeskApi } from '../shared/api.ts';
import type { Channel, EventName } from '../shared/contract.ts';
import type { Result } from '../shared/errors.ts';

const token = document.querySelector<HTMLMetaElement>('meta[name="copydesk-bridge-token"]')?.content ?? '';

async function invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': token },
      body: JSON.stringify(input ?? {}),
    });
    if (response.headers.get('content-type')?.includes('application/json')) return (await response.json()) as Result<unknown>;
    return { ok: false, error: { code: 'internal', message: `The bridge answered ${response.status} ${response.statusText}.` } };
  } catch {
    return { ok: false, error: { code: 'storage', message: 'Copydesk’s background service is not reachable. Is `npm run web` still running?' } };
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!listeners.has(event)) {
    listeners.set(event, new Set());
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener(event, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
      for (const l of listeners.get(event) ?? []) l(payload);
    });
  }
  listeners.get(event)!.add(listener);
  return () => listeners.get(event)?.delete(listener);
}

(window as unknown as { copydesk: CopydeskApi }).copydesk = buildApi(invoke, subscribe);
