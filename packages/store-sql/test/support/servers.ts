/**
 * Server URLs for the SQL suites. The CI gate (skip with a printed reason locally, fail with
 * CI=true) lives in the repository's require-server helper; this file only re-exports it.
 */
export { serverUrl } from '../../../testing/test-support/require-server';

/** A random lower-case suffix for table names and key prefixes. */
export function uniqueName(base: string): string {
  return `${base}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
