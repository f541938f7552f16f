/** The options every SQL inbox shares (`table`, `queue`, `timeoutMs`), checked at construction. */
import { ConfigurationError } from '@hooklatch/core';
import { validateTableName } from './identifier';
import { DEFAULT_TIMEOUT_MS, sqlChecks } from './options';

/** The table used when none is configured. */
export const DEFAULT_INBOX_TABLE = 'hooklatch_inbox';
/** The queue used when none is configured. */
export const DEFAULT_INBOX_QUEUE = 'default';

const QUEUE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The options of every SQL inbox. */
export interface SqlInboxOptions {
  /** Table name, optionally schema-qualified; letters, digits and `_` only. @default 'hooklatch_inbox' */
  table?: string;
  /**
   * The queue inside the table: inboxes on different queues share the table and never see each
   * other's entries. 1 to 64 of `A-Z a-z 0-9 _ . : -`. @default 'default'
   */
  queue?: string;
  /**
   * Longest wait for one inbox call before it fails with `STORE_UNAVAILABLE` (the receiver then
   * answers 503; the worker retries). @default 5000
   */
  timeoutMs?: number;
}

/** `table`, `queue` and `timeoutMs` of one SQL inbox's options, checked. */
export function sqlInboxSettings(
  dialect: string,
  options: SqlInboxOptions,
): { table: string; queue: string; timeoutMs: number } {
  const checks = sqlChecks(`${dialect}Inbox`);
  const queue = options.queue ?? DEFAULT_INBOX_QUEUE;
  if (typeof queue !== 'string' || !QUEUE.test(queue)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${dialect}Inbox: \`queue\` must be 1 to 64 of A-Z a-z 0-9 _ . : -.`,
      { details: { option: 'queue' } },
    );
  }
  return {
    table: validateTableName(options.table ?? DEFAULT_INBOX_TABLE, 'inbox'),
    queue,
    timeoutMs: Math.ceil(checks.timeoutMs(options.timeoutMs, DEFAULT_TIMEOUT_MS)),
  };
}
