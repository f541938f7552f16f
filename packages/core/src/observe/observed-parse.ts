/**
 * `parseEvent` traced on `hooklatch:parse`, and the report of a delivery it refused (for
 * `handleWebhook`, which answers it).
 */
import { statusOf } from '../errors';
import type { WebhookEvent } from '../event';
import type { ParseContext } from './contexts';
import type { TracingChannelLike } from './diagnostics';
import { errorFacts } from './error-facts';
import { isolated } from './hooks';
import type { Observer } from './observer';
import { deliveryFacts, type RejectedReport } from './reports';
import { subscribed, traced } from './tracing';

/** The adapter's name, read defensively (parseEvent itself rejects a non-adapter). */
export function adapterName(adapter: unknown): string {
  const name = (adapter as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : '';
}

/**
 * Run `parse` as one `hooklatch:parse` trace when someone listens. Not an async function: with
 * nobody listening it hands back `parse()`'s own promise (no extra layer). `eventOf` picks the
 * event out of what `parse` answers, for the facts (the inbox receiver answers more).
 */
export function tracedParse<R>(
  adapter: unknown,
  parse: () => Promise<R>,
  eventOf: (result: R) => object = (result) => result as object,
): Promise<R> {
  const channel = subscribed('parse');
  if (channel === undefined) return parse();
  return parseTraced(channel, adapter, parse, eventOf);
}

async function parseTraced<R>(
  channel: TracingChannelLike,
  adapter: unknown,
  parse: () => Promise<R>,
  eventOf: (result: R) => object,
): Promise<R> {
  const context: ParseContext = { provider: adapterName(adapter) };
  let result: R | undefined;
  await traced(channel, context, async () => {
    try {
      result = await parse();
    } catch (error) {
      context.status = statusOf(error);
      throw error;
    }
    Object.assign(context, deliveryFacts(eventOf(result) as WebhookEvent));
  });
  return result as R;
}

/**
 * Report a delivery `parseEvent` refused: the `onOutcome` hook, and a log line (`error` for
 * the receiver's own 5xx bugs, `info` for the sender's 4xx: a flood of forged requests must
 * not flood the log; watch the rejects metric instead).
 */
export function reportRejection(
  observer: Observer,
  adapter: unknown,
  error: unknown,
  durationMs: number,
): void {
  const report: RejectedReport = {
    outcome: 'rejected',
    provider: adapterName(adapter),
    status: statusOf(error),
    durationMs,
    ...errorFacts(error),
  };
  isolated(observer.hooks?.onOutcome, report);
  const level = report.status >= 500 ? 'error' : 'info';
  const event = report.errorCode === 'CONFIG_INVALID' ? 'setup_invalid' : 'rejected';
  observer.log?.write(level, event, { ...report });
}
