/**
 * What `inboxReceiver` tells its observers about one delivery: the receipt (verified, with its
 * dedupe key, before the enqueue), the answer (`onOutcome` and its log line) and, for a
 * delivery kept straight in the dead letters, a `dead_lettered` warning (also on
 * `hooklatch:warning`); the answer also goes to `hooklatch:receipt`. Parsing (reading the body
 * included) traces itself on `hooklatch:parse`. Built only when a hook, a
 * logger or a channel subscriber observes; a level nobody logs builds no line.
 */
import { isHooklatchError } from '../errors';
import type { DeliveryFacts } from '../observe/contexts';
import { errorFacts } from '../observe/error-facts';
import { isolated } from '../observe/hooks';
import type { LogEvent, LogLevel } from '../observe/logger';
import { providerFacts, withFacts } from '../observe/reports';
import { processContext } from '../observe/stage-contexts';
import { deliveryObserved, elapsedMs, publishReceipt, receiptObserved } from '../observe/tracing';
import { monotonicNow } from '../process/lease-keeper';
import { fanOutWarning, reportOutcome } from './observe-fanout';
import type {
  InboxObserver,
  InboxReceiptOutcome,
  InboxReceiptReport,
  InboxReceiverHooks,
} from './observe-options';
import type { InboxErrorInfo } from './types';

/** What the observation needs of an answer. */
export interface AnsweredReceipt {
  outcome: InboxReceiptOutcome;
  status: number;
  error?: unknown;
}

/** The level and event of an answer's log line; no level: another line said it. */
function lineOf(receipt: AnsweredReceipt): [LogLevel | undefined, LogEvent] {
  switch (receipt.outcome) {
    case 'enqueued':
      return ['debug', 'enqueued'];
    case 'duplicate':
      return ['info', 'duplicate'];
    case 'mismatch':
      return ['warn', 'mismatch'];
    case 'dead_lettered':
      return [undefined, 'warning'];
    case 'store_unavailable':
      return ['error', 'inbox_unavailable'];
    case 'failed':
      return ['error', 'setup_invalid'];
    default: {
      // A flood of forged requests must not flood the log: 4xx at info, our own 5xx at error.
      const setup = isHooklatchError(receipt.error) && receipt.error.code === 'CONFIG_INVALID';
      return [receipt.status >= 500 ? 'error' : 'info', setup ? 'setup_invalid' : 'rejected'];
    }
  }
}

export class ReceiptObservation {
  readonly #observer: InboxObserver<InboxReceiverHooks>;
  readonly #started = monotonicNow();
  #facts: DeliveryFacts;

  constructor(observer: InboxObserver<InboxReceiverHooks>, provider: string) {
    this.#observer = observer;
    this.#facts = providerFacts(provider);
  }

  /** `onReceipt` and the `receipt` line (info): verified and keyed, not yet kept. */
  received(facts: DeliveryFacts, receivedAt: Date): void {
    this.#facts = facts;
    const { hooks, log } = this.#observer;
    if (hooks?.onReceipt !== undefined) isolated(hooks.onReceipt, withFacts(facts, { receivedAt }));
    if (log?.enabled('info')) {
      log.write('info', 'receipt', { ...facts, receivedAt: receivedAt.toISOString() });
    }
  }

  /** The answer; `deadLetter` is the error a `dead_lettered` entry was kept with. */
  answered(receipt: AnsweredReceipt, deadLetter: InboxErrorInfo | undefined): void {
    const { hooks, log } = this.#observer;
    const facts = this.#facts;
    if (receipt.outcome === 'dead_lettered') {
      const errorCode = deadLetter?.code ?? 'PAYLOAD_SCHEMA_MISMATCH';
      const warning = { kind: 'dead_lettered', key: facts.key, attempts: 0, errorCode } as const;
      fanOutWarning(this.#observer, facts, warning, () => processContext(facts, 0));
    }
    const [level, event] = lineOf(receipt);
    // Built at most once, for whichever of the hook, the log line and the channel takes it.
    let report: InboxReceiptReport | undefined;
    const build = (): InboxReceiptReport => {
      if (report !== undefined) return report;
      const failure = receipt.error === undefined ? {} : errorFacts(receipt.error);
      report = withFacts(facts, {
        outcome: receipt.outcome,
        status: receipt.status,
        durationMs: elapsedMs(this.#started),
        errorCode: failure.errorCode,
        errorName: failure.errorName,
      });
      return report;
    };
    // Subscribers get their own copy, taken before the hook runs: a hook that changes its
    // report must not change what they got.
    publishReceipt(() => ({ ...build() }));
    reportOutcome(hooks?.onOutcome, log, level, event, build);
  }
}

/** An observation of one receipt, or `undefined` when nothing observes (no cost at all). */
export function receiptObservation(
  observer: InboxObserver<InboxReceiverHooks>,
  provider: string,
): ReceiptObservation | undefined {
  if (
    observer.hooks === undefined &&
    observer.log === undefined &&
    !deliveryObserved() &&
    !receiptObserved()
  ) {
    return undefined;
  }
  return new ReceiptObservation(observer, provider);
}
