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
function refusing(
  adapter: unknown,
  error: unknown,
  method: string | undefined,
): WebhookAdapter<WebhookEvent> | unknown {
  const real = adapter as Partial<WebhookAdapter<WebhookEvent>> | null | undefined;
  // A missing adapter is the bigger mistake: let parseEvent name it.
  if (typeof real?.name !== 'string' || typeof real.parse !== 'function') return adapter;
  return {
    name: real.name,
    retentionMs: real.retentionMs,
    // With the request's method known, another method is still answered 405 first (a probe of
    // the URL is not a setup error); unknown, nothing is judged by a method it may not have.
    methods: method === undefined ? [STAND_IN_METHOD] : real.methods,
    parse() {
      throw error;
    },
  };
}

/** The method of the stand-in delivery when the request's is not known. */
const STAND_IN_METHOD = 'POST';

/**
 * Read the delivery with `read` (which may throw a hooklatch error, e.g. `bodyConsumedError`),
 * then handle it exactly as `handleWebhook` does. Never throws. `method`, the request's when
 * known, lets a request with a method the adapter does not deliver with be answered 405 even
 * when `read` refuses it (a PUT to a route behind a body parser is not the setup error a POST
 * is); without it `read`'s refusal is answered whatever the method.
 *
 * @example
 * const reply = await handleWebhookInput(() => nodeRequestInput(req, hint), options);
 */
export async function handleWebhookInput<A extends WebhookAdapter<WebhookEvent>, R>(
  read: () => DeliveryInput | Promise<DeliveryInput>,
  options: HandleWebhookOptions<A, R>,
  method?: string,
): Promise<HandledWebhook<R>> {
  let input: DeliveryInput;
  try {
    input = await read();
  } catch (error) {
    const adapter = refusing(options?.adapter, error, method) as A;
    const stand = { method: method ?? STAND_IN_METHOD, headers: {}, body: '' };
    return handleWebhook(stand, { ...options, adapter });
  }
  return handleWebhook(input, options);
}
