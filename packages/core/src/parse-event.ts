/** `parseEvent`: the one entry point from a raw request to a verified, normalized event. */
import { PayloadError } from './errors';
import type { EventOf, WebhookAdapter, WebhookEvent } from './event';
import { type DeliveryInput, type ReadDeliveryOptions, readDelivery } from './read-delivery';

/** Options of {@link parseEvent}. */
export interface ParseEventOptions extends ReadDeliveryOptions {}

/**
 * Verify and normalize one delivery with `adapter`.
 *
 * Works in any handler: pass a Web `Request`, a Node `IncomingMessage` whose body has not been
 * read, or `{ headers, body }` with the raw body. Throws a `HooklatchError` (with `httpStatus`)
 * for anything that is not an authentic, well-formed event.
 *
 * @example
 * const event = await parseEvent(stripe({ secret }), request);
 */
export async function parseEvent<A extends WebhookAdapter<WebhookEvent>>(
  adapter: A,
  input: DeliveryInput,
  options: ParseEventOptions = {},
): Promise<EventOf<A>> {
  const delivery = await readDelivery(input, options);
  const methods = adapter.methods ?? ['POST'];
  if (!methods.includes(delivery.method)) {
    throw new PayloadError(
      'METHOD_NOT_ALLOWED',
      `${adapter.name} delivers with ${methods.join(' or ')}, not ${delivery.method}.`,
      { details: { method: delivery.method, allowed: methods } },
    );
  }
  const parsed = await adapter.parse(delivery);
  const event: WebhookEvent = {
    ...parsed,
    provider: adapter.name,
    dedupeKey: `${adapter.name}:${parsed.id}`,
    occurredAt: parsed.occurredAt ?? delivery.receivedAt,
    receivedAt: delivery.receivedAt,
    retentionMs: adapter.retentionMs,
    meta: parsed.meta ?? {},
  };
  return event as EventOf<A>;
}
