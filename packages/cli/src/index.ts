/**
 * @hooklatch/cli: the `hooklatch` command (store operations `list`, `inspect`, `release`,
 * `purge`, `stats`; the inbox's `inbox`, `dlq`, `replay`; `verify`, `storm`, `explain`), and
 * `run` to call it from code.
 *
 * @module
 */
export type { CliIo } from './io';
export { CliFailure, EXIT, UsageError } from './io';
export { run } from './run';
