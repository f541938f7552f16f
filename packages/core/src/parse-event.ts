/** `parseEvent`: the one entry point from a raw request to a verified, normalized event. */
import { ConfigurationError, PayloadError } from './errors';
import type { EventOf, ParsedEvent, RawDelivery, WebhookAdapter, WebhookEvent } from './event';
import { completeEvent, completionOf } from './kit/complete-event';
import { isThenable } from './kit/secrets';
import { tracedParse } from './observe/observed-parse';
import { subscribed } from './observe/tracing';
import {
  type DeliveryInput,
  decodedTextError,
  hasDecodedText,
  type ReadDeliveryOptions,
  readDeliveryNow,
} from './read-delivery';

/** Options of {@link parseEvent}. */
export interface ParseEventOptions extends ReadDeliveryOptions {}

/**
 * Verify and normalize one delivery with `adapter`.
 *
 * Works in any handler: pass a Web `Request`, a Node `IncomingMessage` whose body has not been
 * read, or `{ headers, body }` with the raw body. Throws a `HooklatchError` (with `httpStatus`)
 * for anything that is not an authentic, well-formed event (an `occurredAt` outside the Date
 * range included: PAYLOAD_INVALID).
 *
 * `event.digest` is the adapter's when it computed one (for a `createAdapter` adapter whose
 * `parse` used `json()`: `sha256-body:` of the signed bytes under `digestOf: 'signed-body'` and
 * a verifier, unless an excluded member cannot be cut out of them for certain; else `sha256:` of
 * the canonical JSON), else the `sha256:` digest of the body's canonical JSON minus
 * `adapter.digestExclude` (the raw bytes' when the body is not JSON).
 *
 * @example
 * const event = await parseEvent(stripe({ secret }), request);
 */
export function parseEvent<A extends WebhookAdapter<WebhookEvent>>(
  adapter: A,
  input: DeliveryInput,
  options: ParseEventOptions = {},
): Promise<EventOf<A>> {
  // Traced on `hooklatch:parse` when someone listens (see docs/observability.md). Not an async
  // function, and no closure when nobody listens: parseUntraced's promise is handed out as it
  // is (it rejects for every failure), without the turns an async return takes to adopt it.
  try {
    if (subscribed('parse') === undefined) return parseUntraced(adapter, input, options);
    return tracedParse(adapter, () => parseUntraced(adapter, input, options));
  } catch (error) {
    return Promise.reject(error);
  }
}

function checkAdapter(adapter: unknown): asserts adapter is WebhookAdapter<WebhookEvent> {
  const candidate = adapter as Partial<WebhookAdapter> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.name !== 'string' ||
    typeof candidate.parse !== 'function'
  ) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'parseEvent: `adapter` must be an adapter (an object with `name` and `parse`).',
      { details: { option: 'adapter' } },
    );
  }
}

/**
 * `parseEvent` without its `hooklatch:parse` trace, for callers inside core that trace a larger
 * step themselves (the inbox receiver traces reading the body too).
 *
 * Not an async function: a delivery that is already in memory and a synchronous adapter are
 * parsed without waiting on the microtask queue, and every failure is still a rejection.
 */
export function parseUntraced<A extends WebhookAdapter<WebhookEvent>>(
  adapter: A,
  input: DeliveryInput,
  options: ParseEventOptions,
): Promise<EventOf<A>> {
  try {
    checkAdapter(adapter);
    const delivery = readDeliveryNow(input, options);
    const event = isThenable<RawDelivery>(delivery)
      ? Promise.resolve(delivery).then((read) => parseDelivery(adapter, read))
      : parseDelivery(adapter, delivery);
    return Promise.resolve(event) as Promise<EventOf<A>>;
  } catch (error) {
    return Promise.reject(error);
  }
}

function parseDelivery(
  adapter: WebhookAdapter<WebhookEvent>,
  delivery: RawDelivery,
): WebhookEvent | Promise<WebhookEvent> {
  if (!hasDecodedText(delivery)) return parseChecked(adapter, delivery);
  // Text a body parser decoded: a signature that fails over it is the receiver's setup.
  const explain = (error: unknown): never => {
    throw decodedTextError(delivery, error) ?? error;
  };
  try {
    const event = parseChecked(adapter, delivery);
    return isThenable<WebhookEvent>(event) ? Promise.resolve(event).catch(explain) : event;
  } catch (error) {
    return explain(error);
  }
}

function parseChecked(
  adapter: WebhookAdapter<WebhookEvent>,
  delivery: RawDelivery,
): WebhookEvent | Promise<WebhookEvent> {
  const methods = adapter.methods ?? ['POST'];
  if (!methods.includes(delivery.method)) {
    // The method is the sender's text: named only when it looks like one.
    const method = /^[A-Z]{1,16}$/.test(delivery.method) ? delivery.method : 'another method';
    throw new PayloadError(
      'METHOD_NOT_ALLOWED',
      `${adapter.name} delivers with ${methods.join(' or ')}, not ${method}.`,
      { details: { method, allowed: methods } },
    );
  }
  // Adapters made by createAdapter build the event in one go.
  const complete = completionOf(adapter);
  if (complete !== undefined) return complete(delivery);
  const parsed = adapter.parse(delivery);
  return isThenable<ParsedEvent<WebhookEvent>>(parsed)
    ? Promise.resolve(parsed).then((found) => completeEvent(adapter, found, delivery))
    : completeEvent(adapter, parsed, delivery);
}
