/**
 * The owner's view of its lease while the handler runs: the keeper renewing it, the signal that
 * aborts when it is lost, and `context.complete`.
 *
 * A refused renewal is not always a loss: the handler may have completed the key itself (with
 * `context.complete`, or a direct `store.complete` as older docs showed), after which the store
 * refuses to extend a completed record. So while a `context.complete` is on the wire the verdict
 * waits for its answer, and a refusal is confirmed with `store.get` before `lease_lost` is raised.
 */
import { ConfigurationError } from '../errors';
import type { JsonValue } from '../store/types';
import { GRACE_MS, landed } from './completion';
import { type KeeperLoss, type Lease, LeaseKeeper, monotonicNow } from './lease-keeper';
import type { ProcessConfig } from './options';
import type { LeaseLossReason, ProcessWarning } from './outcome-types';
import type { HandlerCompleteOptions } from './types';

/** What an owner needs to know about its run. */
export interface OwnerRun {
  config: ProcessConfig;
  warn: (warning: ProcessWarning) => void;
  key: string;
  /** Every claim of the run, completion order (digest key first). */
  leases: Lease[];
  ttlMs: number;
  /** When the first claim was sent (monotonic). */
  sentAt: number;
}

/** No `tx` given: the mark is written (and committed) by the store call itself. */
const NO_TX = Symbol('no transaction');

function completeInvalid(rule: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `context.complete ${rule}.`, {
    details: { option: 'context.complete' },
  });
}

export class OwnerLease {
  readonly keeper: LeaseKeeper;
  /** True once the key was marked completed from inside the handler. */
  completedByHandler = false;
  /**
   * True when the handler's last successful mark went into its transaction: `true` then meant
   * "when it commits", so after the handler the record is read back (see run-claimed.ts).
   */
  markedInTransaction = false;
  readonly #run: OwnerRun;
  /**
   * Made when the signal is first read: most handlers never read it, and an AbortSignal was a
   * sixth of `processOnce`'s own cost. `#abortReason` holds the abort until then.
   */
  #controller: AbortController | undefined;
  #abortReason: DOMException | undefined;
  #handlerDone = false;
  #completing = 0;
  #deferred: KeeperLoss | undefined;
  #warned = false;
  /** Claims `context.complete` marked outside any transaction: final, never written again. */
  #committed: Set<Lease> | undefined;

  constructor(run: OwnerRun) {
    this.#run = run;
    this.keeper = new LeaseKeeper(
      run.config.store,
      run.leases,
      run.config.leaseMs,
      run.sentAt,
      (r) => this.#onKeeperLoss(r),
    );
  }

  /** Aborts when the lease is lost (already aborted when read after the loss). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#abortReason !== undefined) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  /** The handler returned or threw: from now on the completion loop judges the lease. */
  handlerDone(): void {
    this.#handlerDone = true;
  }

  /** Abort the signal and raise `lease_lost` (once). */
  lost(reason: LeaseLossReason): void {
    this.abort(`the lease was lost (${reason})`);
    if (this.#warned) return;
    this.#warned = true;
    this.#run.warn({ kind: 'lease_lost', key: this.#run.key, reason });
  }

  /** Abort the signal without a warning (the caller raises its own). Only the first counts. */
  abort(why: string): void {
    if (this.#abortReason !== undefined) return;
    this.#abortReason = new DOMException(`hooklatch: ${why}.`, 'AbortError');
    this.#controller?.abort(this.#abortReason);
  }

  /**
   * The mark landed: if the lease had been lost meanwhile (a `lease_lost` was raised, or the
   * local lease end passed), nobody took over after all. Say so. A refused renewal that was
   * the run's own mark landing is no overrun.
   */
  overrun(): void {
    if (!this.#warned && this.keeper.loss?.reason !== 'lease_expired') return;
    const overrunMs = Math.max(0, Math.round(monotonicNow() - this.keeper.deadline));
    this.#run.warn({ kind: 'lease_overrun', key: this.#run.key, overrunMs });
  }

  /**
   * `context.complete`: mark every claim, in the caller's transaction if it passes one. True
   * only when every claim is marked. Safe to call again (or concurrently): a claim already marked
   * outside a transaction is not written twice, and a `false` from the store is checked against
   * the record (it may be this run's own earlier mark). A mark made in a transaction is written
   * again on the next call: that transaction may have rolled back (a retry loop on the same
   * client passes the same handle again), and skipping the write would lose the mark.
   */
  async complete(
    options: HandlerCompleteOptions | undefined,
    prepare: (value: unknown) => JsonValue | undefined,
  ): Promise<boolean> {
    if (this.#handlerDone) throw completeInvalid('must be called while the handler runs');
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw completeInvalid('takes an options object ({ tx, result }) or nothing');
    }
    const tx = options?.tx === undefined ? NO_TX : options.tx;
    const result = prepare(options?.result);
    const committed = this.#committed;
    const pending =
      committed === undefined
        ? this.#run.leases
        : this.#run.leases.filter((lease) => !committed.has(lease));
    this.#completing++;
    let ok = false;
    try {
      ok = (await this.#mark(pending, tx, result)).every(Boolean);
    } finally {
      this.#completing--;
      if (ok) {
        // A call that wrote nothing (every claim already marked for good) changes nothing.
        if (pending.length > 0) this.markedInTransaction = tx !== NO_TX;
        this.completedByHandler = true;
        // A mark in a transaction is final only once it commits: until then the lease is
        // still what keeps a second run out (a rollback and a retry loop's backoff can outlast
        // it), so the keeper renews on. After the commit the store refuses the next renewal,
        // and the refusal is confirmed as this run's own mark (#confirmRefusal).
        if (!this.markedInTransaction) this.keeper.stop();
      }
      if ((!ok || this.markedInTransaction) && this.#completing === 0) {
        const deferred = this.#deferred;
        this.#deferred = undefined;
        if (deferred !== undefined) this.#judge(deferred);
      }
    }
    if (!ok) this.lost('complete_refused');
    return ok;
  }

  /** Write the marks of `leases`; per lease, whether it is marked. */
  async #mark(leases: Lease[], tx: unknown, result: JsonValue | undefined): Promise<boolean[]> {
    const { store } = this.#run.config;
    const write = (lease: Lease) =>
      store.complete(lease.key, lease.token, {
        ttlMs: this.#run.ttlMs,
        ...(result === undefined ? {} : { result }),
        ...(tx === NO_TX ? {} : { tx }),
      });
    const settle = async (lease: Lease, answer: boolean) => {
      const bound = Math.max(this.keeper.deadline, monotonicNow() + GRACE_MS);
      const marked = answer === true || (await landed(store, lease, bound)) !== undefined;
      if (marked && tx === NO_TX) {
        this.#committed ??= new Set();
        this.#committed.add(lease);
      }
      return marked;
    };
    if (tx !== NO_TX) {
      // Every statement is issued before the first await: better-sqlite3 transactions are
      // synchronous, so all of them must start inside the caller's `db.transaction(fn)`.
      const sent = leases.map(write);
      return Promise.all(sent.map(async (answer, i) => settle(leases[i] as Lease, await answer)));
    }
    // Without a transaction, one after the other in completion order (the digest key first):
    // a crash in between must leave the digest key marked, or a replay would run again.
    const marked: boolean[] = [];
    for (const lease of leases) marked.push(await settle(lease, await write(lease)));
    return marked;
  }

  /** Marked for good: outside a transaction, or a transaction's mark found committed. */
  #markedByHandler(): void {
    this.completedByHandler = true;
    this.markedInTransaction = false;
    this.keeper.stop();
  }

  /** The handler's mark is final (not waiting on a transaction): the lease no longer matters. */
  #finallyMarked(): boolean {
    return this.completedByHandler && !this.markedInTransaction;
  }

  #onKeeperLoss(reason: KeeperLoss): void {
    if (this.#handlerDone || this.#finallyMarked()) return;
    if (this.#completing > 0) this.#deferred = reason;
    else this.#judge(reason);
  }

  #judge(reason: KeeperLoss): void {
    if (reason === 'lease_expired') {
      this.lost(reason);
      return;
    }
    void this.#confirmRefusal();
  }

  async #confirmRefusal(): Promise<void> {
    const { store } = this.#run.config;
    // Bounded by the local lease end: a store that does not answer the check is a loss too.
    const deadline = this.keeper.deadline;
    const marked = await Promise.all(this.#run.leases.map((l) => landed(store, l, deadline))).then(
      (found) => found.every(Boolean),
      () => false,
    );
    if (marked) this.#markedByHandler();
    // After the handler, the completion loop judges (a refused extend may be its own mark).
    else if (!this.#finallyMarked() && !this.#handlerDone) this.lost('extend_refused');
  }
}
