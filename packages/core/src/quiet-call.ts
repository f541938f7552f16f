/**
 * Calls into user callbacks whose failure must change nothing (a wake-up hook, a report
 * stream). Catching the throw is not enough: an `async` callback rejects instead of throwing,
 * and a rejected promise nobody handles ends a Node process by default, which for a worker
 * means a completion never written and the event run again by another worker.
 */
import { isThenable } from './kit/secrets';

const ignore = () => {};

/**
 * When `value` (what a user callback returned) is a promise or thenable, its rejection is
 * handled and dropped. Throws only where reading `value.then` throws; call it inside the same
 * `try` as the callback.
 */
export function ignoreRejection(value: unknown): boolean {
  if (!isThenable(value)) return false;
  Promise.resolve(value).then(undefined, ignore);
  return true;
}

/** Run `call`; a throw is ignored, and so is a rejection of what it returned. */
export function quietly(call: () => unknown): unknown {
  try {
    const answer = call();
    return ignoreRejection(answer) ? undefined : answer;
  } catch {
    return undefined;
  }
}
