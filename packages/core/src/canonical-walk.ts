/**
 * The fast path of canonical JSON: one recursive pass that serializes, leaves out excluded
 * paths and enforces a nesting limit at once, with the same output as the explicit-stack
 * serializer of canonical-json.ts (the tests compare the two on arbitrary values).
 *
 * Why it is fast, measured on webhook bodies from 2 KB to 256 KB (about 2x the plain recursive
 * serializer, within 1.5x of `JSON.stringify`):
 * - strings that need no escaping (almost all) are quoted by concatenation, which V8 keeps as a
 *   rope instead of copying them the way `JSON.stringify` does;
 * - quoted keys come from a bounded cache, and an object with the keys of the previous object
 *   at its nesting level (array items, mostly) reuses its sorted key order instead of sorting.
 *
 * Recursion stops at {@link RECURSION_LIMIT} levels: deeper values (and circular ones, which
 * are infinitely deep) go to the explicit-stack serializer, so no input overflows the stack.
 */
import { ExactNumber } from './exact-numbers';

/** Thrown (and caught in this module) when the value is deeper than recursion may go. */
const TOO_DEEP_TO_RECURSE = new Error('canonical-walk: too deep to recurse');

/** Levels this walk recurses before handing over; far deeper than any webhook body. */
export const RECURSION_LIMIT = 256;

/** Characters a JSON string must escape, and lone-surrogate candidates (escaped when lone). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes exactly the controls.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** `"key":` per key; bounded, so a body with endless distinct keys cannot grow it. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;
const MAX_CACHED_KEY_LENGTH = 64;

function keyPrefix(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${quote(key)}:`;
    if (key.length <= MAX_CACHED_KEY_LENGTH) {
      if (quotedKeys.size >= MAX_QUOTED_KEYS) quotedKeys.clear();
      quotedKeys.set(key, quoted);
    }
  }
  return quoted;
}

/**
 * Per nesting level, the last object's own keys and their sorted order: the items of an array
 * of alike objects (and the objects nested in each) repeat them level by level.
 */
const CACHED_LEVELS = 32;
const lastKeys: Array<readonly string[] | undefined> = new Array(CACHED_LEVELS);
const lastSorted: Array<string[] | undefined> = new Array(CACHED_LEVELS);

function sortedKeys(keys: string[], depth: number): string[] {
  if (keys.length < 2) return keys;
  const level = depth < CACHED_LEVELS ? depth : CACHED_LEVELS - 1;
  const last = lastKeys[level];
  if (last !== undefined && last.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== last[i]) {
        same = false;
        break;
      }
    }
    if (same) return lastSorted[level] as string[];
  }
  // Default sort order is by UTF-16 code unit, which is the canonical order.
  const sorted = keys.slice().sort();
  lastKeys[level] = keys;
  lastSorted[level] = sorted;
  return sorted;
}

/** Paths that continue below `key` (those naming it or `*`), minus their first segment. */
function pathsBelow(paths: readonly string[][], key: string): string[][] | undefined {
  let below: string[][] | undefined;
  for (const path of paths) {
    if (path.length < 2 || (path[0] !== key && path[0] !== '*')) continue;
    below ??= [];
    below.push(path.slice(1));
  }
  return below;
}

/** True when `value` nests containers more than `budget` levels deep (0: a container is too deep). */
function deeperThan(value: unknown, budget: number, depth: number): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if (value instanceof ExactNumber) return false;
  if (budget <= 0) return true;
  if (depth >= RECURSION_LIMIT) throw TOO_DEEP_TO_RECURSE;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) if (deeperThan(child, budget - 1, depth + 1)) return true;
  return false;
}

/** Where the walk is: its nesting limit, and whether it was exceeded. */
interface Walk {
  maxDepth: number;
  exceeded: boolean;
}

function write(
  value: unknown,
  paths: readonly string[][] | undefined,
  depth: number,
  walk: Walk,
): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? `${value}` : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      // undefined, functions and symbols, as the explicit-stack serializer writes them.
      return 'null';
  }
  if (value === null) return 'null';
  if (value instanceof ExactNumber) return value.text;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
  }
  if (depth >= walk.maxDepth) {
    walk.exceeded = true;
    return '';
  }
  if (depth >= RECURSION_LIMIT) throw TOO_DEEP_TO_RECURSE;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const below = paths === undefined ? undefined : pathsBelow(paths, String(i));
      out += write(value[i], below, depth + 1, walk);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(Object.keys(record), depth);
  const here = paths === undefined ? undefined : endingHere(paths);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const member = record[key];
    if (member === undefined) continue;
    if (here !== undefined && (here.has(key) || here.has('*'))) {
      // Left out of the text, yet still within the nesting limit, as the raw bytes are.
      if (deeperThan(member, walk.maxDepth - depth - 1, depth + 1)) walk.exceeded = true;
      continue;
    }
    if (!first) out += ',';
    first = false;
    out += keyPrefix(key);
    out += write(member, paths === undefined ? undefined : pathsBelow(paths, key), depth + 1, walk);
  }
  return `${out}}`;
}

/** The member names one-segment paths remove here, or undefined when there are none. */
function endingHere(paths: readonly string[][]): Set<string> | undefined {
  let here: Set<string> | undefined;
  for (const path of paths) {
    if (path.length !== 1) continue;
    here ??= new Set();
    here.add(path[0] as string);
  }
  return here;
}

/**
 * The canonical JSON of `value` without the `exclude` dot paths, or `null` when it nests
 * containers deeper than `maxDepth` (excluded members count too). `undefined` when the value is
 * too deep for recursion: the caller then uses the explicit-stack serializer.
 */
export function walkCanonical(
  value: unknown,
  exclude: readonly string[],
  maxDepth: number,
): string | null | undefined {
  const walk: Walk = { maxDepth, exceeded: false };
  const paths = exclude.length === 0 ? undefined : exclude.map((path) => path.split('.'));
  try {
    const text = write(value, paths, 0, walk);
    return walk.exceeded ? null : text;
  } catch (error) {
    if (error === TOO_DEEP_TO_RECURSE) return undefined;
    throw error;
  }
}
