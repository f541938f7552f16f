/**
 * A Lambda HTTP event as the `{ headers, body }` input `parseEvent` takes, with the body as the
 * exact bytes the sender signed: a base64 body (binary media types, ALB and function URLs for
 * non-text content types) is decoded, never re-read as text.
 */
import { PayloadError, type PlainDeliveryInput } from '@hooklatch/core';
import { detectLambdaEventFormat, type LambdaHttpEvent, lambdaEventFormat } from './event-format';

/**
 * Standard base64 as AWS writes it: the 64-letter alphabet, padded to a multiple of 4. Checked
 * as one character class and a length: a group repeated per quartet made the regular
 * expression engine recurse once per quartet and overflow its stack on bodies above about 3 MB.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new PayloadError(
      'PAYLOAD_MALFORMED',
      'The Lambda event says isBase64Encoded but its body is not base64.',
    );
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type HeaderPairs = Array<[string, string]>;

function headerPairs(event: LambdaHttpEvent): HeaderPairs {
  const pairs: HeaderPairs = [];
  // REST APIs send both maps: multiValueHeaders holds every value, headers only the last one.
  // Merge them as API Gateway does, multi-value first, so that an event with one map empty
  // (local emulators, hand-written test events) still carries its headers.
  const seen = new Set<string>();
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    // Not a list (null, in hand-written events): core refuses the header as CONFIG_INVALID.
    if (values === undefined) continue;
    if (!Array.isArray(values)) {
      pairs.push([name, values as never]);
      continue;
    }
    seen.add(name.toLowerCase());
    for (const value of values) pairs.push([name, value]);
  }
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined && !seen.has(name.toLowerCase())) pairs.push([name, value]);
  }
  // Payload 2.0 takes Cookie headers out of `headers`; put them back as one header.
  if (event.cookies && event.cookies.length > 0) pairs.push(['cookie', event.cookies.join('; ')]);
  return pairs;
}

function requestMethod(event: LambdaHttpEvent, format: string): string | undefined {
  const method = format === 'v2' ? event.requestContext?.http?.method : event.httpMethod;
  return typeof method === 'string' ? method : undefined;
}

/** The HTTP method of `event`, or `undefined` for an event that is not an HTTP request. */
export function methodOf(event: unknown): string | undefined {
  const format = detectLambdaEventFormat(event);
  return format === undefined ? undefined : requestMethod(event as LambdaHttpEvent, format);
}

/**
 * Turn a Lambda HTTP event into `parseEvent` input. Throws `CONFIG_INVALID` for an event that is
 * not an HTTP request and `PAYLOAD_MALFORMED` for a base64 flag over a body that is not base64.
 *
 * @example
 * const event = await parseEvent(adapter, lambdaDelivery(lambdaEvent));
 */
export function lambdaDelivery(event: LambdaHttpEvent): PlainDeliveryInput {
  const method = requestMethod(event, lambdaEventFormat(event));
  const text = event.body ?? '';
  return {
    method: method ?? 'POST',
    headers: headerPairs(event),
    // Plain text arrives as the string AWS decoded from UTF-8; readDelivery re-encodes it.
    body: event.isBase64Encoded === true ? decodeBase64(text) : text,
  };
}
