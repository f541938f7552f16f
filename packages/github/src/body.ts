/** GitHub sends JSON, or a form body whose `payload` field holds the JSON (content type "form"). */
import { PayloadError, type RawDelivery } from '@hooklatch/core';
import { type JsonObject, parseJsonBody } from '@hooklatch/core/kit';

/** How the payload was encoded on the wire. */
export type GithubBodyFormat = 'json' | 'form';

/**
 * Decode the (already verified) body into JSON, whichever content type the hook uses. A JSON
 * body is the adapter's `json()` (parsed once, within `maxDepth`); the JSON inside a form
 * body's `payload` field is held to the same `maxDepth`.
 */
export function decodeGithubBody(
  delivery: RawDelivery,
  json: () => JsonObject,
  maxDepth: number,
): { data: unknown; format: GithubBodyFormat } {
  const contentType = delivery.headers['content-type']?.toLowerCase() ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return { data: json(), format: 'json' };
  }
  if (delivery.rawBody.length === 0) {
    throw new PayloadError('BODY_EMPTY', 'The request body is empty.');
  }
  const payload = new URLSearchParams(new TextDecoder().decode(delivery.rawBody)).get('payload');
  if (payload === null) {
    throw new PayloadError(
      'PAYLOAD_MALFORMED',
      'The form-encoded body has no "payload" field (GitHub puts the JSON there).',
    );
  }
  return { data: parseJsonBody(new TextEncoder().encode(payload), { maxDepth }), format: 'form' };
}
