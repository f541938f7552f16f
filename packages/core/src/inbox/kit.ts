/**
 * What inbox backend authors build with (re-exported by `@hooklatch/core/kit`): the argument
 * checks every inbox shares, the entry helpers for backends that filter or count in code, and
 * the identity a PAYLOAD_SCHEMA_MISMATCH carries (for adapters not built with `createAdapter`,
 * and receivers of your own that dead-letter such deliveries).
 *
 * @module
 */

export type { SchemaMismatchIdentity } from '../kit/schema-mismatch';
export { identifyMismatch, schemaMismatchIdentity } from '../kit/schema-mismatch';
export type { InboxChecks, ListFilter, ReplayFilter } from './checks';
export {
  inboxChecks,
  MAX_INBOX_CLAIM,
  MAX_INBOX_ERROR_MESSAGE,
  MAX_INBOX_HEADER_BYTES,
  MAX_INBOX_REASON_LENGTH,
  MAX_INBOX_TYPE_LENGTH,
  readableMessage,
} from './checks';
export type { EntryFilter, InboxCount } from './memory-inbox-entry';
export { emptyCounts, entryMatches, stateCounts, statsOf, summaryOf } from './memory-inbox-entry';
export { mismatchPaths, schemaIssuePaths } from './stored-delivery';
