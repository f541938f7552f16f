/** Options of the `creatio()` adapter and their documented defaults. */
import type { JsonLimitOptions, OptionKeys } from '@hooklatch/core/kit';
import type { CreatioAuth } from './auth';

/** Default provider name and dedupe-key prefix. */
export const CREATIO_DEFAULT_NAME = 'creatio';

/**
 * Creatio has no built-in retry schedule: duplicates come from a sender that times out and calls
 * again, a middleware's retries, or an administrator re-running a failed process element, often
 * after a weekend. Three days covers that last, slowest case.
 */
export const CREATIO_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/** The HMAC header read when `auth` has `scheme: 'hmac'` without a `header`. */
export const CREATIO_SIGNATURE_HEADER = 'X-Creatio-Signature';

/**
 * Fields left out of the fingerprint by default: names commonly given to a "time of sending"
 * parameter, which a re-run of the same process element computes afresh.
 */
export const CREATIO_VOLATILE_FIELDS: readonly string[] = ['SentOn', 'SentAt'];

/** The event type of a body with neither `EventType` nor `Operation`. */
export const CREATIO_DEFAULT_TYPE = 'upsert';

/**
 * Options of {@link creatio}. Give `auth` (one scheme or several, any passing), or
 * `verify: false` to accept unauthenticated deliveries on purpose; neither is CONFIG_INVALID.
 * Every option is checked when the adapter is created (CONFIG_INVALID naming it).
 */
export interface CreatioOptions extends JsonLimitOptions {
  /**
   * How the sender proves itself: basic auth, a bearer token, or an HMAC header. Several may be
   * listed (any one passing is enough), e.g. the old and new password during a rotation.
   * @default undefined (required unless `verify: false`)
   */
  auth?: CreatioAuth | readonly CreatioAuth[];
  /**
   * `false` accepts deliveries without any check (a private network, a test). Giving it together
   * with `auth` is CONFIG_INVALID.
   * @default undefined
   */
  verify?: false;
  /**
   * Provider name, which prefixes every dedupe key. Give each Creatio instance its own name so
   * two instances' records can never collide in one store.
   * @default 'creatio'
   */
  name?: string;
  /**
   * How long a processed event is remembered, in ms (the dedupe TTL).
   * @default 259_200_000 (3 days)
   */
  retentionMs?: number;
  /**
   * The column that identifies the record in `subject` (`<entity>:<value>`). A string applies to
   * every entity; a record maps entity names to columns, and unlisted entities use `Id`. A
   * configured column missing from a body is PAYLOAD_INVALID, never a silent fallback.
   * @default 'Id'
   */
  subjectKey?: string | Readonly<Record<string, string>>;
  /**
   * Dot paths removed from the payload before it is hashed into the fingerprint and into
   * `event.digest`: values that change between re-deliveries of one event. `*` matches any key.
   * @default ['SentOn', 'SentAt']
   */
  volatileFields?: readonly string[];
  /**
   * A header carrying an ID the sender keeps the same on every retry of one event. When present
   * it is the event ID (`idSource: 'delivery'`) instead of a fingerprint.
   * `false` (like leaving it out) never reads one.
   * @default undefined (Creatio sends none)
   */
  deliveryIdHeader?: string | false;
  /**
   * Read a zone-less `ModifiedOn` (`2025-01-22T11:23:15`) as UTC. `false` rejects it with
   * PAYLOAD_INVALID. Dedupe is unaffected either way; only `occurredAt` can be off.
   * @default true
   */
  assumeUtc?: boolean;
  /**
   * Reject a body without `ModifiedOn` (PAYLOAD_INVALID). Without it, identical bodies for one
   * record collapse for the whole retention, not just within one second.
   * @default false
   */
  requireModifiedOn?: boolean;
  /**
   * The event type of a body with neither `EventType` nor `Operation`.
   * @default 'upsert'
   */
  defaultType?: string;
}

/**
 * Every `creatio()` option, so a mistyped one is refused (the type keeps this list complete).
 * The keys inside each `auth` entry are checked per scheme by the kit.
 */
export const CREATIO_OPTION_KEYS: OptionKeys<CreatioOptions> = {
  auth: true,
  verify: true,
  name: true,
  retentionMs: true,
  subjectKey: true,
  volatileFields: true,
  deliveryIdHeader: true,
  assumeUtc: true,
  requireModifiedOn: true,
  defaultType: true,
  maxDepth: true,
};
