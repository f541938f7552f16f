/**
 * One delivery through the once-only pipeline: claim the event key (and, with the replay guard,
 * the payload digest key), answer from the claim when someone else holds or finished it, or run
 * as the owner.
 *
 * Replay guard (`replayGuard: 'digest'`): the digest key `#digest:${provider}:${digest}`
 * is claimed after the event key, with the same lease, TTL and digest, renewed, completed and
 * released together with it, so a crash never blocks either for longer than a lease. The
 * digest key is completed first: a crash between the two marks then still answers both a retry
 * and a replay under a fresh ID as duplicates. A replay whose digest key is completed completes
 * its own key too (the work is done) and is a `duplicate`; one whose digest key is in flight
 * releases its key and is `in_flight`.
 */
import type { WebhookEvent } from '../event';
import type { ClaimOptions, JsonValue } from '../store/types';
import { checkRetention, warner } from './callbacks';
import { type Lease, monotonicNow } from './lease-keeper';
import { checkEvent, effectiveTtl, type ProcessConfig } from './options';
import type { MatchedBy, ProcessOutcome, ProcessWarning } from './outcome-types';
import { answerFor, failedOutcome, storeFailure } from './outcomes';
import type { RunProbe } from './probe';
import { runClaimed } from './run-claimed';

type Claimed = { lease: Lease; claims: number };

async function claimOne<R>(
  config: ProcessConfig,
  eventKey: string,
  claimKey: string,
  options: ClaimOptions,
  via: MatchedBy,
): Promise<Claimed | ProcessOutcome<R>> {
  try {
    const claim = await config.store.claim(claimKey, options);
    if (claim.status === 'claimed') {
      return { lease: { key: claimKey, token: claim.token }, claims: claim.claims };
    }
    return answerFor<R>(config, eventKey, claim, options.digest, via);
  } catch (error) {
    return storeFailure(eventKey, error);
  }
}

/**
 * The digest key answered for the event: settle the event key we hold. Completed elsewhere ->
 * mark ours completed too (with that result); anything else -> release ours.
 */
async function settleReplay<R>(
  config: ProcessConfig,
  warn: (warning: ProcessWarning) => void,
  own: Lease,
  ttlMs: number,
  answer: ProcessOutcome<R>,
): Promise<ProcessOutcome<R>> {
  const { store } = config;
  try {
    if (answer.outcome === 'duplicate') {
      const result: JsonValue | undefined = answer.result;
      const done = await store.complete(own.key, own.token, {
        ttlMs,
        ...(result === undefined ? {} : { result }),
      });
      if (done === true) return answer;
    }
  } catch {
    // Not marked: release below, so the retry can try again.
  }
  try {
    await store.release(own.key, own.token);
  } catch (error) {
    warn({ kind: 'release_failed', key: own.key, error });
  }
  return answer;
}

/** `outcome`, told to the probe first (the one place every answer of a run passes). */
function answered<R>(
  probe: RunProbe | undefined,
  outcome: ProcessOutcome<R>,
  sentAt: number | undefined,
): ProcessOutcome<R> {
  probe?.finished(outcome, sentAt);
  return outcome;
}

/** Process one event with a validated config, told to `probe` when observed. Never throws. */
export async function runOnce<R>(
  config: ProcessConfig,
  raw: WebhookEvent,
  probe?: RunProbe,
): Promise<ProcessOutcome<R>> {
  let event: ReturnType<typeof checkEvent>;
  try {
    event = checkEvent(raw);
  } catch (error) {
    const key = typeof raw?.dedupeKey === 'string' ? raw.dedupeKey : '';
    return answered(probe, failedOutcome(key, error), undefined);
  }
  const warn = warner(config, probe);
  const key = event.dedupeKey;
  const ttlMs = effectiveTtl(config, event);
  checkRetention(config, warn, key, event.provider, event.retentionMs);
  const options: ClaimOptions = { leaseMs: config.leaseMs, ttlMs: Math.max(ttlMs, config.leaseMs) };
  if (event.digest !== undefined) options.digest = event.digest;

  const sentAt = monotonicNow();
  const first = await claimOne<R>(config, key, key, options, 'key');
  if (!('lease' in first)) return answered(probe, first, sentAt);
  const leases = [first.lease];
  if (config.replayGuard === 'digest' && event.digest !== undefined) {
    // Event keys are `${provider}:${id}`, and an ID outside the signature is the sender's to
    // pick: a digest key must start where no event key can (`#`), or a forged ID could plant one.
    // Per tenant too, as the dedupe key: one tenant's body never dedupes another's.
    const digestKey = `#digest:${event.namespace}:${event.digest}`;
    const second = await claimOne<R>(config, key, digestKey, options, 'digest');
    if (!('lease' in second)) {
      const answer = await settleReplay<R>(config, warn, first.lease, ttlMs, second);
      return answered(probe, answer, sentAt);
    }
    leases.unshift(second.lease);
  }
  // Awaited rather than returned: an async function returning a promise costs two more
  // microtask turns than one awaiting it, and the probe hears the outcome here for free.
  const outcome = await runClaimed<R>({
    config,
    warn,
    event: raw,
    probe,
    key,
    leases,
    claims: first.claims,
    ttlMs,
    sentAt,
  });
  return answered(probe, outcome, sentAt);
}
