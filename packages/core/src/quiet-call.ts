/**
 * Calls into user callbacks whose failure must change nothing (a wake-up hook, a report
 * stream). Catching the throw is not enough: an `async` callback rejects instead of throwing,
 * and a rejected promise nobody handles ends a Node process by default, which for a worker
 * means a completion never written and the event run again by another worker.
 */
import { isThenable } from './kit/secrets';

/** Run `call`; a throw is ignored, and so is a rejection of what it returned. */
export function quietly(call: () => unknown): unknown {
  try {
    const answer = call();
    if (isThenable(answer)) {
      Promise.resolve(answer).then(undefined, () => {});
      return undefined;
    }
    return answer;
  } catch {
    return undefined;
  }
}
