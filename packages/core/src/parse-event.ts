/** `parseEvent`: the one entry point from a raw request to a verified, normalized event. */
import { ConfigurationError, PayloadError } from './errors';
import type { EventOf, WebhookAdapter, WebhookEvent } from './event';
import { requireValidDate } from './kit/timestamps';
import { tracedParse } from './observe/observed-parse';
import { deliveryDigest, isStorableDigest } from './payload-digest';
import { type DeliveryInput, type ReadDeliveryOptions, readDelivery } from './read-delivery';

/**
 * The adapter's own digest when it computed one (from the body it already parsed), else one
 * computed here from the raw body. A digest no store could hold is the adapter's bug.
 */
function eventDigest(
  adapter: WebhookAdapter<WebhookEvent>,
  digest: string | undefined,
  rawBody: Uint8Array,
): string {
  if (digest === undefined) return deliveryDigest(rawBody, adapter.digestExclude ?? []);
  if (!isStorableDigest(digest)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${adapter.name}: the adapter returned a digest that is not 1-128 printable ASCII characters.`,
      { details: { option: 'digest' } },
    );
  }
  return digest;
}

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
 * `event.digest` is the adapter's when it computed one, else the `sha256:` digest of the body's
 * canonical JSON minus `adapter.digestExclude` (the raw bytes' when the body is not JSON).
 *
 * @example
 * const event = await parseEvent(stripe({ secret }), request);
 */
export async function parseEvent<A extends WebhookAdapter<WebhookEvent>>(
  adapter: A,
  input: DeliveryInput,
  options: ParseEventOptions = {},
): Promise<EventOf<A>> {
  // Traced on `hooklatch:parse` when someone listens (see docs/observability.md).
  return tracedParse(adapter, () => parseUntraced(adapter, input, options));
}

async function parseUntraced<A extends WebhookAdapter<WebhookEvent>>(
  adapter: A,
  input: DeliveryInput,
  options: ParseEventOptions,
): Promise<EventOf<A>> {
  if (
    adapter === null ||
    typeof adapter !== 'object' ||
    typeof adapter.name !== 'string' ||
    typeof adapter.parse !== 'function'
  ) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'parseEvent: `adapter` must be an adapter (an object with `name` and `parse`).',
      { details: { option: 'adapter' } },
    );
  }
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
    digest: eventDigest(adapter, parsed.digest, delivery.rawBody),
    occurredAt:
      parsed.occurredAt === undefined
        ? delivery.receivedAt
        : requireValidDate(parsed.occurredAt, { provider: adapter.name, path: 'occurredAt' }),
    receivedAt: delivery.receivedAt,
    retentionMs: adapter.retentionMs,
    meta: parsed.meta ?? {},
  };
  return event as EventOf<A>;
}
