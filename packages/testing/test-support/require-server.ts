/**
 * The gate for this repository's suites that need a real server (Redis, PostgreSQL,
 * MySQL/MariaDB). Locally a missing URL skips the suite with a printed reason; with `CI=true` it
 * fails the run, because a store suite that silently skips in CI proves nothing.
 *
 * Repository plumbing, not part of the published package: tests import it by relative path.
 */

/** Which server a suite needs. */
export type ServerName = 'redis' | 'pg' | 'mysql';

/** The environment variable that carries each server's URL. */
export const SERVER_URL_ENV: Readonly<Record<ServerName, string>> = Object.freeze({
  redis: 'HOOKLATCH_REDIS_URL',
  pg: 'HOOKLATCH_PG_URL',
  mysql: 'HOOKLATCH_MYSQL_URL',
});

function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * The server's URL from the environment. When it is not set: in CI this throws (the test file
 * then fails to load, which fails the run); elsewhere it warns once and returns `undefined`, so
 * the caller can `describe.skipIf(!url)(...)`.
 *
 * ```ts
 * const url = serverUrl('redis');
 * describe.skipIf(!url)('redis', () => { ... });
 * ```
 */
export function serverUrl(
  name: ServerName,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const variable = SERVER_URL_ENV[name];
  const url = env[variable]?.trim();
  if (url) return url;
  if (isCi(env)) {
    throw new Error(
      `${variable} is required in CI: run \`eval "$(bash scripts/services.sh)"\` before the tests.`,
    );
  }
  console.warn(
    `[hooklatch] ${variable} is not set: skipping the ${name} suite. ` +
      'Run `eval "$(bash scripts/services.sh)"` to start the servers and set it.',
  );
  return undefined;
}
