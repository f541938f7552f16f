/** Web `Response` builders for the two things a webhook route answers: an outcome or an error. */
import { type HooklatchError, isHooklatchError } from './errors';
import type { ProcessOutcome } from './process-once';

/** Turn an outcome into a Web `Response`: JSON `{ outcome, code? }`, never the payload. */
export function outcomeResponse(outcome: ProcessOutcome<unknown>): Response {
  const body: Record<string, unknown> = { outcome: outcome.outcome };
  if (isHooklatchError(outcome.error)) body.code = outcome.error.code;
  return new Response(JSON.stringify(body), {
    status: outcome.status,
    headers: { 'content-type': 'application/json', ...outcome.headers },
  });
}

/**
 * Turn a thrown error into a Web `Response`. Hooklatch errors answer with their own status and
 * code; anything else is a 500 with no detail, so internals never leak to the sender.
 */
export function errorResponse(error: unknown): Response {
  const body = isHooklatchError(error)
    ? (error as HooklatchError).toJSON()
    : { error: { code: 'INTERNAL', message: 'Internal error.' } };
  const status = isHooklatchError(error) ? error.httpStatus : 500;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
