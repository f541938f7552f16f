/**
 * Finding `node:diagnostics_channel` without importing it. A top-level `import 'node:...'`
 * fails to load on runtimes that lack the module (browsers, Workers without `nodejs_compat`),
 * and bundlers for those targets refuse it, so the portable build never names it statically.
 * `process.getBuiltinModule` (Node 20.16+, every Node this package supports; Bun, Deno and
 * Workers with `nodejs_compat` have it too) hands the module over at run time; anywhere else
 * the channels are simply off and the `hooks` option is the way to observe.
 */
/** A `node:diagnostics_channel` Channel, as hooklatch uses it (typed here: no @types/node needed). */
export interface DiagnosticsChannelLike {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
  subscribe(onMessage: (message: unknown, name: string | symbol) => void): void;
  unsubscribe(onMessage: (message: unknown, name: string | symbol) => void): unknown;
}

/** A `node:diagnostics_channel` TracingChannel, as hooklatch uses it. */
export interface TracingChannelLike {
  readonly start: DiagnosticsChannelLike;
  readonly end: DiagnosticsChannelLike;
  readonly asyncStart: DiagnosticsChannelLike;
  readonly asyncEnd: DiagnosticsChannelLike;
  readonly error: DiagnosticsChannelLike;
  /** Absent on older runtimes: then ask each of the five channels. */
  readonly hasSubscribers?: boolean;
  tracePromise<T>(fn: () => Promise<T>, context?: object): Promise<T>;
}

/** The parts of `node:diagnostics_channel` hooklatch uses. */
export interface DiagnosticsModule {
  channel(name: string): DiagnosticsChannelLike;
  tracingChannel(name: string): TracingChannelLike;
}

type BuiltinLookup = { getBuiltinModule?: (id: string) => unknown };

function lookup(): DiagnosticsModule | undefined {
  try {
    const runtime = (globalThis as { process?: BuiltinLookup }).process;
    if (typeof runtime?.getBuiltinModule !== 'function') return undefined;
    const found = runtime.getBuiltinModule('node:diagnostics_channel') as
      | Partial<DiagnosticsModule>
      | undefined;
    // tracingChannel arrived after channel: a runtime with only the older half counts as none.
    if (typeof found?.tracingChannel !== 'function' || typeof found.channel !== 'function') {
      return undefined;
    }
    return found as DiagnosticsModule;
  } catch {
    // A sandbox that forbids the lookup: no channels, nothing else changes.
    return undefined;
  }
}

let cached: DiagnosticsModule | null | undefined;

/** `node:diagnostics_channel`, or `undefined` where the runtime has none. Looked up once. */
export function diagnosticsChannel(): DiagnosticsModule | undefined {
  if (cached === undefined) cached = lookup() ?? null;
  return cached ?? undefined;
}
