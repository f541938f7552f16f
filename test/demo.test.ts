/**
 * `npm run demo`, run as a newcomer runs it (a child process, the real script), read back from
 * its `--json` report: every provider's traffic went through, the invariant was checked and
 * holds, the slow-handler comparison and the replay came out as they must, and the temp folder
 * is gone. `--without-dedupe` proves the check reads real data: the same traffic without claims
 * must break it and exit 1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoReport } from '../demo/report';
import { serverUrl } from '../packages/testing/test-support/require-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const PROVIDERS = ['stripe', 'github', 'shopify', 'standard-webhooks', 'qualio', 'creatio'];
// The demo's temp folder goes here (tsx keeps its cache here too), so the test can see that the
// demo removed its own folder.
const tmp = mkdtempSync(join(tmpdir(), 'hooklatch-demo-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function demo(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'demo', '--', ...args],
      {
        cwd: root,
        env: { ...process.env, TMPDIR: tmp },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 90_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function report(run: Run): DemoReport {
  try {
    return JSON.parse(run.stdout) as DemoReport;
  } catch {
    throw new Error(`no JSON report (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  }
}

describe('npm run demo', () => {
  it('holds the invariant across every provider and scenario, in well under a minute', async () => {
    const started = Date.now();
    const run = await demo('--json');
    const r = report(run);
    expect(run.code, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.store).toBe('sqlite: (temp file)');
    expect(readdirSync(tmp).filter((name) => name.startsWith('hooklatch-demo-'))).toEqual([]);

    expect(r.invariant.violations).toEqual([]);
    expect(r.invariant.holds).toBe(true);
    expect(r.invariant.distinctEvents).toBeGreaterThan(40);
    expect(r.invariant.sideEffects).toBe(r.invariant.distinctEvents);

    expect(Object.keys(r.providers)).toEqual(PROVIDERS);
    for (const name of PROVIDERS) {
      const { rows, total } = r.providers[name as keyof DemoReport['providers']];
      const byName = (prefix: string) => rows.find((row) => row.scenario.startsWith(prefix));
      const retries = byName('exact retries');
      const burst = byName('concurrent copies');
      const tampered = byName('tampered');
      // Every copy beyond the first was answered as a duplicate (or in flight), never run again.
      expect(retries?.duplicates, name).toBe((retries?.sent ?? 0) - (retries?.accepted ?? 0));
      expect(retries?.sideEffects, name).toBe(retries?.accepted);
      expect(burst?.accepted, name).toBe(4);
      expect(burst?.duplicates, name).toBeGreaterThan(0);
      expect(burst?.sideEffects, name).toBe(4);
      expect(tampered?.rejected, name).toBe(2);
      expect(tampered?.rejectedCodes, name).toEqual({ SIGNATURE_INVALID: 2 });
      expect(tampered?.sideEffects, name).toBe(0);
      expect(total.processed, name).toBe(total.sideEffects);
    }
    for (const name of ['stripe', 'standard-webhooks'] as const) {
      const stale = r.providers[name].rows.find((row) => row.scenario.startsWith('stale'));
      expect(stale?.rejectedCodes, name).toEqual({ TIMESTAMP_OUT_OF_TOLERANCE: 2 });
      expect(stale?.sideEffects, name).toBe(0);
    }
    // Direct mode answers only 409s and 200s for in-flight copies, the inbox none at all.
    expect(r.providers.shopify.total.inFlight).toBe(0);
    expect(r.providers.github.total.inFlight).toBeGreaterThan(0);

    const { direct, inbox } = r.slowHandler;
    expect(r.slowHandler.handlerMs).toBeGreaterThan(r.slowHandler.senderTimeoutMs);
    expect(direct.failures).toBeGreaterThan(0);
    expect(direct.timeouts).toBe(direct.events);
    expect(inbox.failures).toBe(0);
    expect(inbox.sent).toBe(inbox.events);
    expect(inbox.slowestAcknowledgementMs).toBeLessThan(r.slowHandler.senderTimeoutMs);
    expect(direct.sideEffects).toBe(direct.events);
    expect(inbox.sideEffects).toBe(inbox.events);

    expect(r.rapidEdits).toMatchObject({ edits: 3, distinctKeys: 3, sideEffects: 3 });
    expect(r.replay).toMatchObject({
      attemptsBeforeDeadLetter: 3,
      lastError: 'NO_CUSTOMER',
      replayed: 1,
      completedAfterReplay: 1,
      handlerRuns: 4,
      sideEffects: 1,
      lateRetry: 'duplicate',
    });
  }, 120_000);

  it('fails the check and exits 1 when the direct routes run handlers without claiming', async () => {
    const run = await demo('--json', '--without-dedupe', '--store', 'memory:');
    const r = report(run);
    expect(run.code).toBe(1);
    expect(r.ok).toBe(false);
    expect(r.invariant.holds).toBe(false);
    expect(r.invariant.sideEffects).toBeGreaterThan(r.invariant.distinctEvents);
    expect(r.invariant.violations).toContainEqual(
      expect.stringMatching(/^\d+ side effects instead of 1: stripe retried #1$/),
    );
  }, 120_000);

  // `--store` names another backend; the same traffic must hold the invariant on each server.
  for (const [server, scheme] of [
    ['redis', 'redis:'],
    ['pg', 'postgres:'],
  ] as const) {
    const url = serverUrl(server);
    it.skipIf(!url)(
      `holds the invariant with --store ${scheme}//...`,
      async () => {
        const run = await demo('--json', '--store', url as string);
        const r = report(run);
        expect(run.code, run.stderr).toBe(0);
        expect(r.store.startsWith(`${scheme}//`)).toBe(true);
        expect(r.store).not.toContain('@'); // no user name or password in the report
        expect(r.invariant).toMatchObject({ holds: true, violations: [] });
        expect(r.invariant.sideEffects).toBe(r.invariant.distinctEvents);
        expect(r.replay).toMatchObject({ completedAfterReplay: 1, sideEffects: 1 });
      },
      120_000,
    );
  }

  it('exits 2 on a usage mistake', async () => {
    const run = await demo('--no-such-option');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --no-such-option');
  }, 60_000);
});
