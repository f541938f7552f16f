/**
 * The `logger` option: any console-shaped (`error(message, ...args)`: console, winston) or
 * object-first (`error(fields, message)`: pino, bunyan) logger. Object-first is recognised by
 * pino's and bunyan's shape: a `child` function plus `levels` or `bindings`.
 *
 * Lines carry facts only (provider, type, event ID, key, outcome, error code and name), never a
 * payload, a secret or a handler's error message. The default logs warnings and errors to the
 * console; `false` turns logging off.
 */
import { ConfigurationError } from '../errors';
import { ignoreRejection } from '../quiet-call';

// biome-ignore lint/suspicious/noExplicitAny: console and pino methods take anything.
type LogMethod = (...args: any[]) => unknown;

/** A logger: `error` is required; a missing `warn`, `info` or `debug` skips that level. */
export interface Logger {
  error: LogMethod;
  warn?: LogMethod;
  info?: LogMethod;
  debug?: LogMethod;
}

/** Levels hooklatch logs at. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** What hooklatch logs: the `hooklatch` field of every line. */
export type LogEvent =
  | 'receipt'
  | 'processed'
  | 'duplicate'
  | 'in_flight'
  | 'mismatch'
  | 'handler_failed'
  | 'setup_invalid'
  | 'store_unavailable'
  | 'rejected'
  | 'warning'
  | 'enqueued'
  | 'retry_scheduled'
  | 'inbox_unavailable';

/**
 * The message of each line. The inbox's own lines bring theirs (inbox/log-messages.ts), so a
 * bundle without the inbox carries none of their text.
 */
const MESSAGES: Readonly<Partial<Record<LogEvent, string>>> = {
  receipt: 'delivery received',
  processed: 'delivery processed',
  duplicate: 'duplicate answered without running the handler',
  in_flight: 'copy answered in flight: another attempt holds the claim',
  mismatch: 'same key with a different payload: answered mismatch',
  handler_failed: 'handler failed; its claim is released for the retry',
  setup_invalid: 'setup error (CONFIG_INVALID): every delivery fails until it is fixed',
  store_unavailable: 'dedupe store unavailable: answered 503 for a retry',
  rejected: 'delivery rejected',
  warning: 'warning',
};

/** A handler failure whose transaction kept the claim (`next: 'lease'`), said instead of the release. */
const KEPT_CLAIM =
  "handler's transaction did not commit its completion; the claim is kept until its lease ends";

/** Where log lines go. `write` never throws; `enabled` says whether a level is written at all. */
export interface LogSink {
  enabled(level: LogLevel): boolean;
  /** `message`: the line's text, where the writer has its own (the inbox's lines). */
  write(level: LogLevel, event: LogEvent, fields: Record<string, unknown>, message?: string): void;
}

const ORDER: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * pino (`bindings`, `levels.values`) and bunyan (`levels()`) take (fields, message). winston
 * has `child` and a `levels` object too, but a flat one (`{ error: 0, ... }`), and reads its
 * first argument as the message: it stays (message, fields).
 */
function objectFirst(logger: Logger): boolean {
  const l = logger as unknown as Record<string, unknown>;
  const levels = l.levels as { values?: unknown } | null | undefined;
  return (
    typeof l.child === 'function' &&
    (typeof l.bindings === 'function' ||
      (typeof levels === 'object' && levels !== null && typeof levels.values === 'object') ||
      typeof levels === 'function')
  );
}

/** A sink writing to `logger` at levels at or above `minimum`. */
export function logSink(logger: Logger, minimum: LogLevel = 'debug'): LogSink {
  const floor = ORDER.indexOf(minimum);
  const fieldsFirst = objectFirst(logger);
  // Asked before any line is built, so a level nobody reads costs one lookup (decided once).
  const on: Record<LogLevel, boolean> = { debug: false, info: false, warn: false, error: false };
  for (const level of ORDER) {
    on[level] = ORDER.indexOf(level) >= floor && typeof logger[level] === 'function';
  }
  const enabled = (level: LogLevel) => on[level];
  return {
    enabled,
    write(level, event, fields, text) {
      if (!enabled(level)) return;
      const kept = event === 'handler_failed' && fields.next === 'lease';
      const said = text ?? (kept ? KEPT_CLAIM : MESSAGES[event]);
      const message =
        event === 'warning' ? `hooklatch: warning ${String(fields.kind)}` : `hooklatch: ${said}`;
      const line: Record<string, unknown> = { hooklatch: event };
      // Facts not known for this line are left out rather than printed as undefined.
      for (const [name, value] of Object.entries(fields))
        if (value !== undefined) line[name] = value;
      try {
        // An async logger's rejection would end a Node process: it is dropped like a throw.
        ignoreRejection(
          fieldsFirst ? logger[level]?.(line, message) : logger[level]?.(message, line),
        );
      } catch {
        // A broken logger must not change the answer.
      }
    },
  };
}

/** Check the `logger` option: `undefined` is the console at `warn`, `false` is silence. */
export function resolveLogger(value: unknown, option = 'logger'): LogSink | undefined {
  if (value === false) return undefined;
  if (value === undefined) {
    const console = (globalThis as { console?: Logger }).console;
    return typeof console?.error === 'function' ? logSink(console, 'warn') : undefined;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as Logger).error !== 'function'
  ) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `"${option}" must be false or a logger (an object with an "error" method).`,
      { details: { option, expected: 'false or a logger' } },
    );
  }
  return logSink(value as Logger);
}
