/**
 * Second looks at a delivery that did not verify, each one more `parseEvent` with one thing
 * changed, to say why: a stale timestamp whose signature is right, or body bytes changed on the
 * way to the capture (a trailing newline, line endings, re-formatted JSON).
 */
import { parseEvent, type WebhookAdapter } from '@hooklatch/core';
import { schemaMismatchIdentity } from '@hooklatch/core/kit';
import type { Capture } from './capture';

const decoder = new TextDecoder('utf-8', { fatal: true });

async function verifies(
  adapter: WebhookAdapter,
  capture: Capture,
  body: Uint8Array,
  receivedAt: Date,
) {
  try {
    await parseEvent(
      adapter,
      { method: capture.method, headers: capture.headers, body },
      { receivedAt },
    );
    return true;
  } catch (error) {
    // Refused by its typed schema after it verified: authentic all the same.
    return schemaMismatchIdentity(error) !== undefined;
  }
}

/** Bodies a capture tool or a proxy commonly turns the signed body into, and how to undo them. */
function variants(body: Uint8Array): Array<[what: string, body: string]> {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return [];
  }
  const out: Array<[string, string]> = [];
  if (text.endsWith('\n')) out.push(['without the trailing newline', text.replace(/\r?\n$/, '')]);
  else out.push(['with a trailing newline', `${text}\n`]);
  if (text.includes('\r\n'))
    out.push(['with LF line endings instead of CRLF', text.replace(/\r\n/g, '\n')]);
  else if (text.includes('\n'))
    out.push(['with CRLF line endings instead of LF', text.replace(/\n/g, '\r\n')]);
  try {
    const compact = JSON.stringify(JSON.parse(text));
    if (compact !== text) out.push(['as compact JSON (the capture was re-formatted)', compact]);
  } catch {
    // Not JSON: no re-formatting to undo.
  }
  return out;
}

/** Why a SIGNATURE_INVALID delivery failed, when a changed body explains it. */
export async function diagnoseBody(adapter: WebhookAdapter, capture: Capture, receivedAt: Date) {
  for (const [what, body] of variants(capture.body)) {
    if (await verifies(adapter, capture, new TextEncoder().encode(body), receivedAt)) {
      return `the signature matches the body ${what}: the bytes changed between the sender and the capture. Verify the raw body exactly as received.`;
    }
  }
  return undefined;
}

/** Why a TIMESTAMP_OUT_OF_TOLERANCE delivery failed: is the signature itself right? */
export async function diagnoseStale(
  adapter: WebhookAdapter,
  capture: Capture,
  receivedAt: Date,
  skewSeconds: number,
) {
  const signedAt = new Date(receivedAt.getTime() - skewSeconds * 1000);
  if (await verifies(adapter, capture, capture.body, signedAt)) {
    return "the signature itself matches: only the time is off. A capture replayed later is stale by design; pass --received-at with the time it arrived, or check the receiver's clock.";
  }
  return 'the signature would not match at the signing time either: check the secret too.';
}
