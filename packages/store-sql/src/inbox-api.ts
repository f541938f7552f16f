/** The types every SQL inbox shares, re-exported by each dialect's entry. */
export type { SqlInboxOptions } from './inbox-options';
export type { SqlInbox } from './inbox-sql-store';
