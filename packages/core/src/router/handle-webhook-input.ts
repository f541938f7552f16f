/**
 * `handleWebhookInput`: `handleWebhook` for integrations, whose first step (finding the body in
 * what the framework left) may itself refuse the delivery. A refusal takes the same path as any
 * other: answered with its code and reported to `hooks` and `logger` (an operator sees a
 * misconfigured route as `setup_invalid` errors, not as silence).
 */
import type { WebhookAdapter, WebhookEvent } from '../event';
import { type HandledWebhook, type HandleWebhookOptions, handleWebhook } from '../handle-webhook';
import type { DeliveryInput } from '../read-delivery';

/** Stands in for the adapter so `parseEvent` throws `error` in its usual place. */
function refusing(adapter: unknown, error: unknown): WebhookAdapter<WebhookEvent> | unknown {
  const real = adapter as Partial<WebhookAdapter<WebhookEvent>> | null | undefined;
  // A missing adapter is the bigger mistake: let parseEvent name it.
  if (typeof real?.name !== 'string' || typeof real.parse !== 'function') return adapter;
  return {
    name: real.name,
    retentionMs: real.retentionMs,
    // Another method is still answered 405 first: a probe of the URL is not a setup error.
    methods: real.methods,
    parse() {
      throw error;
    },
  };
}

/**
 * Read the delivery with `read` (which may throw a hooklatch error, e.g. `bodyConsumedError`),
 * then handle it exactly as `handleWebhook` does. Never throws. `method` is the request's, so
 * a request with a method the adapter does not deliver with is answered 405 even when `read`
 * refuses it (a GET to a route behind a body parser is not the setup error a POST is).
 *
 * @example
 * const reply = await handleWebhookInput(() => nodeRequestInput(req, hint), options);
 */
export async function handleWebhookInput<A extends WebhookAdapter<WebhookEvent>, R>(
  read: () => DeliveryInput | Promise<DeliveryInput>,
  options: HandleWebhookOptions<A, R>,
  method: string | undefined = 'POST',
): Promise<HandledWebhook<R>> {
  let input: DeliveryInput;
  try {
    input = await read();
  } catch (error) {
    const adapter = refusing(options?.adapter, error) as A;
    return handleWebhook({ method, headers: {}, body: '' }, { ...options, adapter });
  }
  return handleWebhook(input, options);
}
