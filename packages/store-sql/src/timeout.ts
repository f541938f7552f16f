/**
 * `timeoutMs`, enforced by the store itself: every store call races its deadline, so a frozen
 * server (one that accepts connections and never answers) or a pool with no timeouts of its own
 * still answers STORE_UNAVAILABLE in bounded time. The call's {@link Deadline} tells the dialect
 * to cancel what it sent (postgres.js `cancel()`); drivers with a per-query timeout get
 * `timeoutMs` too, so a connection is not left waiting after the call gave up.
 *
 * Cost, measured on the PostgreSQL claim + complete over loopback (Node 20): an AbortController
 * per call, a setTimeout + clearTimeout per call, a driver call made inside a Promise executor,
 * and each promise layer between the driver's reply and the caller cost more CPU than the rest
 * of the store's own work. So a call is a plain {@link Call} that the work may settle itself
 * (no promise of its own in between), and the store keeps ONE timer: every call of a store has
 * the same timeout, so deadlines fall in the order calls start, and a FIFO list of the pending
 * calls with the timer armed for the oldest is exact.
 */
import { StoreUnavailableError } from '@hooklatch/core';

/**
 * The deadline of one store call, as the statements it runs see it.
 *
 * Contract: the statements of one call run one after another, so at most one is running at a
 * time; a dialect that can cancel it sets `cancel` when it starts it (the store clears it when
 * the statement settles).
 */
export interface Deadline {
  /** True once the call ran out of time (its promise is then already rejected). */
  readonly expired: boolean;
  /** Cancels the statement running now; called once, when the call runs out of time. */
  cancel: (() => void) | undefined;
}

/** A pending store call as the store's list of them sees it. */
class PendingCall implements Deadline {
  expired = false;
  cancel: (() => void) | undefined = undefined;
  /** When the call runs out of time, in `performance.now()` milliseconds. */
  at = 0;
  /** Neighbours in the store's list of pending calls (oldest first). */
  prev: PendingCall | undefined = undefined;
  next: PendingCall | undefined = undefined;
  reject: (error: unknown) => void = () => {};

  constructor(
    readonly operation: string,
    protected readonly list: PendingCalls,
  ) {}

  /** Fail the call (a no-op once it is settled or expired). */
  fail(error: unknown): void {
    this.list.remove(this);
    this.reject(error);
  }
}

/** One store call: its deadline, and how its work settles it. */
export class Call<T> extends PendingCall {
  resolve: (value: T) => void = () => {};

  /** Answer the call (a no-op once it is settled or expired). */
  done(value: T): void {
    this.list.remove(this);
    this.resolve(value);
  }
}

/**
 * Runs one store call with a deadline. `work` starts synchronously (better-sqlite3 transactions
 * need that) and either returns a promise of the answer or settles `call` itself.
 */
export type Guard = <T>(
  operation: string,
  work: (call: Call<T>) => PromiseLike<T> | undefined,
) => Promise<T>;

/**
 * The pending calls of one store, oldest first, and the one timer armed for the oldest. The
 * timer is referenced only while a call is pending, so an idle store never keeps the process up.
 */
class PendingCalls {
  private head: PendingCall | undefined = undefined;
  private tail: PendingCall | undefined = undefined;
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly expire: (call: PendingCall) => void,
  ) {}

  add(call: PendingCall): void {
    call.at = performance.now() + this.timeoutMs;
    call.prev = this.tail;
    if (this.tail === undefined) this.head = call;
    else this.tail.next = call;
    this.tail = call;
    if (this.count++ > 0) return;
    if (this.timer === undefined) this.timer = setTimeout(this.sweep, this.timeoutMs);
    else this.timer.ref();
  }

  /** Take a settled or expired call off the list (a no-op when it is off already). */
  remove(call: PendingCall): void {
    const { prev, next } = call;
    if (prev === undefined && this.head !== call) return;
    if (prev === undefined) this.head = next;
    else prev.next = next;
    if (next === undefined) this.tail = prev;
    else next.prev = prev;
    call.prev = call.next = undefined;
    if (--this.count === 0) this.timer?.unref();
  }

  private readonly sweep = () => {
    this.timer = undefined;
    const now = performance.now();
    for (let oldest = this.head; oldest !== undefined && oldest.at <= now; oldest = this.head) {
      this.remove(oldest);
      this.expire(oldest);
    }
    if (this.head !== undefined) {
      this.timer = setTimeout(this.sweep, Math.max(1, Math.ceil(this.head.at - now)));
    }
  };
}

/** A guard for one store. */
export function createGuard(store: string, timeoutMs: number): Guard {
  const pending = new PendingCalls(timeoutMs, (call) => {
    call.expired = true;
    const cancel = call.cancel;
    call.cancel = undefined;
    try {
      cancel?.();
    } catch {
      // Cancelling is best effort: the call fails with STORE_UNAVAILABLE either way.
    }
    const { operation } = call;
    call.reject(
      new StoreUnavailableError(
        `The ${store} dedupe store did not answer ${operation} within ${timeoutMs} ms.`,
        { details: { store, operation, timeoutMs } },
      ),
    );
  });
  return <T>(operation: string, work: (call: Call<T>) => PromiseLike<T> | undefined) => {
    const call = new Call<T>(operation, pending);
    // Resolvers only: the work runs outside the executor (a driver call inside one cost
    // about 10 µs of CPU more per call on postgres.js).
    const answer = new Promise<T>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    pending.add(call);
    try {
      const running = work(call);
      // Whichever settles the call first wins (the work, or the deadline); the other is a no-op.
      running?.then(
        (value) => call.done(value),
        (error: unknown) => call.fail(error),
      );
    } catch (error) {
      call.fail(error);
    }
    return answer;
  };
}
