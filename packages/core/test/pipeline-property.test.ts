/**
 * Property test of the once-only pipeline at the store level: random interleavings of claim,
 * extend, complete, release, crashes and clock moves, across several simulated owners of two
 * keys, on memoryStore with a movable clock. Every store call is split in three steps that
 * interleave freely with everything else: the owner sends it, the store applies it, the owner
 * receives the answer. Owners follow processOnce's rules: a lease counts from when the claim or
 * extend was SENT, an owner stops renewing once it believes its lease ended, and its work ends
 * when it sends complete or release.
 *
 * Checked after every step:
 * - at most one live owner per key (working, holding a token, its local lease end not passed);
 * - a live owner's lease is also live in the store, under its token, ending no earlier;
 * - no key is claimed again while its completed record is inside its TTL.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClaimResult, memoryStore } from '../src/index';

const LEASE_MS = 1_000;
const TTL_MS = 3_000;
const OWNERS = 4;
const KEYS = ['k:a', 'k:b'];

type Op = 'claim' | 'extend' | 'complete' | 'release';
type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'send'; owner: number; op: Op }
  | { kind: 'apply'; pick: number }
  | { kind: 'receive'; pick: number }
  | { kind: 'crash'; owner: number };

interface Owner {
  key: string;
  token?: string;
  /** Local lease end: sent time of the last successful claim/extend + lease. */
  leaseEnd: number;
  working: boolean;
  request?: { op: Op; sentAt: number };
  response?: { op: Op; sentAt: number; answer: ClaimResult | boolean };
}

const owner = fc.integer({ min: 0, max: OWNERS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    // Mostly small moves inside a lease, sometimes past a lease or a TTL.
    arbitrary: fc.record({
      kind: fc.constant('advance'),
      ms: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }) },
        { weight: 1, arbitrary: fc.integer({ min: 400, max: 4_000 }) },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send'),
      owner,
      op: fc.constantFrom<Op>(
        'claim',
        'claim',
        'extend',
        'extend',
        'extend',
        'complete',
        'complete',
        'release',
      ),
    }),
  },
  // apply / receive pick among the owners that have something on the wire.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('apply'), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('receive'), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash'), owner }) },
) as fc.Arbitrary<Step>;

/** A plain check (the property runs tens of thousands of steps; `expect` is slow for that). */
function check(ok: boolean, problem: string): asserts ok {
  if (!ok) throw new Error(problem);
}

/**
 * Run one interleaving. `leaseFrom` says when an owner counts its lease from: 'sent' is
 * processOnce's rule; 'received' is the naive one the checker must catch.
 */
async function run(steps: Step[], leaseFrom: 'sent' | 'received' = 'sent'): Promise<void> {
  let t = 1_700_000_000_000;
  const store = memoryStore({ now: () => t });
  const owners: Owner[] = Array.from({ length: OWNERS }, (_, i) => ({
    key: KEYS[i % KEYS.length]!,
    leaseEnd: 0,
    working: false,
  }));
  const completedUntil = new Map<string, number>();
  const live = (o: Owner) => o.working && o.token !== undefined && t < o.leaseEnd;

  for (const s of steps) {
    if (s.kind === 'advance') t += s.ms;
    const pending = (has: (x: Owner) => unknown) => {
      const candidates = owners.filter(has);
      return 'pick' in s ? candidates[s.pick % Math.max(1, candidates.length)] : undefined;
    };
    const o =
      s.kind === 'apply'
        ? pending((x) => x.request)
        : s.kind === 'receive'
          ? pending((x) => x.response)
          : s.kind === 'advance'
            ? undefined
            : owners[s.owner]!;
    if (s.kind === 'crash' && o) {
      owners[owners.indexOf(o)] = { key: o.key, leaseEnd: 0, working: false };
    } else if (s.kind === 'send' && o && !o.request && !o.response) {
      // Only what processOnce would send: a claim without a token, a renewal while the lease
      // is believed live, complete/release while holding a token (which ends the work).
      const may =
        s.op === 'claim'
          ? o.token === undefined
          : s.op === 'extend'
            ? live(o)
            : o.token !== undefined;
      if (may) {
        o.request = { op: s.op, sentAt: t };
        if (s.op === 'complete' || s.op === 'release') o.working = false;
      }
    } else if (s.kind === 'apply' && o?.request) {
      const { op, sentAt } = o.request;
      o.request = undefined;
      let answer: ClaimResult | boolean;
      if (op === 'claim') {
        answer = await store.claim(o.key, { leaseMs: LEASE_MS, ttlMs: TTL_MS });
        if (answer.status === 'claimed') {
          check(
            t >= (completedUntil.get(o.key) ?? 0),
            'a completed key was claimed inside its TTL',
          );
        }
      } else if (op === 'extend') answer = await store.extend(o.key, o.token!, LEASE_MS);
      else if (op === 'complete') {
        answer = await store.complete(o.key, o.token!, { ttlMs: TTL_MS });
        if (answer) completedUntil.set(o.key, t + TTL_MS);
      } else answer = await store.release(o.key, o.token!);
      o.response = { op, sentAt, answer };
    } else if (s.kind === 'receive' && o?.response) {
      const { op, sentAt, answer } = o.response;
      o.response = undefined;
      const from = leaseFrom === 'sent' ? sentAt : t;
      if (op === 'claim' && typeof answer === 'object' && answer.status === 'claimed') {
        Object.assign(o, { token: answer.token, leaseEnd: from + LEASE_MS, working: true });
      } else if (op === 'extend') {
        // A renewal answered after the owner already gave up changes nothing (keeper stopped).
        if (answer === true && o.working && t < o.leaseEnd) o.leaseEnd = from + LEASE_MS;
        else if (answer !== true) o.working = false;
      } else if (op === 'complete' || op === 'release') o.token = undefined;
    }

    for (const key of KEYS) {
      const holders = owners.filter((x) => x.key === key && live(x));
      check(holders.length <= 1, `${holders.length} live owners of ${key}`);
      const holder = holders[0];
      if (holder) {
        const record = await store.get(key);
        check(record?.state === 'in_flight', 'a live owner whose record is not in flight');
        check(record?.token === holder.token, 'a live owner whose token the store does not hold');
        check(
          record.leaseExpiresAt.getTime() >= holder.leaseEnd,
          'a local lease outliving the store lease',
        );
      }
    }
  }
}

describe('pipeline property: claim / extend / complete / release / expiry', () => {
  it('at most one live owner, no completed key re-run inside its TTL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 40, maxLength: 160, size: 'max' }), (steps) =>
        run(steps),
      ),
      { numRuns: 800 },
    );
  });

  it('the checker is not vacuous: counting a lease from the answer lets two owners overlap', async () => {
    const result = await fc.check(
      fc.asyncProperty(fc.array(step, { minLength: 40, maxLength: 160, size: 'max' }), (steps) =>
        run(steps, 'received'),
      ),
      { numRuns: 2_000 },
    );
    expect(result.failed).toBe(true);
  });
});
