/**
 * What the receiver keeps of a delivery: the raw bytes, the method, the headers the adapter
 * needs to verify it again, when it arrived and which key verified it. Connection-level and
 * cookie headers are never kept: they are not part of any webhook scheme and may carry session
 * secrets. Credential headers (`authorization`) are kept by default, because adapters that
 * authenticate with basic auth or a bearer token verify them again in the worker; treat the
 * inbox table like the secret store it then is, or keep fewer headers with `keepHeader`.
 */
import { ConfigurationError, isHooklatchError } from '../errors';
import type { RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { schemaMismatchIdentity } from '../kit/schema-mismatch';
import { deliveryDigest, isStorableDigest } from '../payload-digest';
import { MAX_INBOX_TYPE_LENGTH } from './checks';
import type { InboxDelivery, InboxErrorInfo } from './types';

/** What the inbox keeps of an event (a parsed one, or a {@link RefusedEvent}). */
export type KeptEvent = Pick<WebhookEvent, 'dedupeKey' | 'provider' | 'type' | 'digest' | 'meta'>;

/** An authentic delivery its typed schema refused, known by the identity its error carries. */
export type RefusedEvent = KeptEvent &
  Pick<WebhookEvent, 'id' | 'idSource'> & {
    /** The failing JSON paths (never the values). */
    paths: string[];
  };

/** Headers no inbox keeps. */
export const DROPPED_HEADERS: ReadonlySet<string> = new Set([
  'cookie',
  'proxy-authorization',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  'host',
]);

/** Decides whether a (lower-case) header is kept. */
export type KeepHeader = (name: string) => boolean;

/**
 * The headers to keep: all but {@link DROPPED_HEADERS}, then only those `keep` accepts. An
 * answer other than `true` or `false` (a promise, from an async function) is CONFIG_INVALID:
 * read as "no", it would drop every header and store a delivery no worker can verify.
 */
export function keptHeaders(
  headers: Readonly<Record<string, string>>,
  keep: KeepHeader | undefined,
): Record<string, string> {
  return headersKept(headers, keep).headers;
}

/**
 * `keptHeaders`, and whether `keep` left out a header the default would have kept (then the
 * receiver checks that the delivery still verifies from what is kept).
 */
export function headersKept(
  headers: Readonly<Record<string, string>>,
  keep: KeepHeader | undefined,
): { headers: Record<string, string>; leftOut: boolean } {
  const kept: Record<string, string> = {};
  let leftOut = false;
  for (const [name, value] of Object.entries(headers)) {
    if (DROPPED_HEADERS.has(name)) continue;
    if (keep) {
      const answer: unknown = keep(name);
      if (answer !== true && answer !== false) {
        throw new ConfigurationError(
          'CONFIG_INVALID',
          'inboxReceiver: `keepHeader` must return true or false (synchronously).',
          { details: { option: 'keepHeader' } },
        );
      }
      if (!answer) {
        leftOut = true;
        continue;
      }
    }
    kept[name] = value;
  }
  return { headers: kept, leftOut };
}

/** The verifying key's index from `event.meta.keyIndex`, when an adapter reported one. */
function keyIndexOf(event: KeptEvent): number | undefined {
  const index = event.meta?.keyIndex;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}

/** The failing paths an `'envelope'` schema policy left in `meta.schemaIssues`, if any. */
export function schemaIssuePaths(event: WebhookEvent): string[] | undefined {
  if (event.validated !== false) return undefined;
  const issues = event.meta?.schemaIssues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  return pathsOf(issues);
}

function pathsOf(issues: readonly unknown[]): string[] {
  return issues.map((issue) => String((issue as { path?: unknown })?.path ?? '(root)'));
}

/** The failing paths of a PAYLOAD_SCHEMA_MISMATCH error, or `undefined` for another error. */
export function mismatchPaths(error: unknown): string[] | undefined {
  if (!isHooklatchError(error) || error.code !== 'PAYLOAD_SCHEMA_MISMATCH') return undefined;
  const issues = error.details.issues;
  return Array.isArray(issues) && issues.length > 0 ? pathsOf(issues) : ['(root)'];
}

/**
 * The event a PAYLOAD_SCHEMA_MISMATCH thrown under `schemaPolicy: 'reject'` names (an adapter
 * built with `createAdapter` adds the identity), or `undefined`. Its digest is the one
 * `parseEvent` would have computed.
 */
export function refusedEvent(
  adapter: WebhookAdapter<WebhookEvent>,
  error: unknown,
  rawBody: Uint8Array,
): RefusedEvent | undefined {
  const identity = schemaMismatchIdentity(error);
  if (identity === undefined) return undefined;
  let digest = identity.digest;
  if (!isStorableDigest(digest)) digest = deliveryDigest(rawBody, adapter.digestExclude ?? []);
  return {
    id: identity.id,
    idSource: identity.idSource,
    type: identity.type,
    provider: adapter.name,
    dedupeKey: `${adapter.name}:${identity.id}`,
    digest,
    meta: identity.keyIndex === undefined ? {} : { keyIndex: identity.keyIndex },
    paths: mismatchPaths(error) ?? ['(root)'],
  };
}

/** The dead-letter error of a payload its typed schema refused: paths only, never values. */
export function schemaMismatchError(provider: string, paths: readonly string[]): InboxErrorInfo {
  const listed = paths.slice(0, 20).join(', ');
  const more = paths.length > 20 ? ` and ${paths.length - 20} more` : '';
  return {
    code: 'PAYLOAD_SCHEMA_MISMATCH',
    message:
      `The ${provider} payload does not match its typed schema at ${listed}${more}. Update the schema, then replay.`.slice(
        0,
        1_024,
      ),
  };
}

/** The inbox delivery for a parsed event and the raw delivery it came from. */
export function inboxDelivery(
  event: KeptEvent,
  raw: RawDelivery,
  headers: Record<string, string>,
  deadLetter?: InboxErrorInfo,
): InboxDelivery {
  const keyIndex = keyIndexOf(event);
  return {
    key: event.dedupeKey,
    provider: event.provider,
    type: String(event.type).slice(0, MAX_INBOX_TYPE_LENGTH),
    method: raw.method,
    headers,
    body: raw.rawBody,
    receivedAt: raw.receivedAt,
    ...(keyIndex === undefined ? {} : { keyIndex }),
    ...(event.digest === undefined ? {} : { digest: event.digest }),
    ...(deadLetter === undefined ? {} : { deadLetter }),
  };
}
