/**
 * `context.complete({ tx })` on the SQL inboxes: the handler's business write and the inbox
 * completion commit in one transaction, so a worker SIGKILLed between the two never doubles
 * the effect. Each case kills a child worker mid-handler, then lets a worker here take over:
 *
 * - killed after the write and the completion, before COMMIT: both roll back; the takeover
 *   runs the entry once: one effect in total;
 * - killed after COMMIT: the entry is completed; nothing runs again: one effect;
 * - the control, a write without the transaction: the takeover runs it again: two effects
 *   (what `tx` prevents).
 *
 * SQLite always runs; PostgreSQL and MySQL against HOOKLATCH_PG_URL / HOOKLATCH_MYSQL_URL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inboxReceiver, type WorkerReport, worker } from '@hooklatch/core';
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type TxDialect, type TxNames, type TxSide, txSide } from './inbox/tx-sides';
import { serverUrl, uniqueName } from './support/servers';

const LEASE_MS = 800;
const child = fileURLToPath(new URL('./inbox/tx-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hooklatch-inbox-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run a child worker until it prints HOLDING mid-handler, then SIGKILL it. */
async function killMidHandler(dialect: TxDialect, names: TxNames, mode: string): Promise<void> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', child, dialect, mode, String(LEASE_MS)],
    {
      env: { ...process.env, HOOKLATCH_TX_NAMES: JSON.stringify(names) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => {
    err = (err + d).slice(-2_000);
  });
  const exited = new Promise((resolve) => proc.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never held: ${err}`)), 30_000);
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('HOLDING')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('close', () => reject(new Error(`child exited early: ${err}`)));
  });
  proc.kill('SIGKILL');
  await exited;
}

/** A worker here on `side`'s inbox, one entry at a time, polling fast. */
const workerOn = (side: TxSide) => ({
  inbox: side.inbox,
  adapter: inboxTestAdapter(),
  concurrency: 1,
  leaseMs: LEASE_MS,
  pollMs: 20,
  logger: false as const,
});

/** Wait (up to 20 s) until `key` is completed. */
async function completedIn(side: TxSide, key: string): Promise<void> {
  const end = Date.now() + 20_000;
  while ((await side.inbox.get(key))?.state !== 'completed' && Date.now() < end) await sleep(25);
}

/** One case: returns the effect rows of the entry and how often the takeover ran it. */
async function scenario(side: TxSide, names: TxNames, dialect: TxDialect, mode: string) {
  const key = `inboxtest:${mode}`;
  await inboxReceiver({ adapter: inboxTestAdapter(), inbox: side.inbox, logger: false })(
    inboxTestDelivery({ id: mode, type: 'order.paid' }),
  );
  await killMidHandler(dialect, names, mode);
  let runs = 0;
  const takeover = worker({
    ...workerOn(side),
    async handler(_event, ctx) {
      runs++;
      await side.writeAndComplete(ctx);
    },
  });
  await completedIn(side, key);
  // Past the dead child's lease: a takeover that was going to happen has happened.
  await sleep(LEASE_MS + 300);
  await takeover.stop();
  return { state: (await side.inbox.get(key))?.state, effects: await side.effects(key), runs };
}

const dialects: Array<[TxDialect, boolean]> = [
  ['sqlite', true],
  ['postgres', serverUrl('pg') !== undefined],
  ['mysql', serverUrl('mysql') !== undefined],
];

for (const [dialect, available] of dialects) {
  describe.skipIf(!available)(`${dialect} inbox: complete({ tx }) across a crash`, () => {
    const names: TxNames = {
      table: uniqueName(`hl_itx_${dialect.slice(0, 2)}`),
      effects: uniqueName(`hl_ifx_${dialect.slice(0, 2)}`),
      queue: 'tx',
      file: join(dir, `${dialect}.db`),
    };
    const side = txSide(dialect, names);
    afterAll(async () => {
      await side.drop();
      await side.close();
    });

    it('killed before COMMIT: write and completion roll back together, the takeover runs once', async () => {
      await side.setup();
      const result = await scenario(side, names, dialect, 'before_commit');
      expect(result).toEqual({ state: 'completed', effects: 1, runs: 1 });
    }, 60_000);

    it('killed after COMMIT: completed with its write, never run again', async () => {
      await side.setup();
      const result = await scenario(side, names, dialect, 'after_commit');
      expect(result).toEqual({ state: 'completed', effects: 1, runs: 0 });
    }, 60_000);

    it('control: a write outside the transaction runs twice after the same crash', async () => {
      await side.setup();
      const result = await scenario(side, names, dialect, 'plain');
      expect(result).toEqual({ state: 'completed', effects: 2, runs: 1 });
    }, 60_000);

    it('rolled back after its completion and retried after a backoff: no other worker joins', async () => {
      await side.setup();
      const key = 'inboxtest:rolled_back';
      await inboxReceiver({ adapter: inboxTestAdapter(), inbox: side.inbox, logger: false })(
        inboxTestDelivery({ id: 'rolled_back', type: 'order.paid' }),
      );
      const reports: WorkerReport[] = [];
      let runs = 0;
      let abortedAtEnd: boolean | undefined;
      const make = () =>
        worker({
          ...workerOn(side),
          onReport: (report) => void reports.push(report),
          async handler(_event, ctx) {
            runs++;
            // The retry loop of the docs: the transaction failed after the completion, so
            // back off three leases long, then write and complete again.
            await side.completeThenRollBack(ctx);
            await sleep(3 * LEASE_MS);
            await side.writeAndComplete(ctx);
            // Committed: the renewals now refused are this claim's own completion, no loss.
            await sleep(LEASE_MS);
            abortedAtEnd = ctx.signal.aborted;
          },
        });
      const workers = [make(), make()];
      await completedIn(side, key);
      await sleep(LEASE_MS + 300);
      await Promise.all(workers.map((w) => w.stop()));
      expect({ runs, effects: await side.effects(key), abortedAtEnd }).toEqual({
        runs: 1,
        effects: 1,
        abortedAtEnd: false,
      });
      expect(reports.filter((r) => r.kind === 'lease_lost')).toEqual([]);
      expect(reports.filter((r) => r.kind === 'completed').length).toBe(1);
    }, 60_000);

    it('a tx handle of the wrong kind is CONFIG_INVALID and completes nothing', async () => {
      await side.setup();
      await side.inbox.enqueue({
        key: 'k:wrong',
        provider: 'k',
        type: 't',
        method: 'POST',
        headers: {},
        body: new Uint8Array([1]),
        receivedAt: new Date(),
      });
      const [claim] = await side.inbox.claim({ leaseMs: 10_000, limit: 1, providers: ['k'] });
      const token = claim?.token as string;
      await expect(side.inbox.complete('k:wrong', token, { tx: {} })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        details: { option: 'tx' },
      });
      expect((await side.inbox.get('k:wrong'))?.state).toBe('running');
      expect(await side.inbox.complete('k:wrong', token)).toBe(true);
    });
  });
}
