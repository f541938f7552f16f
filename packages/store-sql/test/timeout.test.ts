/**
 * The store's own deadline (src/timeout.ts): one timer per store for all its pending calls.
 * Each call still fails at its own deadline, a call that settles in time is never failed
 * later, and the timer keeps the process up only while a call is pending.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGuard, type Deadline } from '../src/timeout';

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When `promise` settled, in ms since `started`, and how. */
async function settled(
  promise: Promise<unknown>,
  started: number,
): Promise<{ value?: unknown; code?: string; at: number }> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: { code?: string }) => ({ code: error.code }),
  );
  return { ...outcome, at: performance.now() - started };
}

function runChild(mode: 'idle' | 'hang'): Promise<{ out: string; ms: number }> {
  const child = fileURLToPath(new URL('./support/guard-child.ts', import.meta.url));
  const started = Date.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', child, mode], { stdio: 'pipe' });
  let out = '';
  proc.stdout.on('data', (d) => {
    out += d;
  });
  proc.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve) =>
    proc.on('close', () => resolve({ out, ms: Date.now() - started })),
  );
}

describe('store deadline', () => {
  it('fails each pending call at its own deadline, in the order they started', async () => {
    const guard = createGuard('test', 200);
    const started = performance.now();
    const first = settled(guard('claim', never), started);
    await sleep(100);
    const second = settled(guard('complete', never), started);
    const [a, b] = await Promise.all([first, second]);
    expect(a.code).toBe('STORE_UNAVAILABLE');
    expect(b.code).toBe('STORE_UNAVAILABLE');
    expect(a.at).toBeGreaterThanOrEqual(199);
    // Not at the first call's deadline, and not a whole timeout after it either.
    expect(b.at).toBeGreaterThanOrEqual(299);
    expect(b.at).toBeLessThan(a.at + 200 + 150);
  });

  it('answers a call that settles in time, and never fails it afterwards', async () => {
    const guard = createGuard('test', 100);
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const call = guard('get', () => sleep(10).then(() => i));
      call.then(
        (value) => seen.push(value),
        (error) => seen.push(error),
      );
      await call;
    }
    await sleep(250);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('passes the work its deadline, expired and cancelled once when time runs out', async () => {
    const guard = createGuard('test', 50);
    let deadline: Deadline | undefined;
    let cancels = 0;
    const call = guard('claim', (d) => {
      deadline = d;
      d.cancel = () => {
        cancels++;
      };
      return never();
    });
    await expect(call).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(deadline?.expired).toBe(true);
    expect(cancels).toBe(1);
  });

  it('a synchronous throw of the work rejects the call with that error', async () => {
    const guard = createGuard('test', 1000);
    const error = new Error('bad options');
    await expect(
      guard('claim', () => {
        throw error;
      }),
    ).rejects.toBe(error);
  });

  it('keeps the process up while a call is pending, never once the store is idle', async () => {
    const [idle, hang] = await Promise.all([runChild('idle'), runChild('hang')]);
    expect(hang.out.trim()).toBe('ERR STORE_UNAVAILABLE');
    expect(idle.out.trim()).toBe('OK done');
    // The idle child would live 60 s if the store's timer kept it up.
    expect(idle.ms).toBeLessThan(20_000);
  }, 40_000);
});
