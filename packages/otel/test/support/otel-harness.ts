/**
 * A tracer and a meter provider wired to the SDK's in-memory exporters, `instrument()`ed, with
 * readers that turn finished spans and metric points into plain data for exact assertions.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type Instrumentation, type InstrumentOptions, instrument } from '../../src/index';

/** A finished span as plain data; `parent` is the parent's name (among exported spans). */
export interface SpanView {
  name: string;
  kind: keyof typeof SpanKind;
  parent: string | undefined;
  status: keyof typeof SpanStatusCode;
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
}

/** One metric point: a counter's value or a histogram's count. */
export interface PointView {
  metric: string;
  attributes: Record<string, unknown>;
  value: number;
}

export interface Harness {
  spans(): SpanView[];
  raw(): ReadableSpan[];
  points(): Promise<PointView[]>;
  close(): Promise<void>;
}

/** Points in a stable order (metric name, then attributes), so whole lists compare exactly. */
export function sortPoints(points: PointView[]): PointView[] {
  const id = (p: PointView) => `${p.metric} ${JSON.stringify(Object.entries(p.attributes).sort())}`;
  return [...points].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

const kindName = (k: SpanKind) => SpanKind[k] as keyof typeof SpanKind;
const statusName = (s: SpanStatusCode) => SpanStatusCode[s] as keyof typeof SpanStatusCode;

export function otelHarness(
  options: Omit<InstrumentOptions, 'tracerProvider' | 'meterProvider'> = {},
): Harness {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spanExporter)],
  });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrumentation: Instrumentation = instrument({
    ...options,
    tracerProvider,
    meterProvider,
  });
  return {
    raw: () => spanExporter.getFinishedSpans(),
    spans: () => {
      const finished = spanExporter.getFinishedSpans();
      const byId = new Map(finished.map((s) => [s.spanContext().spanId, s]));
      return finished.map((s) => ({
        name: s.name,
        kind: kindName(s.kind),
        parent: s.parentSpanContext ? byId.get(s.parentSpanContext.spanId)?.name : undefined,
        status: statusName(s.status.code),
        attributes: { ...s.attributes },
        events: s.events.map((e) => ({ name: e.name, attributes: { ...e.attributes } })),
      }));
    },
    points: async () => {
      await reader.forceFlush();
      const last = metricExporter.getMetrics().at(-1);
      const out: PointView[] = [];
      for (const scope of last?.scopeMetrics ?? []) {
        for (const metric of scope.metrics) {
          for (const point of metric.dataPoints as DataPoint<number | Histogram>[]) {
            const value = typeof point.value === 'number' ? point.value : point.value.count;
            out.push({
              metric: metric.descriptor.name,
              attributes: { ...point.attributes },
              value,
            });
          }
        }
      }
      return sortPoints(out);
    },
    close: async () => {
      instrumentation.close();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}
