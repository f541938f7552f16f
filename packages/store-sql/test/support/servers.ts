/**
 * Server URLs for the SQL suites. The CI gate (skip with a printed reason locally, fail with
 * CI=true) lives in @hooklatch/testing's require-server helper; this file only re-exports it.
 */
// TEMP until require-server.ts lands
export function serverUrl(name: 'pg' | 'mysql' | 'redis'): string | undefined {
  const env = { pg: 'HOOKLATCH_PG_URL', mysql: 'HOOKLATCH_MYSQL_URL', redis: 'HOOKLATCH_REDIS_URL' }[name];
  return process.env[env];
}

/** A random lower-case suffix for table names and key prefixes. */
export function uniqueName(base: string): string {
  return `${base}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
