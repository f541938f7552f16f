/**
 * The store as a delivery sees it while someone listens: `claim` and `complete` traced on
 * `hooklatch:claim` and `hooklatch:complete`, every other member passed through untouched.
 */
import type { ClaimOptions, ClaimResult, CompleteOptions, DedupeStore } from '../store/types';
import type { ProcessContext } from './contexts';
import { claimContext, completeContext } from './stage-contexts';
import { subscribed, traced } from './tracing';

/** `store` with `claim` and `complete` traced for `delivery`. */
export function observedStore(store: DedupeStore, delivery: ProcessContext): DedupeStore {
  const marks = new Map<string, number>();

  const claim = async (claimKey: string, options: ClaimOptions): Promise<ClaimResult> => {
    const channel = subscribed('claim');
    if (channel === undefined) return store.claim(claimKey, options);
    const context = claimContext(delivery, claimKey, options);
    let answer: ClaimResult | undefined;
    await traced(channel, context, async () => {
      const result = await store.claim(claimKey, options);
      answer = result;
      context.status = result.status;
      if (result.status === 'claimed') context.claims = result.claims;
      else if (result.status === 'completed') context.claims = result.record.claims;
      else if (typeof result.leaseRemainingMs === 'number') {
        context.leaseRemainingMs = result.leaseRemainingMs;
      }
    });
    return answer as ClaimResult;
  };

  const complete = async (
    claimKey: string,
    token: string,
    options: CompleteOptions,
  ): Promise<boolean> => {
    const markAttempt = (marks.get(claimKey) ?? 0) + 1;
    marks.set(claimKey, markAttempt);
    const channel = subscribed('complete');
    if (channel === undefined) return store.complete(claimKey, token, options);
    const context = completeContext(delivery, claimKey, markAttempt, options);
    let marked = false;
    await traced(channel, context, async () => {
      marked = (await store.complete(claimKey, token, options)) === true;
      context.marked = marked;
    });
    return marked;
  };

  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      if (property === 'claim') return claim;
      if (property === 'complete') return complete;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Bound to the real store (class stores with private fields need their own `this`),
      // once per delivery: renewals read `extend` every round.
      let fn = bound.get(property);
      if (fn === undefined) {
        fn = value.bind(target);
        bound.set(property, fn);
      }
      return fn;
    },
  });
}
