/**
 * Timestamped HMAC schemes: the signed content is `<timestamp><separator><raw body>`, so a
 * captured delivery cannot be replayed after the tolerance. Two layouts are common:
 * - one header `t=<unix>,v1=<sig>[,v1=<sig>]` (Stripe-style);
 * - a timestamp header plus a signature header (Slack-style, with a `v0:` content prefix).
 */
import { concatBytes, hmacSha256, utf8 } from '../crypto/index';
import { VerificationError } from '../errors';
import type { RawDelivery } from '../event';
import {
  checkSignatureCount,
  checkTimestamp,
  matchSignature,
  requireHeader,
  signatureInvalid,
} from '../verify';
import {
  checkSignatureFormat,
  decodeSignature,
  encodeSignature,
  type SignatureEncoding,
} from './hmac-header';
import { optionInvalid, stringOption, toleranceOption } from './options';
import { type SecretOptions, secretSource, withSecrets } from './secrets';
import { type ResolvedVerifier, type SignRequest, signedVerifier } from './verifier';

/** Options of {@link timestampedHmacVerifier}. */
export interface TimestampedHmacOptions extends SecretOptions {
  /** Provider name used in error messages. */
  provider: string;
  /** The header carrying the signature(s). */
  header: string;
  /**
   * A separate header carrying the Unix timestamp in seconds. When absent, `header` is read as
   * `t=<unix>,<signatureKey>=<sig>,...`.
   * @default undefined (single-header layout)
   */
  timestampHeader?: string;
  /** The element name of signatures in the single-header layout. @default 'v1' */
  signatureKey?: string;
  /** Text before the timestamp in the signed content, e.g. `v0:`. @default '' */
  contentPrefix?: string;
  /** Between the timestamp and the body in the signed content. @default '.' */
  separator?: string;
  /** How the digest is encoded. @default 'hex' */
  encoding?: SignatureEncoding;
  /** Text before the digest in the two-header layout, e.g. `v0=`. @default '' */
  prefix?: string;
  /** Allowed clock skew either way, in seconds; 0 disables the check. @default 300 */
  toleranceSeconds?: number;
}

/** What goes before the body in the signed content: `<contentPrefix><timestamp><separator>`. */
export function timestampedPrefix(
  timestamp: string,
  options: { contentPrefix?: string; separator?: string } = {},
): string {
  return `${options.contentPrefix ?? ''}${timestamp}${options.separator ?? '.'}`;
}

/**
 * The bytes a timestamped scheme signs. Exposed so test builders sign exactly the same way;
 * verifiers MAC `[timestampedPrefix(...), rawBody]` as parts instead, never copying the body.
 */
export function timestampedContent(
  timestamp: string,
  rawBody: Uint8Array,
  options: { contentPrefix?: string; separator?: string } = {},
): Uint8Array {
  return concatBytes(utf8(timestampedPrefix(timestamp, options)), rawBody);
}

function readSingleHeader(
  value: string,
  header: string,
  key: string,
): { timestamp: string; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const element of value.split(',')) {
    const eq = element.indexOf('=');
    if (eq <= 0) continue;
    const name = element.slice(0, eq).trim();
    const item = element.slice(eq + 1).trim();
    if (name === 't') timestamp = item;
    else if (name === key) signatures.push(item);
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `The ${header} header must contain t=<unix seconds> and at least one ${key}=<signature>.`,
      { details: { header } },
    );
  }
  checkSignatureCount(signatures.length, header);
  return { timestamp, signatures };
}

/**
 * Verify a timestamped HMAC-SHA256: the timestamp must be within tolerance (both directions)
 * and one signature must match one secret. The timestamp is checked before any signature is
 * decoded, and a header listing more than 10 signatures is SIGNATURE_MALFORMED. Secrets and
 * the other options are checked when the verifier is made (CONFIG_INVALID naming the option).
 */
export function timestampedHmacVerifier(options: TimestampedHmacOptions): ResolvedVerifier {
  const secrets = secretSource(options, options.provider);
  checkSignatureFormat(options);
  const tolerance = toleranceOption(
    options.provider,
    'toleranceSeconds',
    options.toleranceSeconds,
    300,
  );
  for (const name of ['timestampHeader', 'signatureKey'] as const) {
    stringOption(options.provider, name, options[name], undefined);
  }
  // The digest prefix (`v0=`) only exists in the two-header layout.
  const format = {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.timestampHeader === undefined || options.prefix === undefined
      ? {}
      : { prefix: options.prefix }),
  };
  for (const name of ['contentPrefix', 'separator'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'string') {
      throw optionInvalid(options.provider, name, 'must be a string');
    }
  }
  const header = options.header.toLowerCase();
  const decodeOptions = { ...format, header: options.header };
  const verify = (delivery: RawDelivery) => {
    const raw = requireHeader(delivery.headers, options.header, 'SIGNATURE_MISSING');
    const { timestamp, signatures } =
      options.timestampHeader === undefined
        ? readSingleHeader(raw, options.header, options.signatureKey ?? 'v1')
        : {
            timestamp: requireHeader(
              delivery.headers,
              options.timestampHeader,
              'SIGNATURE_MISSING',
            ),
            signatures: [raw],
          };
    const timestampHeader = options.timestampHeader ?? options.header;
    if (!/^\d{1,12}$/.test(timestamp.trim())) {
      throw new VerificationError(
        'SIGNATURE_MALFORMED',
        `The ${timestampHeader} timestamp is not a Unix time in seconds.`,
        { details: { header: timestampHeader } },
      );
    }
    const seconds = Number(timestamp);
    checkTimestamp(seconds, delivery.receivedAt, tolerance, timestampHeader);
    const received = signatures.map((s) => decodeSignature(s, decodeOptions));
    const content = [timestampedPrefix(timestamp.trim(), options), delivery.rawBody];
    return withSecrets(secrets, delivery, (list) => {
      const expected = list.map((secret) => hmacSha256(secret, content));
      const keyIndex = matchSignature(expected, received);
      if (keyIndex === -1) throw signatureInvalid(options.provider, options.header);
      return { keyIndex, signedAt: new Date(seconds * 1000), scheme: 'timestamped-hmac' };
    });
  };
  const sign = (request: SignRequest): Record<string, string> => {
    const t = String(Math.floor(request.timestamp.getTime() / 1000));
    const digest = hmacSha256(
      secrets.forSigning(request.keyIndex, request.secret),
      timestampedContent(t, request.body, options),
    );
    const signature = encodeSignature(digest, format.encoding, format.prefix);
    return options.timestampHeader === undefined
      ? { [header]: `t=${t},${options.signatureKey ?? 'v1'}=${signature}` }
      : { [header]: signature, [options.timestampHeader.toLowerCase()]: t };
  };
  return signedVerifier(verify, sign);
}
