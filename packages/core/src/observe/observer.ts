/**
 * The `hooks` and `logger` options shared by `processOnce` and `handleWebhook`, checked once
 * per call into what the pipeline reports to.
 */
import { checkHooks, type ProcessHooks } from './hooks';
import { type Logger, type LogSink, resolveLogger } from './logger';

/** Observation options of `processOnce` and `handleWebhook`. */
export interface ObserveOptions {
  /**
   * Portable hooks (no diagnostics channel needed): `onReceipt`, `onOutcome`, `onError`,
   * `onWarning`. A hook that throws never changes the answer.
   * @default none
   */
  hooks?: ProcessHooks | undefined;
  /**
   * Where hooklatch logs: a console-shaped or pino-shaped logger (every level is sent; the
   * logger filters), or `false` for none. Lines hold facts only, never a payload or secret.
   * @default the console, warnings and errors only (a handler error is logged once)
   */
  logger?: Logger | false | undefined;
}

/** Checked observation options. */
export interface Observer {
  hooks: ProcessHooks | undefined;
  log: LogSink | undefined;
}

let consoleObserver: Observer | undefined;

/** Check `hooks` and `logger` (CONFIG_INVALID naming the bad one). */
export function resolveObserver(options: ObserveOptions | undefined): Observer {
  const hooks = checkHooks(options?.hooks);
  if (hooks === undefined && options?.logger === undefined) {
    // The common case: one shared default, no allocation per delivery.
    consoleObserver ??= { hooks: undefined, log: resolveLogger(undefined) };
    return consoleObserver;
  }
  return { hooks, log: resolveLogger(options?.logger) };
}
