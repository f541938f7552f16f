/** `instrument()`: subscribe the span and metric recorders to every hooklatch channel. */

import {
  type ClaimContext,
  type CompleteContext,
  type HandleContext,
  type ParseContext,
  type ProcessContext,
  RECEIPT_CHANNEL,
  type ReceiptMessage,
  type RunContext,
  subscribeChannels,
  TRACING_CHANNELS,
  WARNING_CHANNEL,
  type WarningMessage,
} from '@hooklatch/core';
import { booleanOption, checkOptionsObject } from '@hooklatch/core/kit';
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

/**
 * Start exporting hooklatch spans and metrics through OpenTelemetry. Needs
 * `node:diagnostics_channel` (Node, Bun, Deno, Workers with `nodejs_compat`).
 *
 * @example
 * const otel = instrument(); // after your SDK setup (NodeSDK, or your own providers)
 */
export function instrument(options: InstrumentOptions = {}): Instrumentation {
  checkOptionsObject('instrument', options);
  const recordExceptions = booleanOption(
    'instrument',
    'recordExceptions',
    options.recordExceptions,
    false,
  );
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, VERSION);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE, VERSION);
  const spans = new SpanRecorder(tracer, recordExceptions);
  const meters = new MeterRecorder(meter);
  const on = (stage: keyof typeof TRACING_CHANNELS, event: string) =>
    `tracing:${TRACING_CHANNELS[stage]}:${event}`;
  const unsubscribe = subscribeChannels('instrument()', {
    [on('parse', 'start')]: (c: ParseContext) => spans.parseStart(c),
    [on('parse', 'error')]: (c: ParseContext) => meters.rejected(c),
    [on('parse', 'asyncEnd')]: (c: ParseContext) => spans.parseEnd(c),
    [on('process', 'start')]: (c: ProcessContext) => spans.processStart(c),
    [on('process', 'asyncEnd')]: (c: ProcessContext) => {
      spans.processEnd(c);
      meters.process(c);
    },
    [on('claim', 'start')]: (c: ClaimContext) => spans.claimStart(c),
    [on('claim', 'asyncEnd')]: (c: ClaimContext) => {
      spans.claimEnd(c);
      meters.stored('claim', c);
    },
    [on('handle', 'start')]: (c: HandleContext) => spans.handleStart(c),
    [on('handle', 'asyncEnd')]: (c: HandleContext) => {
      spans.handleEnd(c);
      meters.handled(c);
    },
    [on('run', 'start')]: (c: RunContext) => spans.runStart(c),
    [on('run', 'asyncEnd')]: (c: RunContext) => spans.runEnd(c),
    [on('complete', 'start')]: (c: CompleteContext) => spans.completeStart(c),
    [on('complete', 'asyncEnd')]: (c: CompleteContext) => {
      spans.completeEnd(c);
      meters.stored('complete', c);
    },
    [WARNING_CHANNEL]: (m: WarningMessage) => {
      spans.warning(m);
      meters.warning(m);
    },
    [RECEIPT_CHANNEL]: (m: ReceiptMessage) => meters.receipt(m),
  });
  return {
    close() {
      unsubscribe();
      spans.endAll();
    },
  };
}
