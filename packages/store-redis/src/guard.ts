/**
 * Every Redis call goes through `guard`: a bounded wait and one error type. Without our own
 * timer a client with an offline queue (both clients' default) would hold a webhook request for
 * as long as it keeps reconnecting, and the provider would time out instead of getting a 503.
 */
import { HooklatchError, StoreUnavailableError } from '@hooklatch/core';

/** Run `work`; reject with `StoreUnavailableError` on any failure or after `timeoutMs`. */
export async function guard<T>(
  operation: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new StoreUnavailableError(`Redis did not answer ${operation} within ${timeoutMs} ms.`, {
          details: { store: 'redis', operation, timeoutMs },
        }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof HooklatchError) throw error;
    throw new StoreUnavailableError(`Redis failed during ${operation}.`, {
      details: { store: 'redis', operation },
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
