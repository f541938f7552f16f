/**
 * Publishing on the hooklatch channels, at near-zero cost when nobody listens: every entry
 * point first asks {@link subscribed}, and builds no context object when the answer is no.
 * Where the runtime has no `node:diagnostics_channel`, every channel is absent and nothing is
 * published (the `hooks` option still works).
 */
import { monotonicNow } from '../process/lease-keeper';
import {
  RECEIPT_CHANNEL,
  TRACING_CHANNELS,
  type TracingStage,
  WARNING_CHANNEL,
} from './channel-names';
import {
  type DiagnosticsChannelLike,
  diagnosticsChannel,
  type TracingChannelLike,
} from './diagnostics';
import { errorFacts } from './error-facts';

type Tracing = TracingChannelLike;

interface Channels {
  tracing: Record<TracingStage, Tracing>;
  warning: DiagnosticsChannelLike;
  receipt: DiagnosticsChannelLike;
}

let channels: Channels | null | undefined;

function open(): Channels | null {
  const dc = diagnosticsChannel();
  if (dc === undefined) return null;
  const tracing = {} as Record<TracingStage, Tracing>;
  for (const stage of Object.keys(TRACING_CHANNELS) as TracingStage[]) {
    tracing[stage] = dc.tracingChannel(TRACING_CHANNELS[stage]);
  }
  return { tracing, warning: dc.channel(WARNING_CHANNEL), receipt: dc.channel(RECEIPT_CHANNEL) };
}

function all(): Channels | null {
  if (channels === undefined) channels = open();
  return channels;
}

/** Older TracingChannels (and some non-Node runtimes) lack the aggregate `hasSubscribers`. */
function listened(channel: Tracing): boolean {
  const aggregate = channel.hasSubscribers;
  if (typeof aggregate === 'boolean') return aggregate;
  return (
    channel.start.hasSubscribers ||
    channel.end.hasSubscribers ||
    channel.asyncStart.hasSubscribers ||
    channel.asyncEnd.hasSubscribers ||
    channel.error.hasSubscribers
  );
}

/** Milliseconds since `started` (monotonic), to the microsecond. */
export function elapsedMs(started: number): number {
  return Math.round((monotonicNow() - started) * 1000) / 1000;
}

/** The stage's channel when someone subscribes to it, else `undefined`. */
export function subscribed(stage: TracingStage): Tracing | undefined {
  const channel = all()?.tracing[stage];
  return channel !== undefined && listened(channel) ? channel : undefined;
}

/**
 * Whether any stage of a delivery (process, claim, handle, complete, a worker's run) or the
 * warning channel listens.
 */
export function deliveryObserved(): boolean {
  const c = all();
  if (c === null) return false;
  return (
    c.warning.hasSubscribers ||
    listened(c.tracing.run) ||
    listened(c.tracing.process) ||
    listened(c.tracing.claim) ||
    listened(c.tracing.handle) ||
    listened(c.tracing.complete)
  );
}

/**
 * Run `work` as one traced call on `channel`. `durationMs`, `errorCode` and `errorName` are on
 * the context before `error` and `asyncEnd` are published. `work` returns nothing: values stay
 * out of the context (a claim result holds the owner token, a handler result your data).
 */
export async function traced(
  channel: Tracing,
  context: {
    durationMs?: number | undefined;
    errorCode?: string | undefined;
    errorName?: string | undefined;
  },
  work: () => Promise<void>,
): Promise<void> {
  const started = monotonicNow();
  await channel.tracePromise(async () => {
    try {
      await work();
    } catch (error) {
      Object.assign(context, errorFacts(error));
      throw error;
    } finally {
      context.durationMs = elapsedMs(started);
    }
  }, context);
}

/** Whether `hooklatch:receipt` has a subscriber. */
export function receiptObserved(): boolean {
  return all()?.receipt.hasSubscribers === true;
}

/** Publish on `hooklatch:receipt` when someone listens; `message` is built only then. */
export function publishReceipt(message: () => object): void {
  const channel = all()?.receipt;
  if (channel?.hasSubscribers) channel.publish(message());
}

/** Publish on `hooklatch:warning` when someone listens; `message` is built only then. */
export function publishWarning(message: () => object): void {
  const channel = all()?.warning;
  if (channel?.hasSubscribers) channel.publish(message());
}
