/** The `GithubEvent` union: one member per typed event type, plus the documented untyped ones. */
import type { WebhookEvent } from '@hooklatch/core';
import type { GithubEnvelope } from './envelope';
import type {
  GithubPayloads,
  GithubTypedEventType,
  GithubUntypedEventType,
} from './generated/schemas';

/** A typed GitHub event: `type` is `event` or `event.action`, `payload` its generated type. */
export type TypedGithubEvent = {
  [K in GithubTypedEventType]: WebhookEvent<K, GithubPayloads[K]>;
}[GithubTypedEventType];

/**
 * An event without a generated schema: verified, and validated with the envelope only.
 *
 * Its `type` is a literal union of every other event GitHub's OpenAPI documents, so that
 * `event.type === 'push'` narrows `payload` (a plain `string` member would swallow every typed
 * member). An event type newer than the generated file still parses at runtime with this shape;
 * compare such names with `(event.type as string) === 'new_event'`.
 */
export type UntypedGithubEvent = WebhookEvent<GithubUntypedEventType, GithubEnvelope>;

/** Every event the `github()` adapter produces. */
export type GithubEvent = TypedGithubEvent | UntypedGithubEvent;
