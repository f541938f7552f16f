/**
 * Seeded inputs for the memory store's model-based test: a PRNG, keys, digests and results.
 * Everything comes from the seed, so a failure replays exactly.
 */
import type { DedupeStore, JsonValue, ListOptions } from '../../src/store/types';

/** mulberry32: a small, fast, seedable PRNG; floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Draw {
  (): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
}

export function draw(seed: number): Draw {
  const random = seededRandom(seed);
  const d = (() => random()) as Draw;
  d.int = (n) => Math.floor(random() * n);
  d.pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  return d;
}

/**
 * Keys the store must keep apart: empty, one code unit apart, trailing space, NUL, lone
 * surrogates, a combining mark, a key that looks like a digest form, plain keys at and past
 * 200 characters.
 */
const SPECIAL_KEYS = [
  '',
  'a',
  'a ',
  'A',
  '\u0000',
  '\ud800',
  '\udc00',
  'é',
  'e\u0301',
  '~sha256:abc',
  'k'.repeat(200),
  'k'.repeat(201),
];

/**
 * `count` distinct keys: the special ones, then mostly plain provider-like IDs, some sharing
 * their last four characters and length (one key shard), some with spaces and non-ASCII, some
 * past the plain-key length.
 */
export function keySpace(count: number): string[] {
  const keys = SPECIAL_KEYS.slice(0, count);
  for (let i = keys.length; i < count; i++) {
    const kind = i % 10;
    if (kind < 6) keys.push(`evt_${i}`);
    else if (kind < 8) keys.push(`${String(i).padStart(6, '0')}:tail`);
    else if (kind === 8) keys.push(`évt ${i}`);
    else keys.push(`${'x'.repeat(200)}${i}`);
  }
  return keys;
}

const hex = (d: Draw, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += '0123456789abcdef'[d.int(16)];
  return out;
};

/** Packable digests used again and again, so repeats and the extreme words show up. */
const PACKED_POOL = [
  `sha256:${'0'.repeat(64)}`,
  `sha256:${'f'.repeat(64)}`,
  `sha256:${'0123456789abcdef'.repeat(4)}`,
  `sha256:${'80000000'.repeat(8)}`,
];

/** A valid claim digest: none, `sha256:` + 64 lowercase hex (packed), or another shape. */
export function claimDigest(d: Draw): string | undefined {
  const r = d();
  if (r < 0.3) return undefined;
  if (r < 0.45) return d.pick(PACKED_POOL);
  if (r < 0.65) return `sha256:${hex(d, 64)}`;
  const h = hex(d, 64);
  switch (d.int(10)) {
    case 0:
      return `sha256:${h.toUpperCase()}`;
    case 1:
      return `sha256:${h.slice(1)}`;
    case 2:
      return `sha256:${h}0`;
    case 3:
      return `sha256:${h.slice(0, 63)}g`;
    case 4:
      return `SHA256:${h}`;
    case 5:
      return `sha256 ${h}`;
    case 6:
      return d.pick(['x', ' ', '~', 'sha256:', 'v1,abc=']);
    case 7:
      return '~'.repeat(128);
    case 8:
      return `${h}${h}`; // 128 hex digits, no prefix
    default:
      return `md5:${h.slice(0, 32)}`;
  }
}

/** Digests `claim` must refuse with CONFIG_INVALID. */
const BAD_DIGESTS: readonly unknown[] = [
  '',
  'x'.repeat(129),
  `sha256:${'a'.repeat(63)}é`,
  'tab\there',
  '\u0000',
  5,
  null,
];

/** A fresh JSON result (or none), never shared with an earlier call. */
export function completeResult(d: Draw): JsonValue | undefined {
  switch (d.int(12)) {
    case 0:
    case 1:
    case 2:
    case 3:
      return undefined;
    case 4:
      return null;
    case 5:
      return d.pick([0, -0, 42.5, -1, Number.MAX_SAFE_INTEGER]);
    case 6:
      return d.pick(['', 'ok', 'é\u0000\ud800']);
    case 7:
      return d() < 0.5;
    case 8:
      return [d.int(1000), 'a', null, [true, { x: [] }]];
    case 9:
      return { id: d.int(1_000_000), tags: ['a', 'b'], nested: { deep: [1, { y: null }] } };
    case 10:
      return {};
    default:
      return { status: 'sent', count: d.int(10), at: null };
  }
}

const PREFIXES = [undefined, '', 'evt_', 'evt_1', '0000', 'é', 'x', 'a', 'k'.repeat(200)];
const LIMITS = [undefined, 0, 1, 3, 100, Number.POSITIVE_INFINITY];

/** `list` options: none at all, or any mix of a prefix and a limit (defaults left out). */
export function listOptions(d: Draw): ListOptions | undefined {
  if (d() < 0.1) return undefined;
  const prefix = d.pick(PREFIXES);
  const limit = d.pick(LIMITS);
  return { ...(prefix === undefined ? {} : { prefix }), ...(limit === undefined ? {} : { limit }) };
}

/** A call the store must refuse with CONFIG_INVALID before touching anything, and its name. */
export function invalidCall(
  store: DedupeStore,
  key: string,
  token: string,
  d: Draw,
): [string, () => Promise<unknown>] {
  const ok = { leaseMs: 10, ttlMs: 10 };
  const calls: [string, () => Promise<unknown>][] = [
    [
      'claim: bad leaseMs',
      () =>
        store.claim(key, {
          leaseMs: d.pick([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 3_155_760_000_001]),
          ttlMs: 10,
        }),
    ],
    [
      'claim: bad ttlMs',
      () => store.claim(key, { leaseMs: 10, ttlMs: d.pick([0, Number.NaN, '5']) as number }),
    ],
    ['claim: bad digest', () => store.claim(key, { ...ok, digest: d.pick(BAD_DIGESTS) as string })],
    ['claim: bad options', () => store.claim(key, d.pick([null, undefined, [], 'x']) as never)],
    ['claim: bad key', () => store.claim(d.pick([5, null, undefined, {}]) as never, ok)],
    ['extend: bad leaseMs', () => store.extend(key, token, d.pick([0, -5, Number.NaN]))],
    ['extend: bad key', () => store.extend(7 as never, token, 10)],
    [
      'complete: bad ttlMs',
      () => store.complete(key, token, { ttlMs: d.pick([0, -1, Number.NaN]) }),
    ],
    ['complete: a tx', () => store.complete(key, token, { ttlMs: 10, tx: {} })],
    ['release: bad key', () => store.release(5 as never, token)],
    ['get: bad key', () => store.get(null as never)],
    ['delete: bad key', () => store.delete(5 as never)],
  ];
  return d.pick(calls);
}
