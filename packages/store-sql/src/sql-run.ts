/**
 * How the SQL dedupe store runs one statement: on the dialect's driver, retried when the
 * dialect says the error is worth it (a deadlock victim's statement was rolled back as a whole,
 * so running it again is safe), every other failure turned into a hooklatch error.
 *
 * Callbacks, not promises: between the driver's reply and the store's answer (or its next
 * statement) there is one `then` only, as in a hand-written `await`. Each extra promise layer
 * (an async wrapper, a mapping `then`) cost measurable CPU per call on the PostgreSQL claim.
 */
import type { Dialect, ExecResult, Query } from './dialect';
import { toStoreError } from './errors';
import type { Deadline } from './timeout';

const MAX_RETRIES = 5;

/**
 * Runs `query` for the call whose deadline is `deadline`, then `next` with its result or
 * `failed` with the store error; `tx` is the caller's transaction (never retried). Starts the
 * statement synchronously (better-sqlite3 transactions need that). Never throws.
 */
export type Run = (
  query: Query,
  deadline: Deadline,
  next: (result: ExecResult) => void,
  failed: (error: unknown) => void,
  tx?: unknown,
) => void;

/** The runner of `dialect`, and the same as a promise for the calls off the hot path. */
export function createRunner(dialect: Dialect): {
  run: Run;
  exec(query: Query, deadline: Deadline, tx?: unknown): Promise<ExecResult>;
} {
  const run = (
    query: Query,
    deadline: Deadline,
    next: (result: ExecResult) => void,
    failed: (error: unknown) => void,
    tx?: unknown,
    attempt = 0,
  ): void => {
    let pending: PromiseLike<unknown>;
    try {
      pending = dialect.exec(query, tx, deadline);
    } catch (error) {
      pending = Promise.reject(error);
    }
    // Neither callback may throw: nothing awaits the promise `then` returns.
    pending.then(
      (raw) => {
        deadline.cancel = undefined;
        try {
          next(dialect.result ? dialect.result(raw) : (raw as ExecResult));
        } catch (error) {
          failed(error);
        }
      },
      (error: unknown) => {
        deadline.cancel = undefined;
        try {
          const retry =
            tx === undefined &&
            !deadline.expired &&
            attempt < MAX_RETRIES &&
            dialect.isRetryable?.(error);
          if (retry) run(query, deadline, next, failed, tx, attempt + 1);
          else failed(toStoreError(dialect.name, error));
        } catch (unexpected) {
          failed(unexpected);
        }
      },
    );
  };
  const exec = (query: Query, deadline: Deadline, tx?: unknown): Promise<ExecResult> => {
    let resolve!: (result: ExecResult) => void;
    let reject!: (error: unknown) => void;
    const result = new Promise<ExecResult>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    run(query, deadline, resolve, reject, tx);
    return result;
  };
  return { run, exec };
}
