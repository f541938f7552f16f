/**
 * The handler's `context`. Its `signal` is an own, enumerable accessor (so `Object.keys`, a
 * spread or a read see the property they always saw) whose AbortSignal the OwnerLease makes on
 * first read: most handlers never read it, and making one is a large share of a delivery's own
 * cost. The accessor is one shared descriptor: a getter in an object literal, or a fresh
 * descriptor per delivery, costs V8 several times more.
 */
import type { OwnerLease } from './owner-lease';
import type { HandlerContext } from './types';

/** The run's owner, for the `signal` accessor. */
const OWNER = Symbol('hooklatch.owner');

type OwnedContext = HandlerContext & { [OWNER]: OwnerLease };

const SIGNAL: PropertyDescriptor = {
  get(this: OwnedContext) {
    return this[OWNER].signal;
  },
  // Assignable, as the plain property it replaces.
  set(this: OwnedContext, value: unknown) {
    Object.defineProperty(this, 'signal', {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  },
  enumerable: true,
  configurable: true,
};

/** The context of a run owned by `owner`: `key`, `token`, `claims`, `signal`, `complete`. */
export function handlerContext(
  owner: OwnerLease,
  key: string,
  token: string,
  claims: number,
  complete: HandlerContext['complete'],
): HandlerContext {
  const context = { key, token, claims, [OWNER]: owner } as OwnedContext;
  Object.defineProperty(context, 'signal', SIGNAL);
  context.complete = complete;
  return context;
}
