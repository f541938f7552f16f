/**
 * Subscribing to the hooklatch channels safely. A diagnostics subscriber that throws becomes an
 * uncaught exception (Node reports it on the next tick), so every listener is guarded: a bug
 * in telemetry drops one message, never the process.
 */
import { ConfigurationError } from '../errors';
import { ignoreRejection } from '../quiet-call';
import { diagnosticsChannel } from './diagnostics';

/** Listeners by channel name (`tracing:hooklatch:process:asyncEnd`, `hooklatch:warning`...). */
// biome-ignore lint/suspicious/noExplicitAny: each listener takes its channel's context type.
export type ChannelListeners = Record<string, (message: any) => void>;

/**
 * The channels of every live subscription, held here. Bun keeps a channel (and so its
 * subscribers) only while something references the channel object: after a collection,
 * `channel(name)` makes a fresh one without subscribers, and core publishing on it would reach
 * nobody (a `metrics()` that counts nothing after the server idled once).
 */
const held = new Set<readonly unknown[]>();

/**
 * Subscribe `listeners`, each guarded; returns the unsubscribe function (idempotent). Throws
 * CONFIG_INVALID, naming `who`, where the runtime has no `node:diagnostics_channel`.
 *
 * @example
 * const stop = subscribeChannels('my-exporter', {
 *   'tracing:hooklatch:process:asyncEnd': (c: ProcessContext) => record(c.outcome),
 * });
 */
export function subscribeChannels(who: string, listeners: ChannelListeners): () => void {
  const dc = diagnosticsChannel();
  if (dc === undefined) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${who} needs node:diagnostics_channel, which this runtime lacks; observe with the \`hooks\` option instead.`,
      { details: { option: 'runtime' } },
    );
  }
  const subscribed = Object.entries(listeners).map(([name, listener]) => {
    const guarded = (message: unknown) => {
      try {
        // An async listener rejects instead of throwing: dropped the same way.
        ignoreRejection(listener(message));
      } catch {
        // A malformed message (a foreign publisher on our name) or a listener bug: skipped.
      }
    };
    const channel = dc.channel(name);
    channel.subscribe(guarded);
    return [channel, guarded] as const;
  });
  held.add(subscribed);
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    held.delete(subscribed);
    for (const [channel, guarded] of subscribed) channel.unsubscribe(guarded);
  };
}
