/**
 * The API object the preload exposes (and the browser test bridge imitates): one named function
 * per contract channel, grouped by the part before the dot (`api.stories.save(input)`), plus `on`
 * for events. Built from the contract table, so the two can never drift apart.
 */
import { CHANNELS, EVENT_NAMES, type Channel, type ChannelInput, type ChannelOutput, type EventName, type EventPayload } from './contract.ts';
import type { Result } from './errors.ts';

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;

export type CopydeskApi = {
  readonly [G in GroupOf<Channel>]: {
    readonly [C in Channel as C extends `${G}.${infer M}` ? M : never]: (
      input: ChannelInput<C>
    ) => Promise<Result<ChannelOutput<C>>>;
  };
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe): CopydeskApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [group, method] = channel.split('.') as [string, string];
    const ns = (api[group] ??= {}) as Record<string, unknown>;
    ns[method] = (input: unknown) => invoke(channel, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    return subscribe(event, listener);
  };
  return api as CopydeskApi;
}

/** Look up the function for a channel on an API object. */
export function apiFunction(api: CopydeskApi, channel: Channel): (input: unknown) => Promise<Result<unknown>> {
  const [group, method] = channel.split('.') as [string, string];
  const fn = (api as unknown as Record<string, Record<string, unknown>>)[group]?.[method];
  if (typeof fn !== 'function') throw new Error(`The API has no function for ${channel}.`);
  return fn as (input: unknown) => Promise<Result<unknown>>;
}
