/**
 * From what an adapter's `parse` returned to the event `parseEvent` hands out: provider, dedupe
 * key, digest, times, retention and `meta`, filled in uniformly. One copy of the parsed object,
 * then plain assignments, which keep the member order the event always had (the parsed members
 * first, then the ones filled in, in this order).
 *
 * Adapters made by `createAdapter` register a completion here: `parseEvent` then builds the
 * event straight from the parse result and the verification, instead of copying it once per
 * step (digest, verification facts, completion).
 */
import { canonicalHash, type ParseScope } from '../canonical-memo';
import { ConfigurationError } from '../errors';
import type { ParsedEvent, RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { DIGEST_PREFIX, deliveryDigest, isStorableDigest } from '../payload-digest';
import { requireValidDate } from './timestamps';
import type { Verification } from './verifier';

/** A digest no store could hold is the adapter's bug. */
function checkedDigest(provider: string, digest: string): string {
  if (isStorableDigest(digest)) return digest;
  throw new ConfigurationError(
    'CONFIG_INVALID',
    `${provider}: the adapter returned a digest that is not 1-128 printable ASCII characters.`,
    { details: { option: 'digest' } },
  );
}

/**
 * The verification's facts for `meta` (`keyIndex`, `signedAt`, `tenant`), or undefined when
 * none.
 */
export function verificationFacts(verified: Verification): Record<string, unknown> | undefined {
  const { keyIndex, signedAt, tenant } = verified;
  if (keyIndex === undefined && signedAt === undefined && tenant === undefined) return undefined;
  const facts: Record<string, unknown> = {};
  if (keyIndex !== undefined) facts.keyIndex = keyIndex;
  if (signedAt !== undefined) facts.signedAt = signedAt;
  if (tenant !== undefined) facts.tenant = tenant;
  return facts;
}

/**
 * Parse results `merged` made from a verification that named a tenant, and that tenant: a
 * wrapper of a kit adapter (its `parse` called without the kit's completion) keeps the
 * namespace. Only a verification names one: an adapter's own `meta.tenant` is its data, never
 * a key (its keys would change on upgrade, or per attempt if it came from a header).
 */
const mergedTenants = new WeakMap<object, string>();

/** The tenant that namespaces the dedupe key: the one a `secrets` resolver named. */
function tenantOf(parsed: ParsedEvent<WebhookEvent>, kit: KitFindings | undefined) {
  return kit === undefined ? mergedTenants.get(parsed) : kit.verified.tenant;
}

/**
 * A copy of `source`'s own enumerable members, as `{ ...source }` makes it. `Object.assign`
 * into a fresh object is the same copy, and the object it makes takes further members without
 * the slow transitions V8 gives a spread's clone (1.3 µs against 70 ns for the event); only an
 * own `__proto__` member needs the spread, which defines it where assignment would set the
 * prototype.
 */
function ownCopy(source: object): Record<string, unknown> {
  return Object.hasOwn(source, '__proto__')
    ? { ...source }
    : (Object.assign({}, source) as Record<string, unknown>);
}

/** What `createAdapter` found besides the parse result. */
export interface KitFindings {
  verified: Verification;
  /** The digest of the body `json()` parsed, when `parse` used it. */
  jsonDigest: string | undefined;
}

/**
 * The event for `parsed`. `kit` is set for adapters made by `createAdapter`: its JSON digest
 * (trusted, it is ours) and verification facts go in first, as `adapter.parse` would return them.
 */
export function completeEvent(
  adapter: WebhookAdapter<WebhookEvent>,
  parsed: ParsedEvent<WebhookEvent>,
  delivery: RawDelivery,
  kit?: KitFindings,
): WebhookEvent {
  const event = ownCopy(parsed);
  let digest = parsed.digest === undefined ? undefined : checkedDigest(adapter.name, parsed.digest);
  if (kit !== undefined) {
    if (digest === undefined && kit.jsonDigest !== undefined) {
      digest = kit.jsonDigest;
      event.digest = digest;
    }
    const facts = verificationFacts(kit.verified);
    if (facts !== undefined) {
      event.meta =
        parsed.meta === undefined || Object.hasOwn(parsed.meta, '__proto__')
          ? { ...facts, ...parsed.meta }
          : Object.assign(facts, parsed.meta);
    }
  }
  event.provider = adapter.name;
  // A tenant's keys (`name@tenant:id`) can never equal another's or an untenanted one: neither
  // a tenant nor an adapter name holds `@` or `:`, so the text before the first `:` tells
  // them apart.
  const tenant = tenantOf(parsed, kit);
  event.dedupeKey =
    tenant === undefined
      ? `${adapter.name}:${parsed.id}`
      : `${adapter.name}@${tenant}:${parsed.id}`;
  event.digest = digest ?? deliveryDigest(delivery.rawBody, adapter.digestExclude ?? []);
  event.occurredAt =
    parsed.occurredAt === undefined
      ? delivery.receivedAt
      : requireValidDate(parsed.occurredAt, { provider: adapter.name, path: 'occurredAt' });
  event.receivedAt = delivery.receivedAt;
  event.retentionMs = adapter.retentionMs;
  event.meta = event.meta ?? {};
  return event as unknown as WebhookEvent;
}

/** What `parse` returned, and what `createAdapter` found along the way. */
export interface ParseResult<E extends WebhookEvent> {
  parsed: ParsedEvent<E>;
  verified: Verification;
  /** Holds the body `json()` parsed, with its canonical text. */
  scope: ParseScope;
}

/** `adapter.parse`'s answer: the digest and the verification's facts merged in. */
export function merged<E extends WebhookEvent>({
  parsed,
  verified,
  scope,
}: ParseResult<E>): ParsedEvent<E> {
  const facts = verificationFacts(verified);
  const digest = parsed.digest === undefined ? jsonDigest(scope) : undefined;
  if (digest === undefined && facts === undefined) return parsed;
  const result = {
    ...parsed,
    ...(digest === undefined ? {} : { digest }),
    ...(facts === undefined ? {} : { meta: { ...facts, ...parsed.meta } }),
  } as ParsedEvent<E>;
  if (verified.tenant !== undefined) mergedTenants.set(result, verified.tenant);
  return result;
}

/** The digest of the body `json()` parsed, when it did. */
export function jsonDigest(scope: ParseScope): string | undefined {
  if (scope.signed !== undefined) return scope.signed.digest;
  return scope.body === undefined ? undefined : DIGEST_PREFIX + canonicalHash(scope.body);
}

/** Verify, parse and complete one delivery in one go (sync when verifier and parse are). */
export type Completion = (delivery: RawDelivery) => WebhookEvent | Promise<WebhookEvent>;

const completions = new WeakMap<object, { parse: unknown; complete: Completion }>();

/** Register the completion of an adapter made by `createAdapter`. */
export function registerCompletion(adapter: WebhookAdapter, complete: Completion): void {
  completions.set(adapter, { parse: adapter.parse, complete });
}

/**
 * The registered completion of `adapter`, unless its `parse` was replaced since (then the
 * adapter is completed like any other, from what its `parse` returns).
 */
export function completionOf(adapter: WebhookAdapter): Completion | undefined {
  const found = completions.get(adapter);
  return found !== undefined && found.parse === adapter.parse ? found.complete : undefined;
}
