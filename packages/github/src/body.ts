/** GitHub sends JSON, or a form body whose `payload` field holds the JSON (content type "form"). */
import { fromUtf8, PayloadError, type RawDelivery, utf8 } from '@hooklatch/core';
import { type JsonBodyOptions, parseJsonBody } from '@hooklatch/core/kit';

/** How the payload was encoded on the wire. */
export type GithubBodyFormat = 'json' | 'form';

/**
 * Decode the (already verified) body into JSON, whichever content type the hook uses. The
 * `maxDepth` limit applies to the JSON itself, inside a form body too.
 */
export function decodeGithubBody(
  delivery: RawDelivery,
  options: JsonBodyOptions = {},
): {
  data: unknown;
  format: GithubBodyFormat;
} {
  const contentType = delivery.headers['content-type']?.toLowerCase() ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return { data: parseJsonBody(delivery.rawBody, options), format: 'json' };
  }
  if (delivery.rawBody.length === 0) {
    throw new PayloadError('BODY_EMPTY', 'The request body is empty.');
  }
  const payload = new URLSearchParams(fromUtf8(delivery.rawBody)).get('payload');
  if (payload === null) {
    throw new PayloadError(
      'PAYLOAD_MALFORMED',
      'The form-encoded body has no "payload" field (GitHub puts the JSON there).',
    );
  }
  return { data: parseJsonBody(utf8(payload), options), format: 'form' };
}
