/** Helpers adapters use to turn body bytes into a validated payload with typed errors. */
import type { z } from 'zod';
import { fromUtf8 } from './crypto/encoding';
import { PayloadError } from './errors';

/** Parse body bytes as JSON; empty and malformed bodies get their own codes. */
export function parseJsonBody(rawBody: Uint8Array): unknown {
  if (rawBody.length === 0) throw new PayloadError('BODY_EMPTY', 'The request body is empty.');
  const text = fromUtf8(rawBody);
  try {
    return JSON.parse(text);
  } catch (cause) {
    // Checked only after a failed parse: trimming every valid body would copy it for nothing.
    if (text.trim() === '') throw new PayloadError('BODY_EMPTY', 'The request body is blank.');
    // The parser's message names the position, never echoes the payload.
    const reason =
      cause instanceof Error ? cause.message.split('\n')[0]?.slice(0, 120) : 'invalid JSON';
    throw new PayloadError('PAYLOAD_MALFORMED', `The body is not valid JSON (${reason}).`, {
      cause,
    });
  }
}

/** One schema problem, as `path: message`. */
export interface PayloadIssue {
  path: string;
  message: string;
}

/**
 * Validate `data` with a zod schema; on failure throw PAYLOAD_INVALID listing every failing
 * JSON path (values are never echoed, only paths and expectations).
 */
export function validatePayload<S extends z.ZodType>(
  schema: S,
  data: unknown,
  context: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues: PayloadIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new PayloadError('PAYLOAD_INVALID', `${context} payload failed validation: ${summary}`, {
    details: { issues },
  });
}
