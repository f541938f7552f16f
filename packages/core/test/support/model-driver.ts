/**
 * The differential run: one seeded random sequence of calls made to a `memoryStore` on an
 * injected clock and to the contract model (`dedupe-model.ts`), every answer compared exactly.
 * A difference throws with the scenario, seed, step, clock and the last calls, and how to
 * replay it.
 */
import { inspect } from 'node:util';
import { ConfigurationError, memoryStore, StoreUnavailableError } from '../../src/index';
import { newClaimToken } from '../../src/kit';
import type { ClaimResult, DedupeRecord, DedupeStore, JsonValue } from '../../src/store/types';
import { DedupeModel } from './dedupe-model';
import { claimDiff, recordDiff, ULID } from './model-compare';
import {
  claimDigest,
  completeResult,
  draw,
  invalidCall,
  keySpace,
  listOptions,
} from './model-inputs';

export type ModelOp =
  | 'claim'
  | 'extend'
  | 'complete'
  | 'release'
  | 'get'
  | 'delete'
  | 'list'
  | 'close'
  | 'invalid';

export interface ModelScenario {
  name: string;
  /** The store's `maxEntries`. */
  maxEntries: number;
  /** Distinct keys in play. */
  keys: number;
  ops: number;
  weights: Partial<Record<ModelOp, number>>;
  /** `leaseMs` of claims and extends, picked uniformly. */
  leases: readonly number[];
  /** `ttlMs` of claims and completes, picked uniformly. */
  ttls: readonly number[];
  /** Clock steps taken before each call, picked uniformly (so repeats weigh more). */
  steps: readonly number[];
  /** Share of key picks that take the next key in order: new keys, over and over. */
  fresh: number;
  /** Share of key picks among the last 16 keys picked (the rest are uniform). @default 0.45 */
  hot?: number;
  /** Every `every` calls the clock jumps `jump` ms: most records expire at once. */
  wave?: { every: number; jump: number };
}

/** What one run did, so a test can insist it covered what it claims to. */
export interface ModelStats {
  ops: number;
  counts: Record<string, number>;
  /** Most live records at once, and records created (not takeovers). */
  peak: number;
  inserts: number;
}

export async function runModel(scenario: ModelScenario, seed: number): Promise<ModelStats> {
  const d = draw(seed);
  const t0 = 1_700_000_000_000 + d.int(1_000_000);
  let t = t0;
  const store: DedupeStore = memoryStore({ now: () => t, maxEntries: scenario.maxEntries });
  const model = new DedupeModel(scenario.maxEntries);
  const keys = keySpace(scenario.keys);
  const counts: Record<string, number> = {};
  const count = (what: string) => {
    counts[what] = (counts[what] ?? 0) + 1;
  };
  const issued = new Set<string>();
  const tokensOf = new Map<string, string[]>();
  /** Tokens whose record was taken over by a later claim: they must never succeed again. */
  const takenOver = new Set<string>();
  const history: string[] = [];
  let step = 0;
  let note = '';

  const fail = (what: string, got?: unknown, want?: unknown): never => {
    const show = (v: unknown) => inspect(v, { depth: 6, breakLength: 120 });
    throw new Error(
      `[${scenario.name} seed=${seed}] step ${step} (t=t0+${t - t0}): ${what}\n` +
        `  call: ${note}\n  got:  ${show(got)}\n  want: ${show(want)}\n` +
        `  last calls:\n    ${history.join('\n    ')}\n` +
        `  replay: HOOKLATCH_MODEL_SEEDS=${seed} npx vitest run --project core test/memory-store-model`,
    );
  };

  const recent: string[] = [];
  let next = 0;
  const pickKey = (): string => {
    const r = d();
    let key: string;
    if (r < scenario.fresh) key = keys[next++ % keys.length] as string;
    else if (r < scenario.fresh + (scenario.hot ?? 0.45) && recent.length > 0) key = d.pick(recent);
    else key = d.pick(keys);
    recent.push(key);
    if (recent.length > 16) recent.shift();
    return key;
  };
  const pickToken = (key: string): string => {
    const owner = model.records.get(key)?.token;
    const past = tokensOf.get(key);
    const r = d();
    if (owner !== undefined && r < 0.6) return owner;
    if (past !== undefined && r < 0.8) return d.pick(past);
    if (r < 0.85 && issued.size > 0) return d.pick(tokensOf.get(d.pick(recent)) ?? ['x']);
    if (r < 0.9) return owner?.toLowerCase() ?? '';
    if (r < 0.95) return newClaimToken(); // a real ULID nobody was given
    return d.pick(['', 'not-a-token', ' ', '0'.repeat(26)]);
  };
  const checkLive = (record: DedupeRecord, where: string) => {
    if (!(record.expiresAt.getTime() > t)) fail(`${where} returned an expired record`, record);
  };
  /** Callers may mutate what they get: the store must not care. */
  const scribble = (value: unknown) => {
    if (Array.isArray(value)) value.push('scribbled');
    else if (typeof value === 'object' && value !== null) {
      (value as Record<string, unknown>).scribbled = true;
    }
  };
  const scribbleRecord = (record: DedupeRecord) => {
    if (d() < 0.5) return;
    scribble(record.result);
    record.leaseExpiresAt.setTime(0);
    record.claims = -1;
  };

  const ops = Object.entries(scenario.weights) as [ModelOp, number][];
  const total = ops.reduce((sum, [, w]) => sum + w, 0);
  const pickOp = (): ModelOp => {
    let r = d() * total;
    for (const [op, w] of ops) {
      r -= w;
      if (r < 0) return op;
    }
    return (ops[ops.length - 1] as [ModelOp, number])[0];
  };

  const calls: Record<ModelOp, () => Promise<string>> = {
    async claim() {
      const key = pickKey();
      const leaseMs = d.pick(scenario.leases);
      const ttlMs = d.pick(scenario.ttls);
      const digest = claimDigest(d);
      note = `claim(${inspect(key)}, ${leaseMs}, ${ttlMs}, ${inspect(digest)})`;
      const options =
        digest === undefined && d() < 0.5 ? { leaseMs, ttlMs } : { leaseMs, ttlMs, digest };
      let result: ClaimResult | undefined;
      let thrown: unknown;
      try {
        result = await store.claim(key, options);
      } catch (error) {
        thrown = error;
      }
      const token = result?.status === 'claimed' ? result.token : '-';
      const want = model.claim(key, leaseMs, ttlMs, digest, token);
      if (want.status === 'full') {
        if (!(thrown instanceof StoreUnavailableError && thrown.code === 'STORE_FULL')) {
          fail('expected STORE_FULL', result ?? thrown, want);
        }
        return 'STORE_FULL';
      }
      if (result === undefined) return fail('claim threw', thrown, want);
      if (result.status === 'claimed' && want.status === 'completed') {
        fail('a completed record was claimed again inside its TTL', result, want);
      }
      const diff = claimDiff(result, want);
      if (diff !== undefined) fail(`claim: ${diff}`, result, want);
      if (want.status === 'claimed') {
        if (!ULID.test(token) || issued.has(token)) fail('claim token not a fresh ULID', token);
        issued.add(token);
        const past = tokensOf.get(key) ?? [];
        past.push(token);
        if (past.length > 6) past.shift();
        tokensOf.set(key, past);
        if (want.previousToken !== undefined) {
          takenOver.add(want.previousToken);
          return `claimed (takeover, claims ${want.record.claims})`;
        }
      }
      if (want.status === 'completed') {
        const { record } = result as { record: DedupeRecord };
        checkLive(record, 'claim');
        scribbleRecord(record);
      }
      return want.status;
    },

    async extend() {
      const key = pickKey();
      const token = pickToken(key);
      const leaseMs = d.pick(scenario.leases);
      note = `extend(${inspect(key)}, ${token}, ${leaseMs})`;
      return owned(
        'extend',
        token,
        await store.extend(key, token, leaseMs),
        model.extend(key, token, leaseMs),
      );
    },

    async complete() {
      const key = pickKey();
      const token = pickToken(key);
      const ttlMs = d.pick(scenario.ttls);
      const result: JsonValue | undefined = completeResult(d);
      note = `complete(${inspect(key)}, ${token}, ${ttlMs}, ${inspect(result)})`;
      const options = result === undefined ? { ttlMs } : { ttlMs, result };
      const want = model.complete(key, token, ttlMs, result);
      const outcome = owned('complete', token, await store.complete(key, token, options), want);
      scribble(result);
      return outcome;
    },

    async release() {
      const key = pickKey();
      const token = pickToken(key);
      note = `release(${inspect(key)}, ${token})`;
      return owned('release', token, await store.release(key, token), model.release(key, token));
    },

    async get() {
      const key = pickKey();
      note = `get(${inspect(key)})`;
      const got = await store.get(key);
      const want = model.records.get(key);
      if (want === undefined) {
        if (got !== null) fail('get: expected null', got, want);
        return 'null';
      }
      if (got === null) return fail('get: expected a record', got, want);
      checkLive(got, 'get');
      const diff = recordDiff(got, want);
      if (diff !== undefined) fail(`get: ${diff}`, got, want);
      scribbleRecord(got);
      return want.state;
    },

    async delete() {
      const key = pickKey();
      note = `delete(${inspect(key)})`;
      const got = await store.delete(key);
      const want = model.delete(key);
      if (got !== want) fail('delete', got, want);
      return String(got);
    },

    async list() {
      const options = listOptions(d);
      note = `list(${inspect(options)})`;
      const got = await store.list?.(options);
      return compareList(got, options?.prefix ?? '', options?.limit ?? 100);
    },

    async close() {
      note = 'close()';
      await store.close?.();
      model.clear();
      return 'closed';
    },

    async invalid() {
      const key = pickKey();
      const token = model.records.get(key)?.token ?? newClaimToken();
      const [what, call] = invalidCall(store, key, token, d);
      note = `${what} on ${inspect(key)}`;
      const error = await call().then(
        (value) => fail('an invalid call was accepted', value),
        (e: unknown) => e,
      );
      if (!(error instanceof ConfigurationError && error.code === 'CONFIG_INVALID')) {
        fail('an invalid call did not throw CONFIG_INVALID', error);
      }
      return 'CONFIG_INVALID';
    },
  };

  /** extend / complete / release: the model's boolean, and never a taken-over owner. */
  function owned(op: string, token: string, got: boolean, want: boolean): string {
    const stale = takenOver.has(token);
    if (stale) count(`${op}:stale-owner`);
    if (got && stale) fail(`${op} succeeded for a stale owner after a takeover`, got, want);
    if (got !== want) fail(op, got, want);
    return String(got);
  }

  function compareList(got: DedupeRecord[] | undefined, prefix: string, limit: number): string {
    if (!Array.isArray(got)) return fail('list did not return an array', got);
    const matching = model.list(prefix);
    const expected = Math.max(0, Math.min(limit, matching.length));
    if (got.length !== expected) fail(`list returned ${got.length} records, expected ${expected}`);
    const seen = new Set<string>();
    for (const record of got) {
      checkLive(record, 'list');
      if (seen.has(record.key)) fail('list returned a key twice', record);
      seen.add(record.key);
      const want = model.records.get(record.key);
      if (want === undefined || !record.key.startsWith(prefix))
        fail('list returned a stray record', record);
      const diff = recordDiff(record, want as never);
      if (diff !== undefined) fail(`list: ${diff}`, record, want);
    }
    return `${got.length} of ${matching.length}`;
  }

  for (step = 0; step < scenario.ops; step++) {
    t += d.pick(scenario.steps);
    if (scenario.wave && step > 0 && step % scenario.wave.every === 0) t += scenario.wave.jump;
    model.advance(t);
    const op = pickOp();
    const outcome = await calls[op]();
    count(`${op}:${outcome.replace(/ \(.*$/, '').replace(/^\d+ of \d+$/, 'ok')}`);
    if (outcome.startsWith('claimed (takeover')) count('claim:takeover');
    history.push(`${step} t0+${t - t0} ${note} -> ${outcome}`.slice(0, 400));
    if (history.length > 12) history.shift();
  }

  // The whole store against the whole model, then a close that forgets everything.
  note = 'final list({ limit: Infinity })';
  compareList(
    await store.list?.({ limit: Number.POSITIVE_INFINITY }),
    '',
    Number.POSITIVE_INFINITY,
  );
  const stats = { ops: scenario.ops, counts, peak: model.peak, inserts: model.inserts };
  await store.close?.();
  note = 'list() after close()';
  if ((await store.list?.())?.length !== 0) fail('close kept records');
  return stats;
}
