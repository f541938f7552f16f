/**
 * Which driver failures are outages and which are setup mistakes. Only connectivity, timeouts
 * and transient server states (shutdown, lock wait, deadlock, too many connections) may be
 * STORE_UNAVAILABLE: the provider retries those and a retry can succeed. A missing table or
 * column, a privilege, credentials or a missing driver never heal by retrying, so they must not
 * look like an outage (the provider would retry for days while the operator looks for one).
 */

/** What a driver failure means. */
export type Verdict = 'unavailable' | 'full' | SetupReason;

/** Why the setup is wrong; also `details.reason` of the ConfigurationError. */
export type SetupReason =
  | 'missing_table'
  | 'missing_column'
  | 'permission'
  | 'credentials'
  | 'unknown_database'
  | 'driver_missing'
  | 'rejected';

// Node socket errors, postgres.js connection errors, mysql2 client-side protocol errors.
const CONNECTIVITY_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'POOL_NONEONLINE',
]);

// MySQL / MariaDB server errnos: too many connections, shutdown, network read/write, lock wait
// timeout, deadlock, interrupted or killed query, statement timeouts (MariaDB 1969, MySQL 3024,
// 4031), lost connection (2006, 2013).
const MYSQL_UNAVAILABLE = new Set([
  1040, 1053, 1152, 1158, 1159, 1160, 1161, 1184, 1203, 1205, 1213, 1317, 1927, 1969, 2006, 2013,
  3024, 4031,
]);
const MYSQL_FULL = new Set([1021, 1114]);
const MYSQL_SETUP: ReadonlyMap<number, SetupReason> = new Map([
  [1146, 'missing_table'],
  [1054, 'missing_column'],
  [1044, 'permission'],
  [1142, 'permission'],
  [1143, 'permission'],
  [1227, 'permission'],
  [1045, 'credentials'],
  [1698, 'credentials'],
  [1049, 'unknown_database'],
]);

/** A PostgreSQL SQLSTATE (pg and postgres.js both put it in `code`). */
function postgresVerdict(state: string): Verdict {
  const setup: Record<string, SetupReason> = {
    '42P01': 'missing_table',
    '42703': 'missing_column',
    '42501': 'permission',
    '3D000': 'unknown_database',
    '3F000': 'unknown_database',
  };
  if (setup[state]) return setup[state];
  if (state === '53100') return 'full';
  const klass = state.slice(0, 2);
  if (klass === '28') return 'credentials';
  // 08 connection, 53 resources, 57 shutdown / cancel / timeouts, 58 I/O, 40 deadlock and
  // serialization failures; 55P03 lock_not_available (lock_timeout).
  if (['08', '53', '58', '40'].includes(klass) || state === '55P03') return 'unavailable';
  if (klass === '57' && state !== '57P04') return 'unavailable';
  return 'rejected';
}

function sqliteVerdict(code: string, message: string): Verdict {
  if (/^SQLITE_(BUSY|LOCKED|IOERR|PROTOCOL|INTERRUPT)/.test(code)) return 'unavailable';
  if (code === 'SQLITE_FULL') return 'full';
  if (/^SQLITE_(READONLY|PERM|AUTH|CANTOPEN)/.test(code)) return 'permission';
  if (/no such table/i.test(message)) return 'missing_table';
  if (/no such column|has no column named/i.test(message)) return 'missing_column';
  return 'rejected';
}

// Errors drivers raise without a code when the connection is gone or a timer fired (pg's
// "Connection terminated unexpectedly", "Query read timeout", mysql2's "Pool is closed.").
const CONNECTIVITY_MESSAGE =
  /terminated|timeout|timed out|connection (error|lost)|(is|was) closed|not queryable|after calling end|from backend/i;

/** Classify one driver error. `code` is the driver's string code, `errno` MySQL's number. */
export function verdictOf(error: unknown): Verdict {
  const e = (error ?? {}) as { code?: unknown; errno?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  if (code && CONNECTIVITY_CODES.has(code)) return 'unavailable';
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return 'driver_missing';
  if (typeof e.errno === 'number' && e.errno > 0) {
    if (MYSQL_UNAVAILABLE.has(e.errno)) return 'unavailable';
    if (MYSQL_FULL.has(e.errno)) return 'full';
    return MYSQL_SETUP.get(e.errno) ?? 'rejected';
  }
  if (code?.startsWith('SQLITE_')) return sqliteVerdict(code, message);
  // better-sqlite3 checks the directory itself and throws a plain TypeError, with no code.
  if (!code && /cannot open database because the directory does not exist/i.test(message)) {
    return 'permission';
  }
  if (code && /^[0-9A-Z]{5}$/.test(code)) return postgresVerdict(code);
  if (!code && CONNECTIVITY_MESSAGE.test(message)) return 'unavailable';
  return 'rejected';
}
