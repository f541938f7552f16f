/**
 * Which Redis failures are outages and which are setup mistakes. Only a lost connection, a
 * timeout or a server state that passes on its own (loading, failing over) is
 * `STORE_UNAVAILABLE`: the provider's retry will then succeed. A server that answered "no"
 * (bad credentials, an ACL without EVAL, a key holding other data, a disabled command) answers
 * the same way to every retry, so it is `CONFIG_INVALID` with Redis's code in
 * `details.driverCode`, and the operator reads "setup", not "outage".
 *
 * Messages name the operation and the code only: Redis's own text may quote keys, so it stays in
 * `cause`.
 */
import {
  ConfigurationError,
  type HooklatchError,
  isHooklatchError,
  StoreUnavailableError,
} from '@hooklatch/core';

/** Error replies from the server: ioredis `ReplyError`, node-redis `ErrorReply` and subclasses. */
const REPLY_CLASSES = new Set(['ReplyError', 'ErrorReply', 'SimpleError', 'BlobError']);

/** Reply codes of server states that end without anyone changing the app or its config. */
const TRANSIENT = new Set([
  'LOADING',
  'BUSY',
  'MASTERDOWN',
  'CLUSTERDOWN',
  'TRYAGAIN',
  'READONLY',
  'MISCONF',
  'NOREPLICAS',
]);

/** What to check, per setup code. */
const HINTS: Readonly<Record<string, string>> = {
  NOAUTH: 'Redis requires authentication: give the client a username/password',
  WRONGPASS: "Redis refused the client's credentials: check its username/password",
  NOPERM:
    'the Redis user lacks a permission the store needs (SET, GET, EVAL, EVALSHA, the commands of its scripts, DEL, SCAN and the keys under the prefix)',
  WRONGTYPE:
    'a key under the prefix holds data that is not a hooklatch record: use a prefix no other data shares',
};

/** Redis 6 wraps a failed call inside a script as `ERR Error running script ... -CODE text`. */
const SCRIPT_WRAPPER = /^ERR Error running script[\s\S]*?[\s:-]([A-Z]{2,}) /;

function className(error: object): string {
  return (error as { constructor?: { name?: string } }).constructor?.name ?? '';
}

/** The Redis code of an error reply (`WRONGTYPE`, `ERR`...), or undefined for other errors. */
export function replyCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (!REPLY_CLASSES.has(error.name) && !REPLY_CLASSES.has(className(error))) return undefined;
  const first = /^[A-Z][A-Z_]*/.exec(error.message)?.[0] ?? 'ERR';
  if (first !== 'ERR') return first;
  return SCRIPT_WRAPPER.exec(error.message)?.[1] ?? first;
}

function setupHint(code: string, error: Error): string {
  if (HINTS[code]) return HINTS[code];
  if (/^ERR unknown command/i.test(error.message)) {
    return 'the server does not know a command the store needs (EVAL/EVALSHA disabled or renamed?)';
  }
  return 'Redis rejected the command; this does not pass with a retry';
}

/** Turn any failure of a Redis call into the hooklatch error it means. */
export function classifyRedisError(operation: string, error: unknown): HooklatchError {
  if (isHooklatchError(error)) return error;
  const code = replyCode(error);
  if (code === 'OOM') {
    return new StoreUnavailableError(`Redis is out of memory (maxmemory) during ${operation}.`, {
      code: 'STORE_FULL',
      details: { store: 'redis', operation, driverCode: code },
      cause: error,
    });
  }
  if (code !== undefined && !TRANSIENT.has(code)) {
    return new ConfigurationError(
      'CONFIG_INVALID',
      `redisStore: Redis refused ${operation} with ${code}: ${setupHint(code, error as Error)}.`,
      { details: { store: 'redis', operation, driverCode: code }, cause: error },
    );
  }
  if (error instanceof TypeError) {
    // The client's methods did not behave like a Redis client's (a class instead of an
    // instance, a wrapper with another signature): no retry fixes that.
    return new ConfigurationError(
      'CONFIG_INVALID',
      `redisStore: \`client\` failed on ${operation} with a TypeError; is it a connected ioredis or node-redis (v4+) client?`,
      { details: { store: 'redis', operation, driverCode: 'TypeError' }, cause: error },
    );
  }
  const driverCode = code ?? networkCode(error);
  return new StoreUnavailableError(`Redis failed during ${operation}.`, {
    details: { store: 'redis', operation, ...(driverCode ? { driverCode } : {}) },
    cause: error,
  });
}

/** `ECONNREFUSED` and friends, or the client's error class (`ClientClosedError`...). */
function networkCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const name = className(error);
  return name && name !== 'Error' ? name : undefined;
}

/**
 * A value under the prefix that is not a hooklatch record (another app's string, say): the
 * same setup error Redis's own WRONGTYPE reply gives, without touching the value.
 */
export function notARecord(operation: string): HooklatchError {
  return new ConfigurationError(
    'CONFIG_INVALID',
    `redisStore: Redis refused ${operation} with WRONGTYPE: ${HINTS.WRONGTYPE}.`,
    { details: { store: 'redis', operation, driverCode: 'WRONGTYPE' } },
  );
}
