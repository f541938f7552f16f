/**
 * The channel contexts, built with every field present from the start (undefined until known).
 * One fixed shape per stage keeps filling them in cheap when someone listens: adding
 * properties later would move each object through new hidden classes.
 */
import type { ProcessOutcome } from '../process/types';
import type { ClaimOptions, CompleteOptions } from '../store/types';
import type {
  ClaimContext,
  CompleteContext,
  DeliveryFacts,
  HandleContext,
  ProcessContext,
  RunContext,
} from './contexts';
import { errorFacts } from './error-facts';
import { withFacts } from './reports';

/** The delivery's facts and its link, then the stage's own fields. */
function stage<T extends object>(
  d: ProcessContext,
  own: T,
): DeliveryFacts & { delivery: ProcessContext } & T {
  return withFacts(d, { delivery: d, ...own });
}

/** The `hooklatch:process` context of one delivery. */
export function processContext(f: DeliveryFacts, leaseMs: number): ProcessContext {
  return withFacts(f, {
    leaseMs,
    outcome: undefined,
    status: undefined,
    handled: undefined,
    claims: undefined,
    via: undefined,
    completion: undefined,
    errorCode: undefined,
    errorName: undefined,
    durationMs: undefined,
  });
}

/** Write the outcome onto the delivery's context (read by subscribers at `asyncEnd`). */
export function describeOutcome(
  d: ProcessContext,
  outcome: ProcessOutcome<unknown>,
  handled: boolean,
  claims: number | undefined,
): void {
  d.outcome = outcome.outcome;
  d.status = outcome.status;
  d.handled = handled;
  d.claims = claims;
  switch (outcome.outcome) {
    case 'processed':
      d.completion = outcome.completion;
      break;
    case 'duplicate':
      d.via = outcome.via;
      d.claims ??= outcome.record.claims;
      break;
    case 'in_flight':
      d.via = outcome.via;
      break;
    case 'failed':
    case 'store_unavailable': {
      const facts = errorFacts(outcome.error);
      d.errorCode = facts.errorCode;
      d.errorName = facts.errorName;
    }
  }
}

/** The `hooklatch:claim` context of one `store.claim`. */
export function claimContext(d: ProcessContext, claimKey: string, o: ClaimOptions): ClaimContext {
  return stage(d, {
    claimKey,
    via: claimKey === d.key ? 'key' : 'digest',
    leaseMs: o.leaseMs,
    ttlMs: o.ttlMs,
    status: undefined,
    claims: undefined,
    leaseRemainingMs: undefined,
    errorCode: undefined,
    errorName: undefined,
    durationMs: undefined,
  });
}

/** The `hooklatch:handle` context of the handler's run. */
export function handleContext(d: ProcessContext, claims: number): HandleContext {
  return stage(d, {
    claims,
    errorCode: undefined,
    errorName: undefined,
    durationMs: undefined,
  });
}

/** The `hooklatch:run` context of one worker run of an inbox entry. */
export function runContext(d: ProcessContext, claims: number): RunContext {
  return stage(d, {
    claims,
    outcome: undefined,
    handled: undefined,
    errorCode: undefined,
    errorName: undefined,
    durationMs: undefined,
  });
}

/** The `hooklatch:complete` context of one `store.complete`. */
export function completeContext(
  d: ProcessContext,
  claimKey: string,
  markAttempt: number,
  o: CompleteOptions | undefined,
): CompleteContext {
  return stage(d, {
    claimKey,
    via: claimKey === d.key ? 'key' : 'digest',
    markAttempt,
    withResult: o?.result !== undefined,
    inTransaction: o?.tx !== undefined,
    marked: undefined,
    errorCode: undefined,
    errorName: undefined,
    durationMs: undefined,
  });
}
