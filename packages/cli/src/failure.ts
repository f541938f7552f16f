/**
 * Any error as one or two lines an operator can act on, never a stack trace: a refused
 * connection, a timeout, an unknown host or rejected credentials say so in words, wherever in
 * the cause chain the driver put its code.
 */
import { isHooklatchError } from '@hooklatch/core';
import { CliFailure } from './io';

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the server running on that host and port?)',
  ETIMEDOUT: 'the connection timed out',
  CONNECT_TIMEOUT: 'the connection timed out',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ECONNRESET: 'the server closed the connection',
  EPIPE: 'the server closed the connection',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  // PostgreSQL SQLSTATEs and MySQL codes a wrong URL produces.
  '28P01': 'the server rejected the user name or password',
  '28000': 'the server refused this user',
  '3D000': 'the database named in the URL does not exist',
  ER_ACCESS_DENIED_ERROR: 'the server rejected the user name or password',
  ER_BAD_DB_ERROR: 'the database named in the URL does not exist',
};

/** Every error in the chain: the error, its `cause`s and an AggregateError's members. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (next === null || next === undefined || seen.includes(next)) continue;
    seen.push(next);
    if (typeof next === 'object') {
      queue.push((next as { cause?: unknown }).cause);
      const members = (next as { errors?: unknown }).errors;
      if (Array.isArray(members)) queue.push(...members);
    }
  }
  return seen;
}

/** What the network or the server said, in words, when the chain holds a known code. */
export function networkWords(error: unknown): string | undefined {
  for (const link of chain(error)) {
    const code = (link as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && Object.hasOwn(NETWORK_WORDS, code)) return NETWORK_WORDS[code];
    const message = link instanceof Error ? link.message : '';
    if (/^(NOAUTH|WRONGPASS)\b/.test(message)) {
      return 'the server rejected the user name or password';
    }
    if (link instanceof Error && (link.name === 'TimeoutError' || /timed? ?out/i.test(message))) {
      return 'it did not answer in time';
    }
  }
  return undefined;
}

/**
 * True for a store's refusal of a value the command line gave it (`--queue`, `--table`,
 * `--provider`, `--cursor`...): a `CONFIG_INVALID` naming an option, with nothing from the
 * server (no driver code, no reason such as a missing table). A usage mistake, exit 2.
 */
export function isOptionMistake(error: unknown): boolean {
  if (!isHooklatchError(error) || error.code !== 'CONFIG_INVALID') return false;
  const details = error.details as { option?: unknown; driverCode?: unknown; reason?: unknown };
  return (
    typeof details.option === 'string' &&
    details.driverCode === undefined &&
    details.reason === undefined
  );
}

/**
 * The message for an error that ended a command. Hooklatch errors are written for operators
 * already; their cause's network words are added when the message does not carry them.
 */
export function describeFailure(error: unknown): string {
  // Said in words already.
  if (error instanceof CliFailure) return error.message;
  const words = networkWords(error);
  if (isHooklatchError(error)) {
    const reason = (error.details as { reason?: unknown }).reason;
    const hint =
      reason === 'missing_table'
        ? ' Check --table (and --inbox-table) and the database the URL names.'
        : '';
    return `${error.message}${words === undefined ? '' : ` (${words})`}${hint}`;
  }
  if (words !== undefined) return words;
  return error instanceof Error ? error.message : String(error);
}
