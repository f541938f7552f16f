/**
 * Fanning inbox reports out to the hooks, the log and the `hooklatch:warning` channel, and the
 * facts they carry. Nothing is built that no hook, enabled log level or subscriber takes.
 */
import type { DeliveryFacts, ProcessContext } from '../observe/contexts';
import { errorFacts } from '../observe/error-facts';
import { isolated } from '../observe/hooks';
import type { LogEvent, LogLevel, LogSink } from '../observe/logger';
import { type WarningReport, withFacts } from '../observe/reports';
import { publishWarning } from '../observe/tracing';
import type { ProcessWarning } from '../process/outcome-types';
import { INBOX_MESSAGES } from './log-messages';
import type { InboxEntry } from './types';

/** The part of an observer a warning goes to. */
export interface WarningTarget {
  hooks: { onWarning?: ((report: WarningReport) => unknown) | undefined } | undefined;
  log: LogSink | undefined;
}

/**
 * `warning` to `onWarning`, a `warn` line and `hooklatch:warning` (whose `delivery` context
 * `delivery()` makes, only when someone subscribes).
 */
export function fanOutWarning(
  observer: WarningTarget,
  facts: DeliveryFacts,
  warning: ProcessWarning,
  delivery: () => ProcessContext,
): void {
  const { hooks, log } = observer;
  if (hooks?.onWarning !== undefined) isolated(hooks.onWarning, withFacts(facts, { warning }));
  if (log?.enabled('warn')) {
    const { error, ...rest } = warning as ProcessWarning & { error?: unknown };
    const failure = 'error' in warning ? errorFacts(error) : {};
    log.write('warn', 'warning', { ...facts, ...rest, ...failure });
  }
  publishWarning(() => withFacts(facts, { delivery: delivery(), warning }));
}

/**
 * One outcome: `build()` to `hook`, and one `event` line at `level` (none when `level` is
 * undefined: something else already said it).
 */
export function reportOutcome<R extends object>(
  hook: ((report: R) => unknown) | undefined,
  log: LogSink | undefined,
  level: LogLevel | undefined,
  event: LogEvent,
  build: () => R,
): void {
  const logged = level !== undefined && log?.enabled(level) === true;
  if (hook === undefined && !logged) return;
  const report = build();
  if (hook !== undefined) isolated(hook, report);
  if (logged && level !== undefined) {
    log?.write(level, event, { ...(report as object) }, INBOX_MESSAGES[event]);
  }
}

/** The facts of an entry not (yet) parsed: what the inbox keeps of it. */
export function entryFacts(entry: InboxEntry): DeliveryFacts {
  const prefix = `${entry.provider}:`;
  return {
    provider: entry.provider,
    type: entry.type,
    eventId: entry.key.startsWith(prefix) ? entry.key.slice(prefix.length) : '',
    idSource: '' as DeliveryFacts['idSource'],
    key: entry.key,
    deliveryId: undefined,
    attempt: undefined,
  };
}

/** A store call that failed, as one `inbox_unavailable` line (warn). */
export function logStoreError(
  observer: { log: LogSink | undefined },
  operation: string,
  error: unknown,
  facts?: DeliveryFacts,
): void {
  if (observer.log?.enabled('warn')) {
    const fields = { ...facts, operation, ...errorFacts(error) };
    observer.log.write('warn', 'inbox_unavailable', fields, INBOX_MESSAGES.inbox_unavailable);
  }
}
