import { describe, expect, it } from 'vitest';
import { handleWebhook, memoryStore, processOnce, type ProcessWarning } from '../src/index';
import { signedInput, testAdapter } from './support/hmac-adapter';

const ev = (id: string) => ({ provider: 'test', type: 't', id, dedupeKey: `test:${id}`, payload: {}, receivedAt: new Date() }) as never;

describe('probe', () => {
  const throwables: [string, () => unknown][] = [
    ['undefined', () => undefined],
    ['null', () => null],
    ['string', () => 'boom'],
    ['null-proto', () => Object.create(null)],
    ['revoked proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }],
    ['throwing getters', () => new Proxy(new Error('x'), { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('proto'); } })],
    ['code getter', () => Object.defineProperty(new Error('x'), 'code', { get() { throw new Error('g'); } })],
    ['name getter', () => Object.defineProperty(new Error('x'), 'name', { get() { throw new Error('g'); } })],
  ];
  for (const [name, make] of throwables) {
    it(`processOnce never throws for handler throwing ${name}`, async () => {
      const store = memoryStore();
      const logs: unknown[] = [];
      const out = await processOnce(store, ev(name), () => { throw make(); }, {
        logger: { debug: (l: unknown) => logs.push(l), info: (l: unknown) => logs.push(l), warn: (l: unknown) => logs.push(l), error: (l: unknown) => logs.push(l) } as never,
        hooks: { onError() {}, onOutcome() {} } as never,
      }).catch((e) => ({ threw: String(e) }));
      expect(out).toMatchObject({ outcome: 'failed' });
    });
    it(`handleWebhook never throws for handler throwing ${name}`, async () => {
      const out = await handleWebhook(signedInput({ id: `h-${name}`, type: 't' }), {
        adapter: testAdapter(), store: memoryStore(), handler: () => { throw make(); },
      }).catch((e) => ({ threw: String(e) }));
      expect(out).toMatchObject({ status: 500 });
    });
  }
  it('context.complete twice', async () => {
    const warnings: ProcessWarning[] = [];
    let aborted = false;
    const out = await processOnce(memoryStore(), ev('twice'), async (_e, ctx) => {
      const a = await ctx.complete();
      const b = await ctx.complete();
      aborted = ctx.signal.aborted;
      return [a, b];
    }, { onWarning: (w) => warnings.push(w) });
    console.log(JSON.stringify(out), aborted, warnings.map((w) => w.kind));
  });
  it('null event / undefined event', async () => {
    for (const e of [null, undefined, 5, 'x', { dedupeKey: 'k' }]) {
      const out = await processOnce(memoryStore(), e as never, () => 1).catch((x) => ({ threw: String(x) }));
      console.log(String(e), JSON.stringify(out));
    }
  });
});
