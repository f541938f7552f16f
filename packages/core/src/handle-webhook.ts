/**
 * `handleWebhook`: the whole route in one call, for any framework. Parse and verify, claim and
 * run once, and return the reply to send; it never throws, so a framework's own error page can
 * never answer a webhook sender (and leak a stack trace or turn a retryable failure final).
 */
import type { EventOf, WebhookAdapter, WebhookEvent } from './event';
import { type ParseEventOptions, parseEvent } from './parse-event';
import { resolveProcessConfig } from './process/options';
import { runOnce } from './process/run-once';
import type { EventHandler, ProcessOnceOptions, ProcessOutcome } from './process-once';
import type { DeliveryInput } from './read-delivery';
import { errorReply, outcomeReply, type WebhookReply } from './response';
import type { DedupeStore } from './store/types';

/** Options of {@link handleWebhook}. */
export interface HandleWebhookOptions<A extends WebhookAdapter<WebhookEvent>, R> {
  /** The provider's adapter. */
  adapter: A;
  /** Where event IDs are claimed. */
  store: DedupeStore;
  /** Your business logic; runs at most once per event. */
  handler: EventHandler<EventOf<A>, R>;
  /** Passed to `parseEvent` (`maxBodyBytes`, `receivedAt`). @default {} */
  parse?: ParseEventOptions;
  /** Passed to `processOnce` (`leaseMs`, `ttlMs`, `keyPrefix`...). @default {} */
  process?: ProcessOnceOptions;
}

/** The reply to send, with what led to it for logging. */
export interface HandledWebhook<R> extends WebhookReply {
  /** The processing outcome, when the delivery was parsed. */
  outcome?: ProcessOutcome<R>;
  /** The parse error (bad signature, bad payload...), when it was not. */
  error?: unknown;
}

/**
 * Handle one delivery end to end and return the reply to send. Node frameworks write it with
 * `res.writeHead(reply.status, reply.headers).end(reply.body)`; fetch-style ones wrap it with
 * `replyResponse(reply)`.
 *
 * The setup (`store`, `handler`, `process` options) is checked before the body is read: a
 * mistake answers 500 `CONFIG_INVALID` for every delivery (the provider keeps retrying until it
 * is fixed) instead of hiding behind a 401 for some of them. Never throws.
 *
 * @example
 * const reply = await handleWebhook(request, { adapter, store, handler: fulfil });
 */
export async function handleWebhook<A extends WebhookAdapter<WebhookEvent>, R>(
  input: DeliveryInput,
  options: HandleWebhookOptions<A, R>,
): Promise<HandledWebhook<R>> {
  try {
    const config = resolveProcessConfig(options?.store, options?.handler, options?.process);
    let event: EventOf<A>;
    try {
      event = await parseEvent(options.adapter, input, options.parse);
    } catch (error) {
      return { ...errorReply(error), error };
    }
    const outcome = await runOnce<R>(config, event);
    return { ...outcomeReply(outcome), outcome };
  } catch (error) {
    // A setup error, or a bug: answered, never thrown into the framework's error page.
    return { ...errorReply(error), error };
  }
}
