/**
 * The store commands against one real backend, through the executable: the same scenario for
 * SQLite, Redis and PostgreSQL. Each test seeds its own key prefix and inbox queue through the
 * store packages' public API, runs `hooklatch`, and checks output, exit code and the store.
 */
import { fileURLToPath } from 'node:url';
import type { DedupeStore, InboxDelivery, InboxStore } from '@hooklatch/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ChildRun, hooklatch } from './child';

/** One backend. */
export interface ScenarioBackend {
  name: string;
  /** A fresh namespace: the CLI's store arguments and the same store and inbox to seed. */
  namespace(id: string): { args: string[]; store: DedupeStore; inbox: InboxStore };
  /** SQL stores purge expired rows; Redis expires keys itself. */
  purgesExpired: boolean;
  /** A --store URL of this kind that refuses connections, and one on a server that never answers. */
  unreachable?: () => Promise<{ refused: string; silent: string }>;
}

const HOUR = 3_600_000;
/** A module that sets the CLI process's clock two minutes ahead. */
const CLOCK_AHEAD = fileURLToPath(new URL('./fixtures/clock-ahead.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keysOf = (run: ChildRun) =>
  (JSON.parse(run.out) as { records: { key: string }[] }).records.map((r) => r.key);

async function completed(store: DedupeStore, key: string, result?: { ok: number }) {
  const claim = await store.claim(key, { leaseMs: 60_000, ttlMs: HOUR });
  if (claim.status !== 'claimed') throw new Error(`seed: ${key} was ${claim.status}`);
  await store.complete(key, claim.token, { ttlMs: HOUR, ...(result ? { result } : {}) });
}
const live = (store: DedupeStore, key: string) =>
  store.claim(key, { leaseMs: 60_000, ttlMs: HOUR });
const stalled = (store: DedupeStore, key: string) => store.claim(key, { leaseMs: 1, ttlMs: HOUR });

/** Register the scenario for `backend`. */
export function describeStoreCommands(backend: ScenarioBackend): void {
  // Each test runs several processes one after another.
  describe(`hooklatch store commands on ${backend.name}`, { timeout: 30_000 }, () => {
    let ns: ReturnType<ScenarioBackend['namespace']>;
    let n = 0;
    beforeEach(() => {
      n++;
      ns = backend.namespace(`t${n}${Math.random().toString(36).slice(2, 7)}`);
    });
    const run = (...args: string[]) => hooklatch([...args, ...ns.args]);

    async function seed() {
      await completed(ns.store, 'stripe:evt_a', { ok: 1 });
      await live(ns.store, 'stripe:evt_b');
      await stalled(ns.store, 'stripe:evt_c');
      await completed(ns.store, 'github:d_1');
      await sleep(20);
    }

    it('lists records with their state, filters them and pages through them', async () => {
      await seed();
      const all = await run('list');
      expect(all.err).toBe('');
      expect(all.code).toBe(0);
      expect(all.out).toMatch(/^KEY\s+STATE\s+AGE\s+CLAIMS\s+LEASE\s+EXPIRES$/m);
      expect(all.out).toMatch(/^stripe:evt_a\s+completed\s/m);
      expect(all.out).toMatch(/^stripe:evt_b\s+in_flight\s.*ends in \d+ s/m);
      expect(all.out).toMatch(/^stripe:evt_c\s+stalled\s.*ended \d+ s ago/m);
      const stalledOnly = await run('list', '--provider', 'stripe', '--state', 'stalled', '--json');
      expect(keysOf(stalledOnly)).toEqual(['stripe:evt_c']);
      const first = await run('list', '--limit', '2', '--json');
      expect(keysOf(first)).toEqual(['github:d_1', 'stripe:evt_a']);
      expect(JSON.parse(first.out).next).toBe('stripe:evt_a');
      const second = await run('list', '--limit', '2', '--after', 'stripe:evt_a', '--json');
      expect(keysOf(second)).toEqual(['stripe:evt_b', 'stripe:evt_c']);
      expect(JSON.parse(second.out).next).toBeUndefined();
      expect((await run('list', '--older-than', '1h')).out).toBe('no records match.\n');
    });

    it('inspects a record, and exits 1 for a key it does not have', async () => {
      await seed();
      const found = await run('inspect', 'stripe:evt_a');
      expect(found.code).toBe(0);
      expect(found.out).toContain('completed: re-deliveries are answered as duplicates');
      expect(found.out).toMatch(/result\s+\{"ok":1\}/);
      const json = JSON.parse((await run('inspect', 'stripe:evt_c', '--json')).out);
      expect(json.record).toMatchObject({
        key: 'stripe:evt_c',
        state: 'in_flight',
        status: 'stalled',
        claims: 1,
      });
      const missing = await run('inspect', 'stripe:evt_nope');
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('no record for stripe:evt_nope');
      expect(missing.out).toBe('');
      // A key with terminal control characters is shown escaped, never written raw.
      const hostile = await run('release', 'stripe:\u001b[31mred\nline');
      expect(hostile.err).toContain('no record for stripe:\\x1b[31mred\\x0aline');
      expect(hostile.err).not.toContain('\u001b');
    });

    it('releases a stalled claim, refuses a live one unless --force, never a completed one', async () => {
      await seed();
      const freed = await run('release', 'stripe:evt_c');
      expect(freed.code).toBe(0);
      expect(freed.out).toContain(
        "released stripe:evt_c: the provider's next delivery runs the handler.",
      );
      expect(await ns.store.get('stripe:evt_c')).toBeNull();
      const refused = await run('release', 'stripe:evt_b');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('holds a live lease');
      expect((await ns.store.get('stripe:evt_b'))?.state).toBe('in_flight');
      expect((await run('release', 'stripe:evt_b', '--force')).code).toBe(0);
      expect(await ns.store.get('stripe:evt_b')).toBeNull();
      const done = await run('release', 'stripe:evt_a');
      expect(done.code).toBe(1);
      expect(done.err).toContain('is completed');
      expect((await ns.store.get('stripe:evt_a'))?.state).toBe('completed');
      expect((await run('release', 'stripe:evt_a', '--force')).code).toBe(1);
    });

    it('refuses to release a lease this machine calls ended while the store says it runs', async () => {
      await seed();
      const ahead = { NODE_OPTIONS: `--import=${CLOCK_AHEAD}` };
      // Two minutes ahead, this machine sees the 60 s lease of evt_b as ended.
      const listed = await hooklatch(['list', '--state', 'stalled', '--json', ...ns.args], {
        env: ahead,
      });
      expect(keysOf(listed)).toContain('stripe:evt_b');
      const refused = await hooklatch(['release', 'stripe:evt_b', ...ns.args], { env: ahead });
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("holds a live lease by the store's clock");
      const record = await ns.store.get('stripe:evt_b');
      expect(record?.state).toBe('in_flight');
      expect((await ns.store.claim('stripe:evt_b', { leaseMs: 1000, ttlMs: HOUR })).status).toBe(
        'in_flight',
      );
      // A lease that did end is still released, with the same clock.
      const freed = await hooklatch(['release', 'stripe:evt_c', ...ns.args], { env: ahead });
      expect(freed.code).toBe(0);
      expect(await ns.store.get('stripe:evt_c')).toBeNull();
    });

    it('counts records by provider and state, and says where the hit rate lives', async () => {
      await seed();
      const table = await run('stats');
      expect(table.code).toBe(0);
      expect(table.out).toMatch(/^stripe\s+1\s+1\s+1\s+3\s+0$/m);
      expect(table.out).toMatch(/^all\s+2\s+1\s+1\s+4\s+0$/m);
      expect(table.out).toContain('dedupe hit rate: not in the store');
      const json = JSON.parse((await run('stats', '--json')).out);
      expect(json.providers).toEqual({
        github: { completed: 1, in_flight: 0, stalled: 0, total: 1, reclaimed: 0 },
        stripe: { completed: 1, in_flight: 1, stalled: 1, total: 3, reclaimed: 0 },
      });
      expect(json.oldestInFlight.key).toMatch(/^stripe:evt_[bc]$/);
    });

    it('purges old records but never a live lease; --dry-run removes nothing', async () => {
      await seed();
      const dry = await run(
        'purge',
        '--older-than',
        '0s',
        '--provider',
        'stripe',
        '--dry-run',
        '--json',
      );
      expect(JSON.parse(dry.out)).toEqual({
        removed: 0,
        matched: 3,
        eligible: 2,
        skipped: 1,
        changed: 0,
        dryRun: true,
      });
      expect(await ns.store.get('stripe:evt_a')).not.toBeNull();
      const real = await run('purge', '--older-than', '0s', '--provider', 'stripe');
      expect(real.code).toBe(0);
      expect(real.out).toContain('removed 2 of 3 records first claimed 0s ago or earlier.');
      expect(real.out).toContain('left 1 with a live lease alone');
      expect(real.err).toBe('');
      expect(await ns.store.get('stripe:evt_a')).toBeNull();
      expect(await ns.store.get('stripe:evt_c')).toBeNull();
      expect((await ns.store.get('stripe:evt_b'))?.state).toBe('in_flight');
      expect((await ns.store.get('github:d_1'))?.state).toBe('completed');
    });

    it('purges expired records where the backend keeps them', async () => {
      await ns.store.claim('stripe:evt_old', { leaseMs: 1, ttlMs: 1 });
      await sleep(30);
      const purged = await run('purge', '--expired', '--json');
      expect(purged.code).toBe(0);
      if (backend.purgesExpired)
        expect(JSON.parse(purged.out)).toEqual({ expired: 1, selfExpiring: false });
      else expect(JSON.parse(purged.out)).toEqual({ expired: 0, selfExpiring: true });
      expect((await run('purge', '--expired')).out).toMatch(
        backend.purgesExpired ? /^removed 0 expired records\.$/m : /expires records itself/,
      );
    });

    it('never writes a stored key or header raw to the terminal, and hints with a shell-safe word', async () => {
      const hostile = "stripe:evt_'\u001b[2J\u0007\u202eRTL";
      await ns.store.claim(hostile, { leaseMs: 60_000, ttlMs: 60_000 });
      await ns.store.claim('stripe:evt_z', { leaseMs: 60_000, ttlMs: 60_000 });
      await ns.inbox.enqueue({
        key: hostile,
        provider: 'stripe',
        type: 'charge.succeeded',
        method: 'POST',
        headers: { 'x-evil': 'val\u001b[31mRED\u009b0m' },
        body: new TextEncoder().encode('{}'),
        receivedAt: new Date(),
      });
      const inspected = await run('inbox', 'inspect', hostile);
      expect(inspected.code).toBe(0);
      expect(inspected.out).toContain("stripe:evt_'\\x1b[2J\\x07\\u202eRTL");
      expect(inspected.out).toContain('x-evil: val\\x1b[31mRED\\x9b0m');
      const listed = await run('list', '--limit', '1');
      expect(listed.out).toContain("--after=$'stripe:evt_\\'\\x1b[2J\\x07\\u202eRTL'");
      const stats = await run('stats');
      const json = await run('inbox', 'inspect', hostile, '--json');
      // The JSON escapes them too, and still parses back to the stored key.
      expect(JSON.parse(json.out).entry.key).toBe(hostile);
      for (const out of [inspected.out, listed.out, stats.out, json.out]) {
        for (const raw of ['\u001b', '\u0007', '\u009b', '\u202e']) expect(out).not.toContain(raw);
      }
    });

    it('a value the store refuses (--queue, --provider) is a usage mistake, exit 2', async () => {
      // The last --queue wins: it goes after the backend's own.
      for (const refused of [
        await hooklatch(['inbox', 'list', ...ns.args, '--queue', 'bad queue']),
        await run('replay', '--provider', 'bad provider', '--reason', 'x'),
      ]) {
        expect(refused.code).toBe(2);
        expect(refused.err).toMatch(/must be .*\nRun `hooklatch \w+ --help` for usage\./);
      }
    });

    it('lists the inbox and its dead letters, inspects and replays an entry with its reason', async () => {
      const delivery = (key: string, extra: Partial<InboxDelivery> = {}): InboxDelivery => ({
        key,
        provider: key.split(':')[0] as string,
        type: 'charge.succeeded',
        method: 'POST',
        headers: { authorization: 'Basic c2VjcmV0OnB3', 'stripe-signature': 't=1,v1=ab' },
        body: new TextEncoder().encode('{"id":"evt"}'),
        receivedAt: new Date(),
        ...extra,
      });
      await ns.inbox.enqueue(delivery('stripe:evt_p'));
      await ns.inbox.enqueue(
        delivery('stripe:evt_d', {
          deadLetter: { code: 'PAYLOAD_SCHEMA_MISMATCH', message: 'amount: expected number' },
        }),
      );
      await ns.inbox.enqueue(delivery('github:d_c', { type: 'push' }));
      const [claim] = await ns.inbox.claim({ leaseMs: 60_000, limit: 1, providers: ['github'] });
      await ns.inbox.complete('github:d_c', claim?.token as string);

      const listed = JSON.parse((await run('inbox', 'list', '--json')).out) as {
        entries: { key: string; state: string }[];
      };
      expect(listed.entries.map((e) => [e.key, e.state])).toEqual([
        ['github:d_c', 'completed'],
        ['stripe:evt_d', 'dead'],
        ['stripe:evt_p', 'pending'],
      ]);
      const stats = JSON.parse((await run('inbox', 'stats', '--json')).out);
      expect(stats.states).toEqual({ pending: 1, running: 0, completed: 1, dead: 1 });
      const dlq = await run('dlq');
      expect(dlq.code).toBe(0);
      expect(dlq.out).toMatch(
        /^stripe:evt_d\s+dead\s+charge\.succeeded\s+0\s.*PAYLOAD_SCHEMA_MISMATCH: amount: expected number$/m,
      );
      expect(dlq.out).not.toContain('evt_p');
      const shown = await run('inbox', 'inspect', 'stripe:evt_d', '--body');
      expect(shown.out).toContain('authorization: (hidden)');
      expect(shown.out).toContain('stripe-signature: t=1,v1=ab');
      expect(shown.out).toContain('{"id":"evt"}');
      expect(shown.out).not.toContain('c2VjcmV0');
      const json = JSON.parse(
        (await run('inbox', 'inspect', 'stripe:evt_d', '--body', '--json')).out,
      );
      expect(json.entry).toMatchObject({
        state: 'dead',
        body: '{"id":"evt"}',
        headers: { authorization: '(hidden)' },
      });
      expect(json.entry.token).toBeUndefined();
      expect((await run('inbox', 'inspect', 'stripe:nope')).code).toBe(1);

      expect((await run('replay', 'stripe:evt_d')).code).toBe(2);
      const replayed = await run('replay', 'stripe:evt_d', '--reason', 'schema fixed in 1.4.2');
      expect(replayed.code).toBe(0);
      expect(replayed.out).toContain('replayed 1 entry');
      expect(await ns.inbox.get('stripe:evt_d')).toMatchObject({
        state: 'pending',
        replays: 1,
        replayReason: 'schema fixed in 1.4.2',
        attempts: 0,
      });
      const none = await run('replay', '--provider', 'stripe', '--reason', 'again');
      expect(none.code).toBe(1);
      expect(none.err).toContain('nothing replayed');
      const purged = await run('inbox', 'purge', '--older-than', '0s', '--json');
      expect(JSON.parse(purged.out)).toEqual({ removed: 1 });
      expect(await ns.inbox.get('github:d_c')).toBeNull();
    });

    it.skipIf(!backend.unreachable)(
      'says in words that the server refused the connection or did not answer',
      async () => {
        const { refused, silent } = await (
          backend.unreachable as NonNullable<ScenarioBackend['unreachable']>
        )();
        const a = await hooklatch(['list', '--store', refused, '--timeout-ms', '1000']);
        expect(a.code).toBe(1);
        expect(a.err).toMatch(/^hooklatch list: cannot connect to .*: the connection was refused/);
        expect(a.err).not.toMatch(/\n\s+at /);
        const b = await hooklatch(['stats', '--store', silent, '--timeout-ms', '800']);
        expect(b.code).toBe(1);
        expect(b.err).toMatch(
          /^hooklatch stats: cannot connect to .*: no answer within 800 ms\.$/m,
        );
      },
    );
  });
}
