/**
 * Prometheus text exposition (format 0.0.4) of a `metrics()` recorder: one `# HELP` and one
 * `# TYPE` line per family, its samples right after, label values escaped (`\\`, `\"`, `\n`).
 * Counters are totals since the recorder started; `hooklatch_handler_duration_seconds` and
 * `hooklatch_store_duration_seconds` are cumulative histograms, so `histogram_quantile` over
 * `rate(...[10m])` gives the p95/p99 of any window; the `_window` summary and the
 * `hooklatch_dedupe_hit_ratio` gauge are the recorder's own sliding window.
 */
import type { LogHistogram } from './log-histogram';
import { type DurationSeries, SECONDS_BUCKETS } from './metric-series';
import type { MetricsState } from './metrics-state';

type Labels = Record<string, string>;

/** Escape a label value: backslash, double quote and line feed. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${name}${pairs.length === 0 ? '' : `{${pairs.join(',')}}`} ${number(value)}`;
}

class Exposition {
  readonly lines: string[] = [];

  family(name: string, type: string, help: string): this {
    this.lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`);
    return this;
  }

  add(name: string, labels: Labels, value: number): this {
    this.lines.push(sample(name, labels, value));
    return this;
  }

  histogram(name: string, labels: Labels, series: DurationSeries): void {
    let cumulative = 0;
    SECONDS_BUCKETS.forEach((bound, i) => {
      cumulative += series.buckets[i] as number;
      this.add(`${name}_bucket`, { ...labels, le: String(bound) }, cumulative);
    });
    this.add(`${name}_bucket`, { ...labels, le: '+Inf' }, series.count);
    this.add(`${name}_sum`, labels, series.sumSeconds);
    this.add(`${name}_count`, labels, series.count);
  }
}

/** The recorder's state as Prometheus text. */
export function prometheusText(state: MetricsState): string {
  const out = new Exposition();
  const now = state.now();
  const counters: [string, string, { samples(): { labels: Labels; value: number }[] }][] = [
    [
      'hooklatch_deliveries_total',
      'Deliveries answered by processOnce or inboxReceiver, by outcome.',
      state.deliveries,
    ],
    ['hooklatch_rejects_total', 'Deliveries parseEvent refused, by error code.', state.rejects],
    ['hooklatch_responses_total', 'Answers given, by HTTP status.', state.responses],
    ['hooklatch_warnings_total', 'Warnings raised, by kind.', state.warnings],
  ];
  for (const [name, help, series] of counters) {
    out.family(name, 'counter', help);
    for (const s of series.samples()) out.add(name, s.labels, s.value);
  }
  out
    .family('hooklatch_handlers_running', 'gauge', 'Handlers running now.')
    .add('hooklatch_handlers_running', {}, state.running);
  const last = 'hooklatch_last_delivery_timestamp_seconds';
  out.family(last, 'gauge', 'When the last verified delivery was answered (Unix seconds).');
  for (const [provider, at] of state.lastDelivery) out.add(last, { provider }, at / 1000);

  const handler = 'hooklatch_handler_duration_seconds';
  out.family(handler, 'histogram', 'Handler run time since start.');
  for (const [provider, series] of state.handler) out.histogram(handler, { provider }, series);
  const store = 'hooklatch_store_duration_seconds';
  out.family(store, 'histogram', 'Dedupe store call time since start, by operation.');
  out.histogram(store, { operation: 'claim' }, state.store.claim);
  out.histogram(store, { operation: 'complete' }, state.store.complete);

  const window = 'hooklatch_handler_duration_window_seconds';
  out.family(window, 'summary', `Handler run time over the last ${state.windowMs} ms.`);
  for (const [provider, series] of state.handler) {
    const merged: LogHistogram = series.merged(now);
    for (const q of [0.5, 0.95, 0.99]) {
      const ms = merged.quantile(q);
      out.add(window, { provider, quantile: String(q) }, ms === undefined ? Number.NaN : ms / 1000);
    }
    out.add(`${window}_sum`, { provider }, merged.sum / 1000);
    out.add(`${window}_count`, { provider }, merged.count);
  }
  const dedupe = state.windowDedupe(now);
  out
    .family(
      'hooklatch_dedupe_hit_ratio',
      'gauge',
      `Share of deliveries answered duplicate or in_flight over the last ${state.windowMs} ms.`,
    )
    .add('hooklatch_dedupe_hit_ratio', {}, dedupe.hitRate ?? Number.NaN);
  return `${out.lines.join('\n')}\n`;
}
