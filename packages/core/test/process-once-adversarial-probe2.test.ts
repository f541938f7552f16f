import { describe, expect, it } from 'vitest';
import { memoryStore, processOnce, type ProcessWarning } from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';

const ev = (id: string, digest?: string) => ({ provider: 'test', type: 't', id, dedupeKey: `test:${id}`, payload: {}, receivedAt: new Date(), ...(digest ? { digest } : {}) }) as never;
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('timers', () => {
  it('paths leave no timers', async () => {
    const base = timers();
    const store = memoryStore();
    const opts = { logger: false as const };
    const paths: [string, () => Promise<unknown>][] = [
      ['processed', () => processOnce(store, ev('a'), () => 1, opts)],
      ['duplicate', () => processOnce(store, ev('a'), () => 1, opts)],
      ['failed', () => processOnce(store, ev('b'), () => { throw new Error('x'); }, opts)],
      ['ctx.complete', () => processOnce(store, ev('c'), async (_e, c) => { await c.complete(); return 1; }, opts)],
      ['guard', () => processOnce(store, ev('d', 'sha256:aa'), () => 1, { ...opts, replayGuard: 'digest' })],
      ['guard replay', () => processOnce(store, ev('e', 'sha256:aa'), () => 1, { ...opts, replayGuard: 'digest' })],
      ['mismatch', () => processOnce(store, ev('d', 'sha256:bb'), () => 1, opts)],
    ];
    for (const [name, p] of paths) {
      const out = await p();
      console.log(name, JSON.stringify(out).slice(0, 160), timers() - base);
    }
  });
  it('in-flight path timers', async () => {
    const store = memoryStore();
    const base = timers();
    let open!: () => void;
    const first = processOnce(store, ev('f'), () => new Promise<void>((r) => { open = r; }), { logger: false });
    await sleep(5);
    const second = await processOnce(store, ev('f'), () => 1, { logger: false });
    console.log('in_flight', second.outcome, timers() - base);
    open();
    await first;
    console.log('after first', timers() - base);
  });
  it('pending completion', async () => {
    const store = faultyStore(memoryStore(), { complete: (n) => (n < 3 ? 'throw' : undefined) });
    const base = timers();
    const warnings: ProcessWarning[] = [];
    const out = await processOnce(store, ev('g'), () => 1, { logger: false, completeWaitMs: 0, onWarning: (w) => warnings.push(w) });
    console.log('pending', JSON.stringify(out), timers() - base);
    await sleep(500);
    console.log('after bg', timers() - base, warnings.map((w) => w.kind), (await store.get('test:g'))?.state);
  });
});
