/**
 * A test double of a *fault*, not of a store: every call goes to a real store (memoryStore, or
 * any other), except the calls a plan picks, which fail the way a real backend fails.
 * - `throw`: the call never reaches the store (a connection blip): StoreUnavailableError.
 * - `refuse`: the store answers `false` without doing anything (boolean methods only).
 * - `lose-answer`: the store does the write, then the answer is lost (a timeout on the way back).
 * - `hang`: the call never settles (a frozen server without a timeout).
 * - `{ slowAnswerMs }`: the store does the work at once, the answer arrives that much later.
 * - `{ slowFailureMs }`: the call fails that much later without reaching the store (a timeout).
 */
import { type DedupeStore, StoreUnavailableError } from '../../src/index';

export type FaultyMethod = 'claim' | 'extend' | 'complete' | 'release' | 'get';
export type Fault =
  | 'throw'
  | 'refuse'
  | 'lose-answer'
  | 'hang'
  | { slowAnswerMs: number }
  | { slowFailureMs: number }
  | undefined;
/** Picks the fault of the n-th call (1-based) of a method. */
export type FaultPlan = Partial<Record<FaultyMethod, (call: number) => Fault>>;

/** One call as the double saw it. */
export interface CallLog {
  method: FaultyMethod;
  key: string;
  fault: Fault;
  at: number;
}

export interface FaultyStore extends DedupeStore {
  /** How often each method was called. */
  readonly calls: Record<FaultyMethod, number>;
  /** Every call in order. */
  readonly log: CallLog[];
  /** Replace the plan (e.g. "the store recovers now"). */
  setPlan(plan: FaultPlan): void;
}

export function faultyStore(inner: DedupeStore, initial: FaultPlan = {}): FaultyStore {
  let plan = initial;
  const calls: Record<FaultyMethod, number> = {
    claim: 0,
    extend: 0,
    complete: 0,
    release: 0,
    get: 0,
  };
  const log: CallLog[] = [];
  const wrap =
    <A extends unknown[], T>(method: FaultyMethod, forward: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      const call = ++calls[method];
      const fault = plan[method]?.(call);
      log.push({ method, key: String(args[0]), fault, at: Date.now() });
      if (fault === 'throw') throw new StoreUnavailableError(`injected ${method} failure`);
      if (fault === 'hang') return new Promise<T>(() => {});
      if (fault === 'refuse') return false as T;
      if (typeof fault === 'object' && 'slowFailureMs' in fault) {
        await sleep(fault.slowFailureMs);
        throw new StoreUnavailableError(`injected ${method} timeout`);
      }
      const answer = await forward(...args);
      if (fault === 'lose-answer')
        throw new StoreUnavailableError(`injected lost ${method} answer`);
      if (typeof fault === 'object' && 'slowAnswerMs' in fault) await sleep(fault.slowAnswerMs);
      return answer;
    };
  return {
    name: `faulty(${inner.name})`,
    calls,
    log,
    setPlan(next) {
      plan = next;
    },
    claim: wrap('claim', (k, o) => inner.claim(k, o)),
    extend: wrap('extend', (k, t, l) => inner.extend(k, t, l)),
    complete: wrap('complete', (k, t, o) => inner.complete(k, t, o)),
    release: wrap('release', (k, t) => inner.release(k, t)),
    get: wrap('get', (k) => inner.get(k)),
    delete: (k) => inner.delete(k),
  };
}

/** Resolve after `ms` real milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A promise plus its resolver, for handlers the test releases. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
