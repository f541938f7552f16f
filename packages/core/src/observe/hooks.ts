/**
 * The `hooks` option: portable observation (no diagnostics channel needed). Each hook is
 * called synchronously and isolated: one that throws, or returns a promise that rejects, never
 * changes an answer or reaches the caller. A returned promise is not awaited.
 */
import { ConfigurationError } from '../errors';
import { ignoreRejection } from '../quiet-call';
import type { HandlerErrorReport, OutcomeReport, ReceiptReport, WarningReport } from './reports';

/** Hooks of `processOnce` and `handleWebhook`. */
export interface ProcessHooks {
  /** A verified delivery, with its dedupe key, before any processing (before the claim). */
  onReceipt?: (receipt: ReceiptReport) => unknown;
  /** Every answer: processed, duplicate, in_flight, mismatch, failed, store_unavailable, rejected. */
  onOutcome?: (report: OutcomeReport) => unknown;
  /** The handler threw (called once, before its claim is released). */
  onError?: (report: HandlerErrorReport) => unknown;
  /** A problem that did not change the outcome (see `ProcessWarning`). */
  onWarning?: (report: WarningReport) => unknown;
}

const HOOK_NAMES = ['onReceipt', 'onOutcome', 'onError', 'onWarning'] as const;

function invalid(option: string, expected: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `"${option}" must be ${expected}.`, {
    details: { option, expected },
  });
}

/**
 * Check the `hooks` option: an object of known hook names, each a function. Returns a copy
 * with each hook read once, here: a getter (or a Proxy) read again later, while an answer is
 * being made, could throw outside the hooks' isolation and turn a handled event into a 500.
 */
export function checkHooks(value: unknown): ProcessHooks | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw invalid('hooks', 'an object of hooks');
  const hooks: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    // A misspelt hook would silently never fire.
    if (!(HOOK_NAMES as readonly string[]).includes(name)) {
      throw invalid(`hooks.${name}`, `one of ${HOOK_NAMES.join(', ')}`);
    }
    const hook = (value as Record<string, unknown>)[name];
    if (hook !== undefined && typeof hook !== 'function')
      throw invalid(`hooks.${name}`, 'a function');
    if (hook !== undefined) hooks[name] = hook;
  }
  return hooks as ProcessHooks;
}

/** Call `fn(arg)`; whatever it throws or rejects with is dropped. */
export function isolated<T>(fn: ((arg: T) => unknown) | undefined, arg: T): void {
  if (fn === undefined) return;
  try {
    ignoreRejection(fn(arg));
  } catch {
    // Observation must never change the answer.
  }
}
