/**
 * Every Redis call goes through a guard: a bounded wait and one classification of failures.
 * Without our own timer a client with an offline queue (both clients' default) would hold a
 * webhook request for as long as it keeps reconnecting, and the provider would time out instead
 * of getting a 503.
 *
 * The deadlines share one timer per store. Every call waits the same `timeoutMs`, so deadlines
 * fall due in the order the calls started: a FIFO queue whose head is the next to expire. A call
 * costs a queue entry, not a timer of its own (a timer, a second promise and a `Promise.race`
 * per call were a measurable part of a claim at 64 calls in flight). The timer is unref'd: a
 * pending call keeps the process alive through the client's connection, and an idle store never
 * holds a process open.
 */
import { StoreUnavailableError } from '@hooklatch/core';
import { classifyRedisError } from './driver-error';

interface Pending {
  readonly deadline: number;
  readonly operation: string;
  /** Set once the call settled; the entry then only waits to leave the queue. */
  settled: boolean;
  readonly reject: (error: unknown) => void;
  /** The entry queued after this one. */
  next: Pending | undefined;
}

/** Runs `work` for `operation`, rejecting with the classified error or a timeout. */
export type Guard = <T>(operation: string, work: () => Promise<T>) => Promise<T>;

/** A guard whose calls each fail with `STORE_UNAVAILABLE` after `timeoutMs`. */
export function createGuard(timeoutMs: number): Guard {
  // A linked FIFO: pushing and dropping entries allocates nothing beyond the entry itself.
  let head: Pending | undefined;
  let tail: Pending | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const expire = () => {
    timer = undefined;
    const now = performance.now();
    while (head !== undefined) {
      const entry = head;
      if (!entry.settled && entry.deadline > now) break;
      head = entry.next;
      if (entry.settled) continue;
      entry.settled = true;
      const { operation } = entry;
      entry.reject(
        new StoreUnavailableError(`Redis did not answer ${operation} within ${timeoutMs} ms.`, {
          details: { store: 'redis', operation, timeoutMs },
        }),
      );
    }
    trim();
    if (head !== undefined) arm(head.deadline - now);
  };

  /** Drop settled entries from the head, so the queue holds only calls still running. */
  const trim = () => {
    while (head?.settled) head = head.next;
    if (head === undefined) tail = undefined;
  };

  const arm = (delay: number) => {
    // +1: setTimeout may fire a fraction of a millisecond early by performance.now().
    timer = setTimeout(expire, Math.max(0, Math.ceil(delay)) + 1);
    timer.unref?.();
  };

  return <T>(operation: string, work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const entry: Pending = {
        deadline: performance.now() + timeoutMs,
        operation,
        settled: false,
        reject,
        next: undefined,
      };
      if (tail === undefined) head = entry;
      else tail.next = entry;
      tail = entry;
      if (timer === undefined) arm(timeoutMs);
      let running: Promise<T>;
      try {
        running = work();
      } catch (error) {
        running = Promise.reject(error);
      }
      running.then(
        (value) => {
          if (entry.settled) return;
          entry.settled = true;
          if (entry === head) trim();
          resolve(value);
        },
        (error: unknown) => {
          if (entry.settled) return;
          entry.settled = true;
          if (entry === head) trim();
          reject(classifyRedisError(operation, error));
        },
      );
    });
}
