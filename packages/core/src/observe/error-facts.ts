/**
 * What may be said about an error in a log line, a context or a span: its code and its name.
 * Never its message (a handler's message may quote the payload or a credential) unless it is
 * a hooklatch error, whose messages are written never to hold either.
 */
import { isHooklatchError } from '../errors';

/** A `code` worth reporting: a short token (`ECONNRESET`, `ERR_SOCKET_CLOSED`, `23505`). */
const CODE = /^[\w.-]{1,64}$/;

/** Code and name of `error`, each present only when known. */
export interface ErrorFacts {
  errorCode?: string;
  errorName?: string;
}

/**
 * The error's code and name (for a thrown non-Error: its `typeof`). Never throws: a thrown
 * value may be a revoked Proxy or carry throwing getters, and reporting must not crash on it.
 */
export function errorFacts(error: unknown): ErrorFacts {
  try {
    return readFacts(error);
  } catch {
    return { errorName: typeof error };
  }
}

function readFacts(error: unknown): ErrorFacts {
  if (isHooklatchError(error)) return { errorCode: error.code, errorName: error.name };
  if (!(error instanceof Error)) return { errorName: error === null ? 'null' : typeof error };
  const code = (error as { code?: unknown }).code;
  const name = typeof error.name === 'string' && CODE.test(error.name) ? error.name : 'Error';
  return typeof code === 'string' && CODE.test(code)
    ? { errorCode: code, errorName: name }
    : { errorName: name };
}

/** A hooklatch error's message (safe by construction); nothing for any other error. */
export function safeMessage(error: unknown): string | undefined {
  return isHooklatchError(error) ? error.message : undefined;
}
