/**
 * The argument checks every inbox backend shares, so a bad call fails the same way on the memory,
 * SQL and Redis inboxes: `CONFIG_INVALID` naming the argument, before anything reaches a
 * backend. Messages never quote a value (it may be a key, a header or a payload).
 */
import { type StoreOptionChecks, storeOptionChecks } from '../store/store-options';
import type {
  InboxClaimOptions,
  InboxCompleteOptions,
  InboxDelivery,
  InboxErrorInfo,
  InboxListOptions,
  InboxPurgeOptions,
  InboxReplayOptions,
  InboxState,
} from './types';
import { INBOX_STATES } from './types';

const PROVIDER = /^[\x21-\x7e]{1,100}$/;
const CODE = /^[\x21-\x7e]{1,64}$/;
const METHOD = /^[A-Z]{1,16}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]{1,256}$/;
/** Larger than any provider's headers; bounds what one entry costs to keep. */
export const MAX_INBOX_HEADER_BYTES = 65_536;
export const MAX_INBOX_ERROR_MESSAGE = 1_024;
export const MAX_INBOX_TYPE_LENGTH = 200;
export const MAX_INBOX_REASON_LENGTH = 500;
/** Most entries one claim may hand out. */
export const MAX_INBOX_CLAIM = 1_000;
const FINISHED = new Set(['completed', 'dead']);

/**
 * `text` as every backend can keep it: lone surrogates and NUL replaced by U+FFFD (PostgreSQL
 * text refuses NUL, UTF-8 columns lone surrogates), cut to {@link MAX_INBOX_ERROR_MESSAGE}.
 */
export function readableMessage(text: string): string {
  // toWellFormed (Node 20+) turns lone surrogates into U+FFFD.
  const wellFormed = (text as { toWellFormed?: () => string }).toWellFormed?.() ?? text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what must go.
  return wellFormed.replace(/\u0000/g, '\ufffd').slice(0, MAX_INBOX_ERROR_MESSAGE);
}

/** The checked form of a replay's filters. */
export interface ReplayFilter {
  reason: string;
  key: string | undefined;
  provider: string | undefined;
  type: string | undefined;
  receivedFrom: number | undefined;
  receivedBefore: number | undefined;
  states: Array<'completed' | 'dead'>;
  limit: number;
}

/** The checked form of a listing's filters. */
export interface ListFilter {
  state: InboxState | undefined;
  provider: string | undefined;
  type: string | undefined;
  receivedFrom: number | undefined;
  receivedBefore: number | undefined;
  limit: number;
  cursor: string | undefined;
}

/** The checks of one inbox backend (`sqliteInbox`...), each throwing CONFIG_INVALID. */
export interface InboxChecks {
  readonly base: StoreOptionChecks;
  delivery(delivery: InboxDelivery): InboxDelivery;
  claim(options: InboxClaimOptions): {
    leaseMs: number;
    limit: number;
    providers: string[] | undefined;
  };
  token(value: unknown): string;
  leaseMs(value: unknown): number;
  error(value: unknown): InboxErrorInfo;
  retryInMs(value: unknown): number;
  replay(options: InboxReplayOptions): ReplayFilter;
  list(options: InboxListOptions | undefined): ListFilter;
  purge(options: InboxPurgeOptions): { olderThanMs: number; states: Array<'completed' | 'dead'> };
  /**
   * The `tx` of `complete`'s options (`undefined` for none). A backend with no transaction to
   * join (`transactional: false`) refuses any `tx`: writing the completion at once would
   * outlive a transaction that then rolls back.
   */
  completeTx(options: InboxCompleteOptions | undefined, transactional: boolean): unknown;
}

/** The shared checks for the inbox called `store` in messages. */
export function inboxChecks(store: string): InboxChecks {
  const base = storeOptionChecks(store);
  const { invalid } = base;
  const text = (option: string, value: unknown, max: number, min = 0): string => {
    if (typeof value !== 'string' || value.length < min || value.length > max) {
      throw invalid(option, `must be a string of ${min} to ${max} characters`);
    }
    return value;
  };
  const optionalText = (option: string, value: unknown, max: number) =>
    value === undefined ? undefined : text(option, value, max, 1);
  const provider = (option: string, value: unknown) => {
    if (typeof value !== 'string' || !PROVIDER.test(value)) {
      throw invalid(option, 'must be 1 to 100 printable ASCII characters');
    }
    return value;
  };
  const time = (option: string, value: unknown): number | undefined => {
    if (value === undefined) return undefined;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw invalid(option, 'must be a valid Date');
    }
    return value.getTime();
  };
  const count = (option: string, value: unknown, fallback: number, max: number) => {
    const n = value === undefined ? fallback : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw invalid(option, `must be an integer from 1 to ${max}`);
    }
    return n;
  };
  const finished = (value: unknown, fallback: Array<'completed' | 'dead'>) => {
    if (value === undefined) return fallback;
    if (!Array.isArray(value) || value.length === 0 || !value.every((s) => FINISHED.has(s))) {
      throw invalid('states', "must be a non-empty list of 'completed' and 'dead'");
    }
    return [...new Set(value)] as Array<'completed' | 'dead'>;
  };
  const headers = (value: unknown) => {
    base.object('headers', value as object | undefined);
    let bytes = 0;
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (!HEADER_NAME.test(name) || typeof v !== 'string') {
        throw invalid('headers', 'must map lower-case header names to strings');
      }
      bytes += name.length + v.length;
    }
    if (bytes > MAX_INBOX_HEADER_BYTES) {
      throw invalid('headers', `must total at most ${MAX_INBOX_HEADER_BYTES} characters`);
    }
  };
  const error = (value: unknown): InboxErrorInfo => {
    const info = base.object('error', value as InboxErrorInfo | undefined);
    if (typeof info.code !== 'string' || !CODE.test(info.code)) {
      throw invalid('error.code', 'must be 1 to 64 printable ASCII characters');
    }
    if (typeof info.message !== 'string') throw invalid('error.message', 'must be a string');
    // Cut and cleaned, never refused: a long message must not keep an entry from failing.
    return { code: info.code, message: readableMessage(info.message) };
  };

  return {
    base,
    delivery(delivery) {
      const d = base.object('delivery', delivery);
      base.key(d.key);
      provider('provider', d.provider);
      text('type', d.type, MAX_INBOX_TYPE_LENGTH);
      if (typeof d.method !== 'string' || !METHOD.test(d.method)) {
        throw invalid('method', 'must be an upper-case HTTP method');
      }
      headers(d.headers);
      if (!(d.body instanceof Uint8Array)) throw invalid('body', 'must be a Uint8Array');
      time('receivedAt', d.receivedAt ?? null);
      if (d.keyIndex !== undefined && !(Number.isSafeInteger(d.keyIndex) && d.keyIndex >= 0)) {
        throw invalid('keyIndex', 'must be an integer of 0 or more');
      }
      base.digest(d.digest);
      if (d.deadLetter !== undefined) error(d.deadLetter);
      return d;
    },
    claim(options) {
      const o = base.object('claim options', options);
      let providers: string[] | undefined;
      if (o.providers !== undefined) {
        if (!Array.isArray(o.providers) || o.providers.length === 0) {
          throw invalid('providers', 'must be a non-empty list of provider names');
        }
        providers = [...new Set(o.providers.map((p) => provider('providers', p)))];
      }
      return {
        leaseMs: Math.ceil(base.duration('leaseMs', o.leaseMs)),
        limit: count('limit', o.limit, 1, MAX_INBOX_CLAIM),
        providers,
      };
    },
    token(value) {
      if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
        throw invalid('token', 'must be the token of a claim');
      }
      return value;
    },
    leaseMs: (value) => Math.ceil(base.duration('leaseMs', value)),
    error,
    retryInMs(value) {
      if (value === 0) return 0;
      return Math.ceil(base.duration('retryInMs', value));
    },
    replay(options) {
      const o = base.object('replay options', options);
      const filter: ReplayFilter = {
        reason: text('reason', o.reason, MAX_INBOX_REASON_LENGTH, 1),
        key: o.key === undefined ? undefined : base.key(o.key),
        provider: o.provider === undefined ? undefined : provider('provider', o.provider),
        type: optionalText('type', o.type, MAX_INBOX_TYPE_LENGTH),
        receivedFrom: time('receivedFrom', o.receivedFrom),
        receivedBefore: time('receivedBefore', o.receivedBefore),
        states: finished(o.states, ['dead']),
        limit: count('limit', o.limit, 1_000, 10_000),
      };
      const scoped =
        filter.key !== undefined ||
        filter.provider !== undefined ||
        filter.receivedFrom !== undefined ||
        filter.receivedBefore !== undefined;
      // Replaying every finished entry at once is never what an operator meant to type.
      if (!scoped) throw invalid('replay options', 'need a key, a provider or a time bound');
      return filter;
    },
    list(options) {
      const o = options === undefined ? {} : base.object('list options', options);
      if (o.state !== undefined && !INBOX_STATES.includes(o.state)) {
        throw invalid('state', `must be one of ${INBOX_STATES.join(', ')}`);
      }
      return {
        state: o.state,
        provider: o.provider === undefined ? undefined : provider('provider', o.provider),
        type: optionalText('type', o.type, MAX_INBOX_TYPE_LENGTH),
        receivedFrom: time('receivedFrom', o.receivedFrom),
        receivedBefore: time('receivedBefore', o.receivedBefore),
        limit: count('limit', o.limit, 100, 1_000),
        cursor: optionalText('cursor', o.cursor, 512),
      };
    },
    purge(options) {
      const o = base.object('purge options', options);
      const olderThanMs = o.olderThanMs === 0 ? 0 : base.duration('olderThanMs', o.olderThanMs);
      return { olderThanMs: Math.floor(olderThanMs), states: finished(o.states, ['completed']) };
    },
    completeTx(options, transactional) {
      if (options === undefined) return undefined;
      const { tx } = base.object('complete options', options);
      if (tx !== undefined && !transactional) {
        throw invalid('tx', 'is not supported: this inbox has no transaction to join');
      }
      return tx;
    },
  };
}
