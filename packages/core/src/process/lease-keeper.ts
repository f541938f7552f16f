/**
 * The lease keeper: renews the claims of one run with `store.extend` every third of the lease,
 * and says the moment exclusivity is gone.
 *
 * Local timing is conservative: a lease is taken to end `leaseMs` after the claim or extend
 * call was SENT (the store started the lease no earlier than that), on a monotonic clock. So
 * the local deadline never trails the store's, whatever the network or the app clock do. A
 * renewal counts only when every claim of the run was renewed in the same round.
 *
 * Passing the local deadline raises the loss but does not stop the renewals: the store may still
 * hold the lease (a renewal that landed but answered late), and `extend` never revives an ended
 * one, so renewing on is safe and keeps a handler that ignores its signal from being joined by
 * a second run. Only a refusal (or `stop`) ends them.
 *
 * The keeper's timers do not keep the process alive by themselves (`unref` where the runtime
 * has it): a process left with nothing but a handler that can never settle may exit, and its
 * lease then ends as if it had crashed.
 *
 * The deadline gets its own timer only from the first renewal on: that renewal is due two
 * thirds of a lease before the deadline, so until it fires the renewal timer alone is enough,
 * and a handler done within a third of its lease (nearly every one) costs one timer, not two.
 * A renewal that fires past the deadline (a stalled event loop) arms the deadline timer at
 * once: the loss is raised on the next turn, unless that renewal was confirmed first, which the
 * store does only for a lease still live (`extend` never revives an ended one).
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

type Timer = ReturnType<typeof setTimeout>;

/** `timer`, not holding the process open (Node, Bun, Deno; a no-op where timers are numbers). */
function unref(timer: Timer): Timer {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** Renews leases until stopped or lost; `onLoss` is called at most once, when the loss happens. */
export class LeaseKeeper {
  readonly #store: Pick<DedupeStore, 'extend'>;
  readonly #leases: readonly Lease[];
  readonly #leaseMs: number;
  readonly #interval: number;
  readonly #onLoss: (reason: KeeperLoss) => void;
  #deadline: number;
  #lastSent: number;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  /** The deadline timer runs (armed at the first renewal). */
  #watching = false;
  /** A renewal was refused (also after a local expiry): renewing is over. */
  #refused = false;
  #loss: { reason: KeeperLoss; at: number } | undefined;

  constructor(
    store: Pick<DedupeStore, 'extend'>,
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

  /** Renewals go on after a local expiry (see above); a refusal or `stop` ends them. */
  #renewing(): boolean {
    return !this.#stopped && !this.#refused;
  }

  #scheduleRenewal(): void {
    if (!this.#renewing()) return;
    const wait = Math.max(0, this.#lastSent + this.#interval - monotonicNow());
    this.#renewTimer = unref(setTimeout(() => void this.#renew(), Math.ceil(wait)));
  }

  async #renew(): Promise<void> {
    if (!this.#watching) {
      this.#watching = true;
      this.#armDeadline();
    }
    const sent = monotonicNow();
    this.#lastSent = sent;
    const answers = await Promise.allSettled(
      this.#leases.map((lease) =>
        Promise.resolve().then(() => this.#store.extend(lease.key, lease.token, this.#leaseMs)),
      ),
    );
    if (!this.#renewing()) return;
    // Only a literal `true` renews: anything else from a store is a refusal.
    if (answers.some((a) => a.status === 'fulfilled' && a.value !== true)) {
      this.#refused = true;
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
    this.#deadlineTimer = unref(
      setTimeout(() => {
        if (monotonicNow() >= this.#deadline) this.#lose('lease_expired');
        else this.#armDeadline(); // a timer that fired a fraction early
      }, wait),
    );
  }

  #lose(reason: KeeperLoss): void {
    if (!this.#active()) return;
    this.#loss = { reason, at: monotonicNow() };
    if (reason === 'extend_refused') clearTimeout(this.#renewTimer);
    clearTimeout(this.#deadlineTimer);
    try {
      this.#onLoss(reason);
    } catch {
      // The callback is ours and does not throw; a keeper must never crash a timer.
    }
  }
}
