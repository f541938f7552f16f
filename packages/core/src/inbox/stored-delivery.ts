/**
 * What the receiver keeps of a delivery: the raw bytes, the method, the headers the adapter
 * needs to verify it again, when it arrived and which key verified it. Connection-level and
 * cookie headers are never kept: they are not part of any webhook scheme and may carry session
 * secrets. Credential headers (`authorization`) are kept by default, because adapters that
 * authenticate with basic auth or a bearer token verify them again in the worker; treat the
 * inbox table like the secret store it then is, or keep fewer headers with `keepHeader`.
 */
import type { RawDelivery, WebhookEvent } from '../event';
import { MAX_INBOX_TYPE_LENGTH } from './checks';
import type { InboxDelivery, InboxErrorInfo } from './types';

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

/** The headers to keep: all but {@link DROPPED_HEADERS}, then only those `keep` accepts. */
export function keptHeaders(
  headers: Readonly<Record<string, string>>,
  keep: KeepHeader | undefined,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (DROPPED_HEADERS.has(name)) continue;
    if (keep && keep(name) !== true) continue;
    kept[name] = value;
  }
  return kept;
}

/** The verifying key's index from `event.meta.keyIndex`, when an adapter reported one. */
function keyIndexOf(event: WebhookEvent): number | undefined {
  const index = event.meta?.keyIndex;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}

/** The failing paths an `'envelope'` schema policy left in `meta.schemaIssues`, if any. */
export function schemaIssuePaths(event: WebhookEvent): string[] | undefined {
  if (event.validated !== false) return undefined;
  const issues = event.meta?.schemaIssues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  return issues.map((issue) => String((issue as { path?: unknown })?.path ?? '(root)'));
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
  event: WebhookEvent,
  raw: RawDelivery,
  keep: KeepHeader | undefined,
  deadLetter?: InboxErrorInfo,
): InboxDelivery {
  const keyIndex = keyIndexOf(event);
  return {
    key: event.dedupeKey,
    provider: event.provider,
    type: String(event.type).slice(0, MAX_INBOX_TYPE_LENGTH),
    method: raw.method,
    headers: keptHeaders(raw.headers, keep),
    body: raw.rawBody,
    receivedAt: raw.receivedAt,
    ...(keyIndex === undefined ? {} : { keyIndex }),
    ...(event.digest === undefined ? {} : { digest: event.digest }),
    ...(deadLetter === undefined ? {} : { deadLetter }),
  };
}
