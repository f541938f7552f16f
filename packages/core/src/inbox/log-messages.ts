/**
 * The text of the inbox's own log lines. Here, not in the logger's table, so that a bundle
 * without the inbox (an edge Worker with `handleWebhook`) carries none of it.
 */
import type { LogEvent } from '../observe/logger';

/** The message of each inbox line, by its event (the others use the logger's). */
export const INBOX_MESSAGES: Readonly<Partial<Record<LogEvent, string>>> = {
  enqueued: 'delivery kept in the inbox for a worker',
  retry_scheduled: 'inbox entry failed; it is retried after a backoff',
  inbox_unavailable: 'inbox unavailable: a delivery is answered 503, a worker retries with backoff',
};

/** What a worker does after a handler failed, said instead of the release. */
export const HANDLER_NEXT: Readonly<Record<'retry' | 'dead_letter', string>> = {
  retry: 'handler failed; the inbox entry is retried after a backoff',
  dead_letter: 'handler failed; the inbox entry goes to the dead letters',
};
