/**
 * Subscribes to every hooklatch channel (all five events of each tracing channel, and the
 * warning channel) and keeps what was published, with a copy of each context as it was at
 * that moment.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { TRACING_CHANNELS, type TracingStage, WARNING_CHANNEL } from '../../src/index';

export const TRACE_EVENTS = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;
export type TraceEvent = (typeof TRACE_EVENTS)[number];

/** One published message. `seen` is a shallow copy taken when it was published. */
export interface Published {
  stage: TracingStage | 'warning';
  event: TraceEvent | 'publish';
  // biome-ignore lint/suspicious/noExplicitAny: contexts of every stage are compared as records.
  context: any;
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  seen: any;
}

export interface ChannelRecorder {
  readonly all: Published[];
  /** Messages of one stage (and event). */
  of(stage: Published['stage'], event?: Published['event']): Published[];
  /** `stage:event` for every start, error and asyncEnd, in publication order. */
  timeline(): string[];
  clear(): void;
  close(): void;
}

export function recordChannels(): ChannelRecorder {
  const all: Published[] = [];
  const subscriptions: [string, (message: unknown) => void][] = [];
  for (const stage of Object.keys(TRACING_CHANNELS) as TracingStage[]) {
    for (const event of TRACE_EVENTS) {
      const fn = (context: unknown) => {
        all.push({ stage, event, context, seen: { ...(context as object) } });
      };
      subscriptions.push([`tracing:${TRACING_CHANNELS[stage]}:${event}`, fn]);
    }
  }
  subscriptions.push([
    WARNING_CHANNEL,
    (context) =>
      all.push({ stage: 'warning', event: 'publish', context, seen: { ...(context as object) } }),
  ]);
  for (const [name, fn] of subscriptions) subscribe(name, fn);
  return {
    all,
    of: (stage, event) =>
      all.filter((p) => p.stage === stage && (event === undefined || p.event === event)),
    timeline: () =>
      all
        .filter((p) => p.event === 'start' || p.event === 'error' || p.event === 'asyncEnd')
        .map((p) => `${p.stage}:${p.event}`),
    clear: () => {
      all.length = 0;
    },
    close: () => {
      for (const [name, fn] of subscriptions) unsubscribe(name, fn);
    },
  };
}
