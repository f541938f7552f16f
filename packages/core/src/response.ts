/**
 * What a webhook route answers: an outcome or an error, as a plain reply (for Node frameworks)
 * or as a Web `Response`. The body is JSON `{ outcome, code? }` or `{ error: { code, message } }`,
 * never the payload, a digest or a stored result. Duplicate, in-flight and mismatch answers also
 * carry a `hooklatch-outcome` header.
 */
import { HooklatchError, isHooklatchError, statusOf } from './errors';
import type { ProcessOutcome } from './process-once';

/** A framework-neutral HTTP answer: write it with `res.writeHead(status, headers).end(body)`. */
export interface WebhookReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * The reply for a processing outcome: 200 processed / duplicate, 409 + Retry-After in flight,
 * 422 mismatch, 500 failed (with `code` for a hooklatch error such as CONFIG_INVALID), 503
 * store unavailable (with `code`).
 */
export function outcomeReply(outcome: ProcessOutcome<unknown>): WebhookReply {
  const body: Record<string, unknown> = { outcome: outcome.outcome };
  const error =
    outcome.outcome === 'failed' || outcome.outcome === 'store_unavailable'
      ? outcome.error
      : undefined;
  if (isHooklatchError(error)) body.code = error.code;
  return {
    status: outcome.status,
    headers: { ...JSON_TYPE, ...outcome.headers },
    body: JSON.stringify(body),
  };
}

/**
 * The reply for a thrown error. Hooklatch errors answer with their own status and code; anything
 * else is a 500 with no detail, so internals never leak to the sender.
 */
export function errorReply(error: unknown): WebhookReply {
  // Only our own class is trusted to carry a safe message; an error-shaped object from elsewhere
  // answers with its code and a fixed text (its message or toJSON could hold anything).
  const body =
    error instanceof HooklatchError
      ? error.toJSON()
      : isHooklatchError(error)
        ? { error: { code: String(error.code), message: 'The delivery was refused.' } }
        : { error: { code: 'INTERNAL', message: 'Internal error.' } };
  const status = statusOf(error);
  const headers: Record<string, string> = { ...JSON_TYPE };
  // RFC 9110: a 405 names the methods the route takes.
  const allowed = (error as { details?: { allowed?: unknown } } | null)?.details?.allowed;
  if (status === 405 && isMethodList(allowed)) headers.allow = allowed.join(', ');
  return { status, headers, body: JSON.stringify(body) };
}

function isMethodList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((m) => typeof m === 'string' && /^[A-Z]{1,16}$/.test(m))
  );
}

/** A reply as a Web `Response`. */
export function replyResponse(reply: WebhookReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/** Turn an outcome into a Web `Response`: JSON `{ outcome, code? }`, never the payload. */
export function outcomeResponse(outcome: ProcessOutcome<unknown>): Response {
  return replyResponse(outcomeReply(outcome));
}

/** Turn a thrown error into a Web `Response` (see {@link errorReply}). */
export function errorResponse(error: unknown): Response {
  return replyResponse(errorReply(error));
}
