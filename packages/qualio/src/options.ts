/** Options of the `qualio()` adapter and its documented defaults. */
import type {
  JsonLimitOptions,
  OptionKeys,
  SchemaPolicy,
  SchemaPolicyOptions,
} from '@hooklatch/core/kit';
import type { QualioAuth } from './auth';

/** Default provider name and dedupe-key prefix. */
export const QUALIO_DEFAULT_NAME = 'qualio';

/**
 * Seven days. Qualio publishes no retry schedule, so this is deliberately longer than the
 * three days most senders retry for, and covers a manual re-send after a long outage. Keeping a
 * key longer costs only storage: a fingerprint contains the event's own timestamp, so an old key
 * can never swallow a later, different event.
 */
export const QUALIO_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The header whose value, when present, is the delivery's ID. */
export const QUALIO_DELIVERY_ID_HEADER = 'X-Qualio-Delivery-Id';

/**
 * Body fields that may differ between two attempts of the same delivery: the time this attempt
 * was sent and the attempt counter. Neither is in the modelled body; they are listed because
 * relays and integration tools commonly add exactly these, and a field that changes on every
 * attempt would give each retry its own fingerprint.
 */
export const QUALIO_VOLATILE_FIELDS: readonly string[] = Object.freeze(['sentAt', 'attempt']);

/**
 * Options of {@link qualio}. Give `auth`, or `verify: false` to skip verification on purpose.
 * Every option is checked when the adapter is created (CONFIG_INVALID naming it).
 *
 * @typeParam P - `schemaPolicy` as written, so the events are typed for it; a plain
 * `QualioOptions` value types its events for both policies
 */
export interface QualioOptions<P extends SchemaPolicy = SchemaPolicy>
  extends JsonLimitOptions,
    SchemaPolicyOptions<P> {
  /**
   * How deliveries authenticate: one scheme, or a list of which any one passing is enough
   * (e.g. while moving from basic auth to HMAC). Required unless `verify: false`.
   * @default undefined (CONFIG_INVALID unless `verify: false`)
   */
  auth?: QualioAuth | readonly QualioAuth[];
  /**
   * `false` accepts unauthenticated deliveries on purpose (a private network, a local test).
   * There is no silent default: without `auth` or this, the adapter throws CONFIG_INVALID.
   * @default undefined
   */
  verify?: false;
  /**
   * Provider name: prefixes every dedupe key and is part of every fingerprint, so two Qualio
   * tenants sharing a store never collide. Changing it changes every key.
   * @default 'qualio'
   */
  name?: string;
  /**
   * How long completed events are remembered, in ms (the dedupe TTL).
   * @default 604_800_000 (7 days)
   */
  retentionMs?: number;
  /**
   * Dot paths (`*` for any key) left out of the fingerprint's payload hash and of
   * `event.digest`: fields that change between attempts of one delivery. Replaces the default;
   * spread `QUALIO_VOLATILE_FIELDS` to extend it.
   * @default ['sentAt', 'attempt']
   */
  volatileFields?: readonly string[];
  /**
   * The header carrying a per-delivery ID; when present it is the event ID (`idSource:
   * 'delivery'`). `false` ignores it, so every delivery is fingerprinted.
   * @default 'X-Qualio-Delivery-Id'
   */
  deliveryIdHeader?: string | false;
  /**
   * Subject fields of record families this package does not know, by family (`{ audit:
   * 'auditRef' }`). A family missing here uses `<family>Id`. Built-in families cannot be
   * remapped (CONFIG_INVALID), because their payload types name their field.
   * @default {}
   */
  subjectFields?: Readonly<Record<string, string>>;
}

/**
 * Every `qualio()` option, so a mistyped one is refused (the type keeps this list complete). The
 * keys inside each `auth` entry are checked per scheme by the kit.
 */
export const QUALIO_OPTION_KEYS: OptionKeys<QualioOptions> = {
  auth: true,
  verify: true,
  name: true,
  retentionMs: true,
  volatileFields: true,
  deliveryIdHeader: true,
  subjectFields: true,
  schemaPolicy: true,
  maxDepth: true,
};
