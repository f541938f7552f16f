/** Small helpers shared by the custom-adapter kit tests. */
import type { RawDelivery } from '../../src/index';
import { HooklatchError } from '../../src/index';

/** A RawDelivery with lower-cased header names, as `readDelivery` produces them. */
export function rawDelivery(
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  receivedAt = new Date('2025-01-05T10:15:40Z'),
): RawDelivery {
  return {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    receivedAt,
  };
}

/** Run `fn`, which must throw a HooklatchError, and return that error for assertions. */
export function thrown(fn: () => unknown): HooklatchError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HooklatchError) return error;
    throw new Error(`expected a HooklatchError, got ${String(error)}`);
  }
  throw new Error('expected the call to throw, it returned');
}
