/**
 * Every Redis call goes through `guard`: a bounded wait and one classification of failures.
 * Without our own timer a client with an offline queue (both clients' default) would hold a
 * webhook request for as long as it keeps reconnecting, and the provider would time out instead
 * of getting a 503.
 */
import { StoreUnavailableError } from '@hooklatch/core';
import { classifyRedisError } from './driver-error';

/**
 * Run `work`; reject with `StoreUnavailableError` after `timeoutMs`, and with the error
 * `classifyRedisError` picks when it fails.
 */
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
    throw classifyRedisError(operation, error);
  } finally {
    clearTimeout(timer);
  }
}
