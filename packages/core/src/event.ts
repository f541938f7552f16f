/** The normalized event every adapter produces, and the adapter contract that produces it. */
import type { FingerprintInput } from './fingerprint';

/** Where an event's `id` came from. */
export type IdSource = 'event' | 'delivery' | 'fingerprint';

/**
 * A verified, validated, normalized webhook event.
 *
 * `dedupeKey` is what gets claimed in the store: namespaced by provider (`stripe:evt_123`) and
 * identical on every re-delivery of the same event.
 */
export interface WebhookEvent<Type extends string = string, Payload = unknown> {
  /** Adapter name, e.g. `stripe`. */
  readonly provider: string;
  /** Provider event type, e.g. `payment_intent.succeeded`. */
  readonly type: Type;
  /** The provider's event ID, its delivery ID, or an `fp1:` fingerprint (see `idSource`). */
  readonly id: string;
  /** Which of the three `id` is. */
  readonly idSource: IdSource;
  /** `${provider}:${id}`; stable across re-deliveries; the key claimed in the dedupe store. */
  readonly dedupeKey: string;
  /** The business object the event is about (order ID, repository#number...), when known. */
  readonly subject?: string;
  /** When the provider says the event happened. Falls back to `receivedAt` when it does not say. */
  readonly occurredAt: Date;
  /** When this delivery reached us (or the time passed as `receivedAt` for queued work). */
  readonly receivedAt: Date;
  /** The provider's per-delivery ID, when it sends one. */
  readonly deliveryId?: string;
  /** The provider's attempt counter, when it sends one (1 = first delivery). */
  readonly attempt?: number;
  /** How long the provider may keep re-delivering, in ms: the default dedupe retention. */
  readonly retentionMs?: number;
  /** Provider facts that do not fit the common fields (API version, livemode, hook ID...). */
  readonly meta: Readonly<Record<string, unknown>>;
  /** The parsed, schema-validated payload. */
  readonly payload: Payload;
  /**
   * Whether `payload` passed the full schema the adapter has for this `type`. `false` when only
   * the envelope was checked (schemaPolicy `'envelope'` after a mismatch, or `validatePayloads:
   * false`): `payload` is then typed as the envelope, so code that narrows on `type` must check
   * `validated === true` before it can read typed fields. Undefined when the adapter has no
   * typed schemas to apply.
   */
  readonly validated?: boolean;
  /**
   * What the body says, minus the fields the adapter declares in `digestExclude` (ones a
   * provider legitimately changes between attempts). `sha256:` + hex SHA-256 of the canonical
   * JSON payload (the default), or, for adapters whose verifier signs the exact bytes
   * (`digestOf: 'signed-body'`), `sha256-body:` + hex SHA-256 of the body as received. Stored
   * with the claim: a later delivery under the same key with another digest of the same scheme
   * (the text before the first `:`) is a `mismatch`; digests of two schemes are compared by key
   * only. Filled in by `parseEvent`; hand-built events may leave it out (no mismatch check).
   */
  readonly digest?: string;
}

/** A delivery as it arrived: method, lower-cased headers and the untouched body bytes. */
export interface RawDelivery {
  /** Upper-case HTTP method, `POST` when unknown. */
  readonly method: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes the sender signed. */
  readonly rawBody: Uint8Array;
  /** When the delivery was received. */
  readonly receivedAt: Date;
}

/**
 * What an adapter returns from `parse`: the event minus the fields `parseEvent` fills in
 * uniformly (`provider`, `dedupeKey`, `receivedAt`, `retentionMs`).
 */
export type ParsedEvent<E extends WebhookEvent = WebhookEvent> = E extends WebhookEvent
  ? Omit<E, 'provider' | 'dedupeKey' | 'receivedAt' | 'retentionMs' | 'meta' | 'occurredAt'> & {
      readonly occurredAt?: Date;
      readonly meta?: Readonly<Record<string, unknown>>;
    }
  : never;

/**
 * The adapter contract. An adapter turns one raw delivery into one event, or throws a
 * `HooklatchError`. It must verify before it parses, and must never put a secret in an error.
 *
 * @typeParam E - the event union the adapter produces; `parseEvent` returns it.
 */
export interface WebhookAdapter<E extends WebhookEvent = WebhookEvent> {
  /** Short provider name; prefixes every dedupe key (`stripe`, `github`...). */
  readonly name: string;
  /**
   * How long the provider keeps retrying one event, in ms. Used as the default TTL of a
   * completed dedupe record, so a late retry still finds it.
   */
  readonly retentionMs: number;
  /**
   * HTTP methods the provider delivers with; anything else is refused with METHOD_NOT_ALLOWED
   * before any verification.
   * @default ['POST']
   */
  readonly methods?: readonly string[];
  /**
   * Payload paths (dot-separated) left out of `event.digest` because the provider changes them
   * between attempts of one event (Stripe's `pending_webhooks`, for one). A real retry must never
   * read as a mismatch.
   * @default []
   */
  readonly digestExclude?: readonly string[];
  /** Verify and normalize one delivery. May be sync or async. */
  parse(delivery: RawDelivery): ParsedEvent<E> | Promise<ParsedEvent<E>>;
  /**
   * The other half of verification: a delivery of `body` authenticated exactly as the provider
   * would send it, with the adapter's configured secret (or `options.secret`). Test builders,
   * `hooklatch storm` and the conformance suites use it. Every adapter made by `createAdapter`
   * has one (a `verify: false` adapter adds no auth headers); a public-key scheme configured
   * with public keys only needs `options.secret` (the private key).
   */
  sign?(body: string | Uint8Array, options?: SignOptions): SignedDelivery;
  /**
   * What went into an ID-less event's fingerprint (`idSource: 'fingerprint'`), so tooling such
   * as `hooklatch explain` can show why two deliveries share a key. Undefined for events with a
   * provider or delivery ID.
   */
  fingerprintInput?(event: E): FingerprintInput | undefined;
}

/** Options of an adapter's `sign`. */
export interface SignOptions {
  /** The signing time, for schemes that sign a timestamp. @default new Date() */
  readonly timestamp?: Date | undefined;
  /** Which configured secret or key to sign with (see `event.meta.keyIndex`). @default 0 */
  readonly keyIndex?: number | undefined;
  /** Sign with this secret instead (required when `secrets` is a resolver). */
  readonly secret?: string | Uint8Array | undefined;
  /** The delivery's other headers (event type, delivery ID...); kept, names lower-cased. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** @default the adapter's first method, 'POST' */
  readonly method?: string | undefined;
}

/** A delivery an adapter signed: pass it to `parseEvent` as is, or send it over HTTP. */
export interface SignedDelivery {
  readonly method: string;
  /** `options.headers` plus the auth headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, exactly as given to `sign`. */
  readonly body: string | Uint8Array;
}

/** The event type an adapter produces. */
export type EventOf<A> = A extends WebhookAdapter<infer E> ? E : never;
