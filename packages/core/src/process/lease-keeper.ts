/**
 * The lease keeper: renews the claims of one run with `store.extend` every third of the lease,
 * and says the moment exclusivity is gone.
 *
 * Local timing is conservative: a lease is taken to end `leaseMs` after the claim or extend
 * call was SENT (the store started the lease no earlier than that), on a monotonic clock. So
 * the local deadline never trails the store's, whatever the network or the app clock do. A
 * renewal counts only when every claim of the run was renewed in the same round.
 */
import type { DedupeStore } from '../store/types';

/** One claim to keep: its key and owner token. */
export interface Lease {
  key: string;
  token: string;
}

/** Why the keeper gave up: the store refused a renewal, or the lease end passed without one. */
export type KeeperLoss = 'extend_refused' | 'lease_expired';

/** Milliseconds on a monotonic clock (immune to app clock steps). */
export function monotonicNow(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** Renews leases until stopped or lost; `onLoss` is called at most once, when the loss happens. */
export class LeaseKeeper {
  readonly #store: DedupeStore;
  readonly #leases: readonly Lease[];
  readonly #leaseMs: number;
  readonly #interval: number;
  readonly #onLoss: (reason: KeeperLoss) => void;
  #deadline: number;
  #lastSent: number;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #loss: { reason: KeeperLoss; at: number } | undefined;

  constructor(
    store: DedupeStore,
    leases: readonly Lease[],
    leaseMs: number,
    claimSentAt: number,
    onLoss: (reason: KeeperLoss) => void,
  ) {
    this.#store = store;
    this.#leases = leases;
    this.#leaseMs = leaseMs;
    this.#interval = Math.max(1, Math.floor(leaseMs / 3));
    this.#onLoss = onLoss;
    this.#deadline = claimSentAt + leaseMs;
    this.#lastSent = claimSentAt;
    this.#armDeadline();
    this.#scheduleRenewal();
  }

  /** The conservative local lease end (on {@link monotonicNow}). */
  get deadline(): number {
    return this.#deadline;
  }

  /** The loss, if the lease was lost. */
  get loss(): { reason: KeeperLoss; at: number } | undefined {
    return this.#loss;
  }

  /** Stop renewing and watching; results of renewals still on the wire are ignored. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#renewTimer);
    clearTimeout(this.#deadlineTimer);
  }

  #active(): boolean {
    return !this.#stopped && this.#loss === undefined;
  }

  #scheduleRenewal(): void {
    if (!this.#active()) return;
    const wait = Math.max(0, this.#lastSent + this.#interval - monotonicNow());
    this.#renewTimer = setTimeout(() => void this.#renew(), Math.ceil(wait));
  }

  async #renew(): Promise<void> {
    const sent = monotonicNow();
    this.#lastSent = sent;
    const answers = await Promise.allSettled(
      this.#leases.map((lease) =>
        Promise.resolve().then(() => this.#store.extend(lease.key, lease.token, this.#leaseMs)),
      ),
    );
    if (!this.#active()) return;
    // Only a literal `true` renews: anything else from a store is a refusal.
    if (answers.some((a) => a.status === 'fulfilled' && a.value !== true)) {
      this.#lose('extend_refused');
      return;
    }
    if (answers.every((a) => a.status === 'fulfilled')) {
      this.#deadline = Math.max(this.#deadline, sent + this.#leaseMs);
      this.#armDeadline();
    }
    // A renewal that threw leaves the deadline alone; the next round may still make it.
    this.#scheduleRenewal();
  }

  #armDeadline(): void {
    clearTimeout(this.#deadlineTimer);
    if (!this.#active()) return;
    const wait = Math.max(0, Math.ceil(this.#deadline - monotonicNow()));
    this.#deadlineTimer = setTimeout(() => {
      if (monotonicNow() >= this.#deadline) this.#lose('lease_expired');
      else this.#armDeadline(); // a timer that fired a fraction early
    }, wait);
  }

  #lose(reason: KeeperLoss): void {
    if (!this.#active()) return;
    this.#loss = { reason, at: monotonicNow() };
    clearTimeout(this.#renewTimer);
    clearTimeout(this.#deadlineTimer);
    try {
      this.#onLoss(reason);
    } catch {
      // The callback is ours and does not throw; a keeper must never crash a timer.
    }
  }
}
