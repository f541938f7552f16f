/** GitHub sends JSON, or a form body whose `payload` field holds the JSON (content type "form"). */
import { PayloadError, type RawDelivery } from '@hooklatch/core';
import { type JsonObject, parseJsonBody } from '@hooklatch/core/kit';

/** How the payload was encoded on the wire. */
export type GithubBodyFormat = 'json' | 'form';

/** What GitHub's form encoding puts before the JSON: the one and only field. */
const FIELD = 'payload=';

function notForm(reason: string): PayloadError {
  return new PayloadError(
    'PAYLOAD_MALFORMED',
    `The form-encoded body ${reason} (GitHub sends one "payload" field holding the JSON).`,
  );
}

/**
 * The JSON text of a form body, read strictly: ASCII, exactly one field, `payload`, and valid
 * percent-encoding of UTF-8. `Content-Type` is not signed, so a lenient reading would let anyone
 * replay a signed JSON body as a form and have a `payload=` that a user typed inside one of its
 * strings (`"hi &payload=%7B...%7D&"`) parsed as the event, under the original's signature. No
 * JSON body can start with `payload=` or, being JSON, decode as one.
 */
function formPayload(rawBody: Uint8Array): string {
  for (let i = 0; i < rawBody.length; i++) {
    if ((rawBody[i] as number) > 0x7f) throw notForm('is not ASCII');
  }
  const text = new TextDecoder().decode(rawBody);
  if (!text.startsWith(FIELD)) throw notForm('does not start with its "payload" field');
  if (text.includes('&', FIELD.length)) throw notForm('has more than one field');
  try {
    return decodeURIComponent(text.slice(FIELD.length).replace(/\+/g, ' '));
  } catch {
    throw notForm('is not valid percent-encoding of UTF-8');
  }
}

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
  const payload = formPayload(delivery.rawBody);
  return { data: parseJsonBody(new TextEncoder().encode(payload), { maxDepth }), format: 'form' };
}
