/**
 * Settling an entry (complete, fail, dead-letter, release) through a store blip. A lost
 * completion means the entry runs again after its lease, so each call is retried with bounded
 * exponential backoff (50 ms doubling up to 1 s, jittered) for one lease after the attempt, and
 * on while the keeper still renews the lease (up to three leases or 10 s, `retryUntil`), also when the
 * lease already ended: every settle
 * is a compare-and-set on the token, refused once another worker took the entry over. Each try
 * is bounded too: a hung inbox must not hold the worker's slot forever.
 */
import { GRACE_MS, until } from '../process/completion';
import { monotonicNow } from '../process/lease-keeper';

const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;
const MIN_DELAY_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `call` until it answers: its answer (`true` only for a literal true), or `undefined` when
 * every try failed before `giveUpAt()` (monotonic, read before each wait: `retryUntil`) passed.
 */
export async function settle(
  call: () => Promise<boolean>,
  giveUpAt: () => number,
  onError: (error: unknown) => void,
): Promise<boolean | undefined> {
  for (let failures = 0; ; ) {
    const end = giveUpAt;
    try {
      return (await until(call, Math.max(end(), monotonicNow() + GRACE_MS))) === true;
    } catch (error) {
      failures++;
      onError(error);
    }
    const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - 1));
    const wait = Math.min(backoff * (0.5 + Math.random() / 2), (end() - monotonicNow()) / 2);
    if (wait < MIN_DELAY_MS) return undefined;
    await sleep(wait);
  }
}

/** `call()` as a promise, started now: a synchronous throw becomes a rejection. */
export function started<T>(call: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}
