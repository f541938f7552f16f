/**
 * `hooklatch verify --provider NAME --secret-env VAR < capture`: does a captured delivery
 * verify with these secrets, and if not, why (which header, which code, the timestamp skew),
 * from the adapter's own verification. No secret is ever printed: only the variable names.
 */
import { isHooklatchError, parseEvent, type WebhookEvent } from '@hooklatch/core';
import { mismatchPaths, schemaIssuePaths, schemaMismatchIdentity } from '@hooklatch/core/kit';
import { parseCommand, positionalCount, timeArg } from '../args';
import { parseCapture } from '../capture';
import type { Command } from '../command';
import { type CliIo, EXIT, readBytesOf } from '../io';
import { printFields, printJson } from '../output';
import { checkProvider, loadAdapter, PROVIDER_NAMES, secretsFromEnv } from '../providers';
import { diagnoseBody, diagnoseStale } from '../verify-diagnose';

const OPTIONS = {
  provider: { type: 'string' },
  'secret-env': { type: 'string', multiple: true },
  scheme: { type: 'string' },
  'received-at': { type: 'string' },
} as const;

const SIGNATURE_CODES = new Set([
  'SIGNATURE_MISSING',
  'SIGNATURE_MALFORMED',
  'SIGNATURE_INVALID',
  'TIMESTAMP_OUT_OF_TOLERANCE',
]);

/** What `verify` found, as `--json` prints it. */
interface Report {
  verified: boolean;
  provider: string;
  receivedAt: Date;
  notes: string[];
  keyIndex?: number;
  secretEnv?: string;
  signedAt?: Date;
  skewSeconds?: number;
  event?: { id: string; type: string; dedupeKey: string };
  code?: string;
  header?: string;
  message?: string;
  toleranceSeconds?: number;
  diagnosis?: string;
  /** Authentic, but the payload does not fit the adapter's typed schema at these paths. */
  schemaIssues?: string[];
}

function success(report: Report, event: WebhookEvent, variables: readonly string[]): Report {
  const meta = (event.meta ?? {}) as { keyIndex?: unknown; signedAt?: unknown };
  report.verified = true;
  report.event = { id: event.id, type: event.type, dedupeKey: event.dedupeKey };
  if (typeof meta.keyIndex === 'number') {
    report.keyIndex = meta.keyIndex;
    const variable = variables[meta.keyIndex];
    if (variable !== undefined) report.secretEnv = variable;
  }
  if (meta.signedAt instanceof Date) {
    report.signedAt = meta.signedAt;
    report.skewSeconds = Math.round((report.receivedAt.getTime() - meta.signedAt.getTime()) / 1000);
  }
  const paths = schemaIssuePaths(event);
  if (paths !== undefined) report.schemaIssues = paths;
  return report;
}

/**
 * A PAYLOAD_SCHEMA_MISMATCH that names its event was verified first: the delivery is authentic,
 * only its payload does not fit the typed schema. Reported as verified, with the paths.
 */
function schemaRefused(report: Report, error: unknown, variables: readonly string[]): boolean {
  const identity = schemaMismatchIdentity(error);
  if (identity === undefined) return false;
  const meta = identity.keyIndex === undefined ? {} : { keyIndex: identity.keyIndex };
  const event = {
    id: identity.id,
    type: identity.type,
    dedupeKey: `${report.provider}:${identity.id}`,
    meta,
  } as unknown as WebhookEvent;
  success(report, event, variables);
  report.code = 'PAYLOAD_SCHEMA_MISMATCH';
  report.schemaIssues = mismatchPaths(error) ?? ['(root)'];
  return true;
}

function print(io: CliIo, r: Report, variables: readonly string[]): void {
  const skew =
    r.skewSeconds === undefined
      ? undefined
      : `${Math.abs(r.skewSeconds)} s ${r.skewSeconds >= 0 ? 'before' : 'after'} it was received${r.toleranceSeconds === undefined ? '' : ` (tolerance ${r.toleranceSeconds} s)`}`;
  if (r.verified) {
    io.out(`verified: the ${r.provider} delivery is authentic.`);
    printFields(io, [
      ['event', r.event && `${r.event.type} ${r.event.id}`],
      ['dedupe key', r.event?.dedupeKey],
      [
        'secret',
        r.keyIndex === undefined
          ? undefined
          : `keyIndex ${r.keyIndex} (${r.secretEnv ?? 'an auth entry'})`,
      ],
      ['signed', r.signedAt && `${r.signedAt.toISOString()}, ${skew}`],
      [
        'schema',
        r.schemaIssues &&
          `the payload does not fit the adapter's typed schema at ${r.schemaIssues.join(', ')}${r.code === undefined ? ' (kept as envelope-only)' : ` (${r.code}: processOnce answers 500 until the schema accepts it)`}`,
      ],
    ]);
  } else {
    const signature = r.code !== undefined && SIGNATURE_CODES.has(r.code);
    io.out(`not verified: ${r.code ?? 'refused'}${signature ? '' : ' (not a signature problem)'}.`);
    printFields(io, [
      ['reason', r.message],
      ['header', r.header],
      ['timestamp', skew],
      ['secrets', `${variables.length} tried, in keyIndex order: ${variables.join(', ')}`],
      ['diagnosis', r.diagnosis],
    ]);
  }
  for (const note of r.notes) io.out(`  note: ${note}`);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('verify', args, OPTIONS);
  positionalCount(
    'verify',
    positionals,
    0,
    1,
    'give at most one capture file (default: standard input)',
  );
  const provider = checkProvider('verify', values.provider);
  const variables = values['secret-env'] ?? [];
  const secrets = secretsFromEnv('verify', io, variables);
  const adapter = await loadAdapter('verify', provider, { secrets, scheme: values.scheme });
  const capture = parseCapture(await readBytesOf(io, positionals[0] ?? '-'));
  const given = values['received-at'];
  const receivedAt =
    given === undefined
      ? (capture.receivedAt ?? new Date())
      : given === 'now'
        ? new Date()
        : timeArg('verify', 'received-at', given, Date.now());
  const report: Report = { verified: false, provider, receivedAt, notes: capture.notes };
  try {
    const event = await parseEvent(
      adapter,
      { method: capture.method, headers: capture.headers, body: capture.body },
      { receivedAt },
    );
    success(report, event, variables);
  } catch (error) {
    if (!isHooklatchError(error)) throw error;
    if (schemaRefused(report, error, variables)) return finish(io, values.json, report, variables);
    const details = error.details as {
      header?: unknown;
      skewSeconds?: unknown;
      toleranceSeconds?: unknown;
    };
    report.code = error.code;
    report.message = error.message;
    if (typeof details.header === 'string') report.header = details.header.toLowerCase();
    if (typeof details.toleranceSeconds === 'number')
      report.toleranceSeconds = details.toleranceSeconds;
    if (typeof details.skewSeconds === 'number') {
      report.skewSeconds = details.skewSeconds;
      report.diagnosis = await diagnoseStale(adapter, capture, receivedAt, details.skewSeconds);
    } else if (error.code === 'SIGNATURE_INVALID') {
      report.diagnosis = await diagnoseBody(adapter, capture, receivedAt);
    } else if (error.code === 'SIGNATURE_MISSING') {
      const names = Object.keys(capture.headers);
      report.diagnosis = `the capture's headers: ${names.length === 0 ? '(none)' : names.join(', ')}.`;
    }
  }
  return finish(io, values.json, report, variables);
}

function finish(io: CliIo, json: unknown, report: Report, variables: readonly string[]): number {
  if (json) printJson(io, report);
  else print(io, report, variables);
  return report.verified ? EXIT.ok : EXIT.finding;
}

/** `hooklatch verify`. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'explain why a captured delivery does or does not verify',
  help: `hooklatch verify --provider NAME --secret-env VAR [--secret-env VAR2]... [--scheme S]
                 [--received-at TIME] [--json] [CAPTURE]

Verify one captured delivery with the provider's adapter and say what it found: the secret that
matched (keyIndex, in --secret-env order) and the signing time, or why it failed (the code, the
header, the timestamp skew, and what a changed body or a stale capture would explain). Secrets
are read from the named variables and never printed. Exit 0 verified, 1 not. An authentic
delivery whose payload does not fit the adapter's typed schema is verified, with the paths.
  --provider NAME      ${PROVIDER_NAMES.join(', ')}, or ./module.js#export
  --secret-env VAR     the variable holding a secret; repeat for rotation (keyIndex 0, 1, ...)
  --scheme S           for adapters with several auth schemes (qualio, creatio): hmac (default),
                       api-key, basic (secret user:password), bearer
  --received-at TIME   when it arrived, for the timestamp check: ISO date, an age (2h) or now
                       (default: the capture's receivedAt, else now)

CAPTURE (default: standard input) is either raw HTTP request text:
  POST /webhooks/stripe HTTP/1.1
  Stripe-Signature: t=1700000000,v1=...
  Content-Type: application/json
  (blank line)
  {"id":"evt_1",...}
or JSON: {"method":"POST","headers":{"stripe-signature":"..."},"body":"...",
          "bodyEncoding":"utf8|base64","receivedAt":"2025-03-01T10:00:00Z"}
The body must be the bytes as received: use base64 for a body that is not UTF-8 text.`,
  run,
};
