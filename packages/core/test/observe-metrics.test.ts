/** `metrics()`: counts every outcome from the channels, slides its window, speaks Prometheus. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  handleWebhook,
  type MetricsRecorder,
  memoryStore,
  metrics,
  processOnce,
} from '../src/index';
import { blockedHandler } from './support/blocked-handler';
import { faultyStore } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';
import { parsePrometheus } from './support/prometheus-parser';
import { testEvent } from './support/test-event';

const adapter = testAdapter();
const recorders: MetricsRecorder[] = [];
const start = (options?: Parameters<typeof metrics>[0]) => {
  const recorder = metrics(options);
  recorders.push(recorder);
  return recorder;
};
afterEach(() => {
  for (const r of recorders.splice(0)) r.close();
});

const event = (id: string, type = 'order.paid') => testEvent(id, { type });

const quiet = { logger: false as const };

/** One of every answer: 2 processed, 1 duplicate, 1 in_flight, 1 failed, 1 down, 1 rejected. */
async function traffic(recorder: MetricsRecorder): Promise<number> {
  const store = memoryStore();
  await processOnce(store, event('a'), () => 'ok', quiet);
  await processOnce(store, event('a'), () => 'ok', quiet);
  const blocked = blockedHandler();
  const slow = processOnce(store, event('b'), blocked.handler, quiet);
  await blocked.started;
  const runningNow = recorder.snapshot().handlersRunning;
  await processOnce(store, event('b'), () => 'never', quiet);
  blocked.release();
  await slow;
  await processOnce(
    store,
    event('c'),
    () => {
      throw new Error('x');
    },
    quiet,
  );
  await processOnce(
    faultyStore(memoryStore(), { claim: () => 'throw' }),
    event('d'),
    () => 'x',
    quiet,
  );
  await handleWebhook(signedInput({ id: 'e', type: 't' }, 'forged'), {
    adapter,
    store,
    handler: () => 'x',
    ...quiet,
  });
  return runningNow;
}

describe('metrics()', () => {
  it('counts deliveries, rejects, answers, the hit rate, handlers and store calls', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const recorder = start({ now: () => clock });
    const runningDuringSlowHandler = await traffic(recorder);
    const s = recorder.snapshot();
    expect(runningDuringSlowHandler).toBe(1);
    expect(s.handlersRunning).toBe(0);
    const count = (outcome: string) =>
      s.deliveries.find((d) => d.outcome === outcome && d.type === 'order.paid')?.count;
    expect([count('processed'), count('duplicate'), count('in_flight'), count('failed')]).toEqual([
      2, 1, 1, 1,
    ]);
    expect(count('store_unavailable')).toBe(1);
    expect(s.rejects).toEqual([{ provider: 'test', code: 'SIGNATURE_INVALID', count: 1 }]);
    expect(s.responses.sort((a, b) => a.status - b.status)).toEqual([
      { provider: 'test', status: 200, count: 3 },
      { provider: 'test', status: 401, count: 1 },
      { provider: 'test', status: 409, count: 1 },
      { provider: 'test', status: 500, count: 1 },
      { provider: 'test', status: 503, count: 1 },
    ]);
    const hits = { deliveries: 6, duplicates: 1, inFlight: 1, hitRate: 2 / 6 };
    expect(s.dedupe).toEqual({ total: hits, window: hits });
    expect(s.inFlightAnswers).toBe(1);
    const handler = s.handlerDuration.all;
    expect(handler.count).toBe(3); // a, b and c ran
    expect(handler.p50Ms).toBeLessThanOrEqual(handler.p95Ms as number);
    expect(handler.p95Ms).toBeLessThanOrEqual(handler.p99Ms as number);
    expect(handler.p99Ms).toBeLessThanOrEqual(handler.maxMs as number);
    expect(s.handlerDuration.byProvider.test?.count).toBe(3);
    expect(s.storeDuration.claim.count).toBe(6);
    expect(s.storeDuration.complete.count).toBe(2);
    expect(s.lastDeliveryAt).toEqual({ test: '2026-01-01T00:00:00.000Z' });
    expect(s.windowMs).toBe(600_000);

    // Ten minutes later the window is empty; totals stay.
    clock += 600_000;
    const later = recorder.snapshot();
    expect(later.dedupe.window).toEqual({
      deliveries: 0,
      duplicates: 0,
      inFlight: 0,
      hitRate: null,
    });
    expect(later.dedupe.total).toEqual(hits);
    expect(later.handlerDuration.all).toEqual({
      count: 0,
      meanMs: null,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: null,
    });
  });

  it('a setup failure is a 500 answer, not a verified delivery: no last-delivery time', async () => {
    const recorder = start();
    const reply = await handleWebhook(signedInput({ id: 'e', type: 't' }, 'forged'), {
      adapter,
      store: {} as never,
      handler: () => 'x',
      ...quiet,
    });
    expect(reply.status).toBe(500);
    const s = recorder.snapshot();
    expect(s.responses).toEqual([{ provider: 'test', status: 500, count: 1 }]);
    expect(s.lastDeliveryAt).toEqual({});
    expect(s.dedupe.total).toEqual({ deliveries: 0, duplicates: 0, inFlight: 0, hitRate: null });
    expect(recorder.prometheus()).not.toContain('hooklatch_last_delivery_timestamp_seconds{');
  });

  it('prometheus(): valid exposition with every family, cumulative histograms', async () => {
    const recorder = start();
    await traffic(recorder);
    const families = parsePrometheus(recorder.prometheus());
    expect([...families.keys()]).toEqual([
      'hooklatch_deliveries_total',
      'hooklatch_rejects_total',
      'hooklatch_responses_total',
      'hooklatch_warnings_total',
      'hooklatch_handlers_running',
      'hooklatch_last_delivery_timestamp_seconds',
      'hooklatch_handler_duration_seconds',
      'hooklatch_store_duration_seconds',
      'hooklatch_handler_duration_window_seconds',
      'hooklatch_dedupe_hit_ratio',
    ]);
    const deliveries = families.get('hooklatch_deliveries_total')?.samples;
    expect(deliveries).toContainEqual({
      name: 'hooklatch_deliveries_total',
      labels: { provider: 'test', type: 'order.paid', outcome: 'processed' },
      value: 2,
    });
    expect(families.get('hooklatch_rejects_total')?.samples).toEqual([
      {
        name: 'hooklatch_rejects_total',
        labels: { provider: 'test', code: 'SIGNATURE_INVALID' },
        value: 1,
      },
    ]);
    const handler = families.get('hooklatch_handler_duration_seconds');
    expect(handler?.type).toBe('histogram');
    expect(handler?.samples.find((x) => x.name.endsWith('_count'))?.value).toBe(3);
    const window = families.get('hooklatch_handler_duration_window_seconds');
    expect(window?.samples.map((x) => x.labels.quantile).filter(Boolean)).toEqual([
      '0.5',
      '0.95',
      '0.99',
    ]);
    expect(families.get('hooklatch_dedupe_hit_ratio')?.samples[0]?.value).toBeCloseTo(2 / 6);
  });

  it('the test parser itself rejects what a scraper would', () => {
    const family = '# HELP x_total X.\n# TYPE x_total counter\n';
    expect(() => parsePrometheus(`${family}x_total{a="1"} 1\n`)).not.toThrow();
    for (const bad of [
      `${family}x_total{a="1"} 1`, // no final newline
      `${family}x_total{a="un"escaped"} 1\n`,
      `${family}x_total{a="1"} one\n`,
      `${family}y_total 1\n`, // outside its family
      '# HELP x X.\n# TYPE x counter\nx 1\n', // counter without _total
      '# TYPE x gauge\nx 1\n', // TYPE without HELP
      '# HELP h H.\n# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n',
    ]) {
      expect(() => parsePrometheus(bad), bad).toThrow();
    }
  });

  it('escapes label values: quotes, backslashes and line feeds survive a round trip', async () => {
    const recorder = start();
    const type = 'odd "type" \\ with\nnewline';
    await processOnce(memoryStore(), event('q1', type), () => 'ok', quiet);
    const text = recorder.prometheus();
    expect(text).toContain('type="odd \\"type\\" \\\\ with\\nnewline"');
    const samples = parsePrometheus(text).get('hooklatch_deliveries_total')?.samples;
    expect(samples?.[0]?.labels.type).toBe(type);
  });

  it('caps event types per recorder: later ones count as _other', async () => {
    const recorder = start({ maxTypes: 2 });
    const store = memoryStore();
    for (const [i, type] of ['t1', 't2', 't3', 't4'].entries()) {
      await processOnce(store, event(`cap${i}`, type), () => 'ok', quiet);
    }
    expect(recorder.snapshot().deliveries.map((d) => [d.type, d.count])).toEqual([
      ['t1', 1],
      ['t2', 1],
      ['_other', 2],
    ]);
  });

  it('caps providers and long label values: later or longer ones count as _other', async () => {
    const recorder = start({ maxProviders: 2 });
    const store = memoryStore();
    for (const provider of ['p1', 'p2', 'p3', 'p4']) {
      const e = testEvent(`${provider}-e`, { provider, dedupeKey: `${provider}:e` });
      await processOnce(store, e, () => 'ok', quiet);
    }
    await processOnce(store, event('long', 'x'.repeat(129)), () => 'ok', quiet);
    const snapshot = recorder.snapshot();
    expect(snapshot.deliveries.map((d) => [d.provider, d.type, d.count])).toEqual([
      ['p1', 'order.paid', 1],
      ['p2', 'order.paid', 1],
      ['_other', 'order.paid', 2],
      ['_other', '_other', 1],
    ]);
    expect(Object.keys(snapshot.handlerDuration.byProvider).sort()).toEqual(['_other', 'p1', 'p2']);
    expect(Object.keys(snapshot.lastDeliveryAt).sort()).toEqual(['_other', 'p1', 'p2']);
    const wide = start();
    await processOnce(memoryStore(), event('long2', 'y'.repeat(129)), () => 'ok', quiet);
    expect(wide.snapshot().deliveries.map((d) => [d.provider, d.type])).toEqual([
      ['test', '_other'],
    ]);
  });

  it('close() stops recording; two recorders count independently', async () => {
    const first = start();
    const second = start();
    await processOnce(memoryStore(), event('x1'), () => 'ok', quiet);
    first.close();
    first.close();
    await processOnce(memoryStore(), event('x2'), () => 'ok', quiet);
    expect(first.snapshot().dedupe.total.deliveries).toBe(1);
    expect(second.snapshot().dedupe.total.deliveries).toBe(2);
  });

  it.each([
    [{ windowMs: 10 }, 'windowMs'],
    [{ windowMs: 1.5e3 + 0.5 }, 'windowMs'],
    [{ intervals: 0 }, 'intervals'],
    [{ maxTypes: -1 }, 'maxTypes'],
    [{ maxProviders: 1.5 }, 'maxProviders'],
    [{ now: 'clock' }, 'now'],
  ])('%j is CONFIG_INVALID naming the option', (options, option) => {
    expect(() => metrics(options as never)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        details: expect.objectContaining({ option }),
      }),
    );
  });
});
