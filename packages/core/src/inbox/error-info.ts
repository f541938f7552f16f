/**
 * What an inbox keeps of a failure: a short code and a bounded message. Never the payload and
 * never the error object itself (a stack, a cause or a driver error may quote parameters). The
 * message of a handler's own error is the handler's to keep clean; it is cut to 1 024
 * characters, with NUL and lone surrogates replaced (no backend stores those as text).
 */
import { isHooklatchError } from '../errors';
import { readableMessage as readable } from './checks';
import type { InboxErrorInfo } from './types';

const CODE = /^[\x21-\x7e]{1,64}$/;

function read(value: unknown, field: string): unknown {
  try {
    return (value as Record<string, unknown>)[field];
  } catch {
    return undefined; // a throwing getter or a revoked Proxy
  }
}

/**
 * The code and message an inbox keeps for `error`. A hooklatch error keeps its code; another
 * error its own string `code` when that is short ASCII, else its class name; anything else
 * (a thrown string, a revoked Proxy) is `HANDLER_ERROR`. Never throws.
 */
export function inboxErrorInfo(error: unknown): InboxErrorInfo {
  try {
    if (typeof error !== 'object' || error === null) {
      return { code: 'HANDLER_ERROR', message: readable(`A non-error value was thrown.`) };
    }
    const own = read(error, 'code');
    const name = read(error, 'name');
    const code =
      isHooklatchError(error) || (typeof own === 'string' && CODE.test(own))
        ? String(own)
        : typeof name === 'string' && CODE.test(name)
          ? name
          : 'HANDLER_ERROR';
    const message = read(error, 'message');
    return { code, message: readable(typeof message === 'string' ? message : '') };
  } catch {
    return { code: 'HANDLER_ERROR', message: '' };
  }
}
