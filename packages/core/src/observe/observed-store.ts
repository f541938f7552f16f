/**
 * The store as a delivery sees it while someone listens: `claim` and `complete` traced on
 * `hooklatch:claim` and `hooklatch:complete`, every other member passed through untouched.
 */
import type { MatchedBy } from '../process/types';
import type { ClaimOptions, ClaimResult, CompleteOptions, DedupeStore } from '../store/types';
import type { ClaimContext, CompleteContext, DeliveryFacts, ProcessContext } from './contexts';
import { subscribed, traced } from './tracing';

/** Copy of `facts` (a context must not share its fields with the delivery's). */
function factsOf(delivery: ProcessContext): DeliveryFacts {
  const { provider, type, eventId, idSource, key, deliveryId, attempt } = delivery;
  return { provider, type, eventId, idSource, key, deliveryId, attempt };
}

/** `store` with `claim` and `complete` traced for `delivery`. */
export function observedStore(store: DedupeStore, delivery: ProcessContext): DedupeStore {
  const marks = new Map<string, number>();
  const via = (claimKey: string): MatchedBy => (claimKey === delivery.key ? 'key' : 'digest');

  const claim = async (claimKey: string, options: ClaimOptions): Promise<ClaimResult> => {
    const channel = subscribed('claim');
    if (channel === undefined) return store.claim(claimKey, options);
    const context: ClaimContext = {
      ...factsOf(delivery),
      delivery,
      claimKey,
      via: via(claimKey),
      leaseMs: options.leaseMs,
      ttlMs: options.ttlMs,
    };
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
    const context: CompleteContext = {
      ...factsOf(delivery),
      delivery,
      claimKey,
      via: via(claimKey),
      markAttempt,
      withResult: options?.result !== undefined,
      inTransaction: options?.tx !== undefined,
    };
    let marked = false;
    await traced(channel, context, async () => {
      marked = (await store.complete(claimKey, token, options)) === true;
      context.marked = marked;
    });
    return marked;
  };

  return new Proxy(store, {
    get(target, property) {
      if (property === 'claim') return claim;
      if (property === 'complete') return complete;
      const value = Reflect.get(target, property, target);
      // Bound to the real store: class stores with private fields need their own `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
