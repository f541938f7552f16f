/**
 * @hooklatch/cli: the `hooklatch` command (`explain`, `storm`), and `run` to call it from code.
 *
 * @module
 */
export type { CliIo } from './io';
export { UsageError } from './io';
export { run } from './run';
