/** The `GithubEvent` union: one member per typed event type, plus a fallback for the others. */
import type { WebhookEvent } from '@hooklatch/core';
import type { GithubEnvelope } from './envelope';
import type { GithubPayloads, GithubTypedEventType } from './generated/schemas';

declare const untypedBrand: unique symbol;

/**
 * The `type` of an event without a generated schema. It is a plain string at runtime; the brand
 * only keeps it from swallowing the typed members, so `event.type === 'push'` still narrows
 * `payload`. Compare an untyped name with `(event.type as string) === 'deployment'`.
 */
export type UntypedGithubEventType = string & { readonly [untypedBrand]: true };

/** A typed GitHub event: `type` is `event` or `event.action`, `payload` its generated type. */
export type TypedGithubEvent = {
  [K in GithubTypedEventType]: WebhookEvent<K, GithubPayloads[K]>;
}[GithubTypedEventType];

/** An event hooklatch has no schema for: verified, and parsed with the envelope only. */
export type UntypedGithubEvent = WebhookEvent<UntypedGithubEventType, GithubEnvelope>;

/** Every event the `github()` adapter produces. */
export type GithubEvent = TypedGithubEvent | UntypedGithubEvent;

