/**
 * A store named by a URL: `sqlite:./hooklatch.db`, `redis://host:6379/0`, `rediss://...`,
 * `postgres://user@host/db`, `mysql://user@host/db`. What is printed about it (`display`) never
 * carries the user name or password.
 */
import { UsageError } from '../io';

/** Which backend a URL names, and where. */
export type StoreTarget =
  | { kind: 'sqlite'; filename: string; display: string }
  | { kind: 'redis' | 'postgres' | 'mysql'; url: string; display: string };

const SCHEMES: Record<string, 'redis' | 'postgres' | 'mysql'> = {
  'redis:': 'redis',
  'rediss:': 'redis',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

const EXAMPLES =
  'sqlite:./hooklatch.db, redis://127.0.0.1:6379, postgres://user@host/db or mysql://user@host/db';

/** Parse a store URL; anything else is a usage mistake naming the accepted forms. */
export function parseStoreUrl(value: string): StoreTarget {
  if (value.startsWith('sqlite:')) {
    // `sqlite:///abs/path` and `sqlite://rel` are read like `sqlite:/abs/path` and `sqlite:rel`.
    const rest = value.slice('sqlite:'.length);
    const filename = rest.startsWith('//') ? rest.slice(2) : rest;
    if (filename === '' || filename === ':memory:') {
      throw new UsageError(`--store: name the SQLite file, e.g. sqlite:./hooklatch.db.`);
    }
    return { kind: 'sqlite', filename, display: `sqlite:${filename}` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--store: not a store URL (use ${EXAMPLES}).`);
  }
  const kind = SCHEMES[url.protocol];
  if (kind === undefined) {
    throw new UsageError(`--store: unknown scheme ${url.protocol} (use ${EXAMPLES}).`);
  }
  // A Redis database is a number; the clients read anything else as database 0, silently.
  if (kind === 'redis') {
    const named = url.searchParams.get('db');
    if (!/^\/?\d*$/.test(url.pathname) || (named !== null && !/^\d+$/.test(named))) {
      throw new UsageError(
        '--store: the Redis database in the URL must be a number (/0, /1, ... or ?db=1).',
      );
    }
  }
  const display = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return { kind, url: value, display };
}
