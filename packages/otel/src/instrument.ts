/** `instrument()`: subscribe the span and metric recorders to every hooklatch channel. */
import {
  type ClaimContext,
  type CompleteContext,
  ConfigurationError,
  diagnosticsChannel,
  type HandleContext,
  type ParseContext,
  type ProcessContext,
  TRACING_CHANNELS,
  WARNING_CHANNEL,
  type WarningMessage,
} from '@hooklatch/core';
import { type MeterProvider, metrics, type TracerProvider, trace } from '@opentelemetry/api';
import { MeterRecorder } from './meters';
import { SpanRecorder } from './spans';
import { VERSION } from './version';

/** Options of {@link instrument}. */
export interface InstrumentOptions {
  /** Where spans go. @default the global tracer provider (`trace.getTracerProvider()`) */
  tracerProvider?: TracerProvider;
  /** Where metrics go. @default the global meter provider (`metrics.getMeterProvider()`) */
  meterProvider?: MeterProvider;
  /**
   * Also record the thrown error on a failed span (`exception` event with its message and
   * stack). Off by default: a handler's message may quote the payload or a credential, so a
   * failed span carries only `error.type` (the error's code or name).
   * @default false
   */
  recordExceptions?: boolean;
}

/** A running instrumentation. */
export interface Instrumentation {
  /** Unsubscribe, and end any span still open. Idempotent. */
  close(): void;
}

/** The instrumentation scope name of every span and metric. */
export const SCOPE = '@hooklatch/otel';

/** Subscriber bodies never throw: a throwing diagnostics subscriber is an uncaught exception. */
function guard<T>(fn: (message: T) => void): (message: unknown) => void {
  return (message) => {
    try {
      fn(message as T);
    } catch {
      // Telemetry must never take the process down.
    }
  };
}

/**
 * Start exporting hooklatch spans and metrics through OpenTelemetry. Needs
 * `node:diagnostics_channel` (Node, Bun, Deno, Workers with `nodejs_compat`).
 *
 * @example
 * const otel = instrument(); // after your SDK setup (NodeSDK, or your own providers)
 */
export function instrument(options: InstrumentOptions = {}): Instrumentation {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('CONFIG_INVALID', 'instrument: options must be an object.', {
      details: { option: 'options' },
    });
  }
  if (options.recordExceptions !== undefined && typeof options.recordExceptions !== 'boolean') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'instrument: "recordExceptions" must be a boolean.',
      {
        details: { option: 'recordExceptions', expected: 'a boolean' },
      },
    );
  }
  const dc = diagnosticsChannel();
  if (dc === undefined) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'instrument() needs node:diagnostics_channel, which this runtime lacks.',
      { details: { option: 'runtime' } },
    );
  }
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, VERSION);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE, VERSION);
  const spans = new SpanRecorder(tracer, options.recordExceptions ?? false);
  const meters = new MeterRecorder(meter);
  const on = (stage: keyof typeof TRACING_CHANNELS, event: string) =>
    `tracing:${TRACING_CHANNELS[stage]}:${event}`;
  const subscriptions: [string, (message: unknown) => void][] = [
    [on('parse', 'start'), guard<ParseContext>((c) => spans.parseStart(c))],
    [on('parse', 'error'), guard<ParseContext>((c) => meters.rejected(c))],
    [on('parse', 'asyncEnd'), guard<ParseContext>((c) => spans.parseEnd(c))],
    [on('process', 'start'), guard<ProcessContext>((c) => spans.processStart(c))],
    [
      on('process', 'asyncEnd'),
      guard<ProcessContext>((c) => {
        spans.processEnd(c);
        meters.process(c);
      }),
    ],
    [on('claim', 'start'), guard<ClaimContext>((c) => spans.claimStart(c))],
    [
      on('claim', 'asyncEnd'),
      guard<ClaimContext>((c) => {
        spans.claimEnd(c);
        meters.stored('claim', c);
      }),
    ],
    [on('handle', 'start'), guard<HandleContext>((c) => spans.handleStart(c))],
    [
      on('handle', 'asyncEnd'),
      guard<HandleContext>((c) => {
        spans.handleEnd(c);
        meters.handled(c);
      }),
    ],
    [on('complete', 'start'), guard<CompleteContext>((c) => spans.completeStart(c))],
    [
      on('complete', 'asyncEnd'),
      guard<CompleteContext>((c) => {
        spans.completeEnd(c);
        meters.stored('complete', c);
      }),
    ],
    [
      WARNING_CHANNEL,
      guard<WarningMessage>((m) => {
        spans.warning(m);
        meters.warning(m);
      }),
    ],
  ];
  for (const [name, fn] of subscriptions) dc.channel(name).subscribe(fn);
  let open = true;
  return {
    close() {
      if (!open) return;
      open = false;
      for (const [name, fn] of subscriptions) dc.channel(name).unsubscribe(fn);
      spans.endAll();
    },
  };
}
