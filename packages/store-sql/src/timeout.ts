/**
 * `timeoutMs`, enforced by the store itself: every store call races a timer, so a frozen server
 * (one that accepts connections and never answers) or a pool with no timeouts of its own still
 * answers STORE_UNAVAILABLE in bounded time. The abort signal tells the dialect to cancel what
 * it sent (postgres.js `cancel()`); drivers with a per-query timeout get `timeoutMs` too, so a
 * connection is not left waiting after the call gave up.
 */
import { StoreUnavailableError } from '@hooklatch/core';

/** Run one store call with a deadline. */
export type Guard = <T>(operation: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** A guard for one store. `work` starts synchronously (better-sqlite3 transactions need that). */
export function createGuard(store: string, timeoutMs: number): Guard {
  return (operation, work) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new StoreUnavailableError(
            `The ${store} dedupe store did not answer ${operation} within ${timeoutMs} ms.`,
            { details: { store, operation, timeoutMs } },
          ),
        );
      }, timeoutMs);
    });
    let running: Promise<unknown>;
    try {
      running = work(controller.signal);
    } catch (error) {
      running = Promise.reject(error);
    }
    // Promise.race subscribes to both, so a late rejection of `work` is never unhandled.
    return Promise.race([running, deadline]).finally(() => clearTimeout(timer)) as never;
  };
}
