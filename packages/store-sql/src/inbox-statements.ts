/**
 * The inbox statements every SQL database shares. Times are epoch ms by the database's clock
 * (`flavor.now`, fixed within a statement). `available_at` orders the work: for a pending entry
 * it is when it may be claimed, for a running one when its lease ends, and for a finished one a
 * far-future sentinel, so "ready" is one range scan of the `(queue, available_at)` index.
 */
import type { ListFilter, ReplayFilter } from '@hooklatch/core/kit';
import { and, bigint, bytes, type Fragment, int, sql, text, textList } from './inbox-query';

/** `available_at` of finished entries: the largest Date, far beyond any lease or retry. */
export const FINISHED_AT = 8_640_000_000_000_000;

/** What differs between the databases in the shared statements. */
export interface InboxFlavor {
  /** Epoch ms by the database clock. */
  readonly now: string;
  /** Appended to the enqueue INSERT: `ON CONFLICT ... DO NOTHING` where the database has it. */
  readonly insertSuffix: string;
  /** An UPDATE of at most `limit` rows matching `where` (in `available_at` order). */
  limitedUpdate(t: string, set: Fragment, where: Fragment, limit: number): Fragment;
  /** A DELETE of at most `limit` rows matching `where`. */
  limitedDelete(t: string, where: Fragment, limit: number): Fragment;
}

const SUMMARY_COLUMNS = `entry_key, key_text, provider, event_type, state, attempts, fence,
  received_at, enqueued_at, available_at, finished_at, last_error_code, last_error_message,
  replays, replay_reason, replayed_at, key_index, digest, length(body) AS body_bytes`;

/** Columns of a listing (no body). */
export const SUMMARY = SUMMARY_COLUMNS;
/** Columns of a whole entry. */
export const FULL = `${SUMMARY_COLUMNS}, method, headers, body, token`;

/** What an enqueue writes (already checked and mapped). */
export interface EnqueueRow {
  queue: string;
  key: string;
  keyText: string | null;
  provider: string;
  type: string;
  method: string;
  headers: string;
  body: Uint8Array;
  receivedAt: number;
  keyIndex: number | null;
  digest: string | null;
  dead: { code: string; message: string } | null;
}

const where = (queue: string, key: string) =>
  sql`queue = ${text(queue)} AND entry_key = ${text(key)}`;
const running = (queue: string, key: string, token: string) =>
  sql`${where(queue, key)} AND token = ${text(token)} AND state = 'running'`;

/** The condition of a claimable entry. */
export function readyWhere(now: string, queue: string, providers: string[] | undefined): Fragment {
  return and(
    sql`queue = ${text(queue)}`,
    sql`state IN ('pending', 'running')`,
    sql`available_at <= ${now}`,
    providers ? sql`provider IN ${textList(providers)}` : undefined,
  );
}

/** The assignments of a claim: running under `token`, one more attempt and fence. */
export function claimSet(now: string, token: string, leaseMs: number): Fragment {
  return sql`state = 'running', token = ${text(token)}, available_at = ${now} + ${bigint(leaseMs)},
    attempts = attempts + 1, fence = fence + 1, updated_at = ${now}`;
}

/** Filters shared by replay and list. */
function filters(f: Pick<ListFilter, 'provider' | 'type' | 'receivedFrom' | 'receivedBefore'>) {
  return and(
    f.provider === undefined ? undefined : sql`provider = ${text(f.provider)}`,
    f.type === undefined ? undefined : sql`event_type = ${text(f.type)}`,
    f.receivedFrom === undefined ? undefined : sql`received_at >= ${bigint(f.receivedFrom)}`,
    f.receivedBefore === undefined ? undefined : sql`received_at < ${bigint(f.receivedBefore)}`,
  );
}

const stateList = (states: readonly string[]) =>
  // Fixed literals, checked against the closed list before they get here.
  `(${states.map((s) => `'${s}'`).join(', ')})`;

/** The shared statements for table `t`. */
export function inboxStatements(t: string, flavor: InboxFlavor) {
  const NOW = flavor.now;
  return {
    enqueue(row: EnqueueRow): Fragment {
      const state = row.dead ? 'dead' : 'pending';
      const available = row.dead ? String(FINISHED_AT) : NOW;
      const finished = row.dead ? NOW : 'NULL';
      return sql`INSERT INTO ${t} (queue, entry_key, key_text, provider, event_type, state, method,
          headers, body, received_at, key_index, digest, attempts, fence, available_at,
          enqueued_at, updated_at, finished_at, last_error_code, last_error_message, replays)
        VALUES (${text(row.queue)}, ${text(row.key)}, ${text(row.keyText)}, ${text(row.provider)},
          ${text(row.type)}, '${state}', ${text(row.method)}, ${text(row.headers)}, ${bytes(row.body)},
          ${bigint(row.receivedAt)}, ${int(row.keyIndex)}, ${text(row.digest)}, 0, 0, ${available},
          ${NOW}, ${NOW}, ${finished}, ${text(row.dead?.code)}, ${text(row.dead?.message)}, 0)
        ${flavor.insertSuffix}`;
    },
    status: (queue: string, key: string) =>
      sql`SELECT state, digest FROM ${t} WHERE ${where(queue, key)}`,
    extend: (queue: string, key: string, token: string, leaseMs: number) =>
      sql`UPDATE ${t} SET available_at = ${NOW} + ${bigint(leaseMs)}, updated_at = ${NOW}
        WHERE ${running(queue, key, token)} AND available_at > ${NOW}`,
    complete: (queue: string, key: string, token: string) =>
      sql`UPDATE ${t} SET state = 'completed', finished_at = ${NOW},
          available_at = ${String(FINISHED_AT)}, updated_at = ${NOW}
        WHERE ${running(queue, key, token)}`,
    fail: (queue: string, key: string, token: string, error: ErrorRow, retryInMs: number) =>
      sql`UPDATE ${t} SET state = 'pending', token = NULL,
          available_at = ${NOW} + ${bigint(retryInMs)}, last_error_code = ${text(error.code)},
          last_error_message = ${text(error.message)}, updated_at = ${NOW}
        WHERE ${running(queue, key, token)}`,
    deadLetter: (queue: string, key: string, token: string, error: ErrorRow) =>
      sql`UPDATE ${t} SET state = 'dead', finished_at = ${NOW},
          available_at = ${String(FINISHED_AT)}, last_error_code = ${text(error.code)},
          last_error_message = ${text(error.message)}, updated_at = ${NOW}
        WHERE ${running(queue, key, token)}`,
    release: (queue: string, key: string, token: string) =>
      sql`UPDATE ${t} SET state = 'pending', token = NULL, available_at = ${NOW},
          attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, updated_at = ${NOW}
        WHERE ${running(queue, key, token)}`,
    replay(queue: string, key: string | undefined, f: ReplayFilter): Fragment {
      const set = sql`state = 'pending', attempts = 0, token = NULL, available_at = ${NOW},
        finished_at = NULL, replays = replays + 1, replay_reason = ${text(f.reason)},
        replayed_at = ${NOW}, updated_at = ${NOW}`;
      const match = and(
        sql`queue = ${text(queue)}`,
        // Finished states only: a running entry is never touched, so no replay races a run.
        sql`state IN ${stateList(f.states)}`,
        key === undefined ? undefined : sql`entry_key = ${text(key)}`,
        filters(f),
      );
      return flavor.limitedUpdate(t, set, match, f.limit);
    },
    get: (queue: string, key: string) => sql`SELECT ${FULL} FROM ${t} WHERE ${where(queue, key)}`,
    list(queue: string, f: ListFilter): Fragment {
      const match = and(
        sql`queue = ${text(queue)}`,
        f.state === undefined ? undefined : sql`state = ${text(f.state)}`,
        f.cursor === undefined ? undefined : sql`entry_key > ${text(f.cursor)}`,
        filters(f),
      );
      return sql`SELECT ${SUMMARY} FROM ${t} WHERE ${match}
        ORDER BY entry_key LIMIT ${int(f.limit + 1)}`;
    },
    stats: (queue: string) =>
      sql`SELECT provider, state, COUNT(*) AS n,
          SUM(CASE WHEN state IN ('pending', 'running') AND available_at <= ${NOW}
            THEN 1 ELSE 0 END) AS ready
        FROM ${t} WHERE queue = ${text(queue)} GROUP BY provider, state`,
    purge(queue: string, states: readonly string[], olderThanMs: number, limit: number) {
      const match = and(
        sql`queue = ${text(queue)}`,
        sql`state IN ${stateList(states)}`,
        sql`finished_at <= ${NOW} - ${bigint(olderThanMs)}`,
      );
      return flavor.limitedDelete(t, match, limit);
    },
  };
}

/** An error as the statements store it. */
export interface ErrorRow {
  code: string;
  message: string;
}

/** The statements' type, for the dialects. */
export type InboxStatements = ReturnType<typeof inboxStatements>;
