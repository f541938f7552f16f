/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, numbers in their
 * shortest round-trip form. Two payloads that differ only in key order or formatting serialize
 * to the same string, which is what makes fingerprints survive a sender's re-serialization.
 *
 * Values are serialized by the recursive fast path (canonical-walk.ts) up to its recursion
 * limit, and by an explicit stack beyond it: a payload nested 100,000 levels deep costs time in
 * proportion to its size and cannot overflow the call stack. Every own key counts, `__proto__`
 * included (JSON.parse makes it an ordinary own key; a copy made by assignment would turn it
 * into a prototype and lose it).
 */
import { walkCanonical } from './canonical-walk';
import { ExactNumber } from './exact-numbers';
import { omitPaths } from './omit-paths';

export { omitPaths, setOwn } from './omit-paths';

/** One open array or object while serializing: the container, its keys, the next index. */
interface Frame {
  container: object;
  /** `null` for an array. */
  keys: string[] | null;
  length: number;
  next: number;
}

function scalar(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return 'null';
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** A Date serializes as JSON does: its ISO string, or `null` for an invalid one. */
function dateJson(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'null' : JSON.stringify(date.toISOString());
}

/** Own keys whose value is not `undefined`, sorted (as JSON drops undefined members). */
function definedKeys(value: object): string[] {
  const record = value as Record<string, unknown>;
  return Object.keys(value)
    .filter((key) => record[key] !== undefined)
    .sort();
}

/** The explicit-stack serializer: any depth, and a TypeError for a circular value. */
function canonicalJsonByStack(value: unknown): string {
  let out = '';
  const stack: Frame[] = [];
  // The containers currently open: seeing one again means the value is circular.
  const open = new Set<object>();
  const write = (item: unknown): void => {
    if (item === null || typeof item !== 'object') {
      out += scalar(item);
    } else if (item instanceof Date) {
      out += dateJson(item);
    } else if (item instanceof ExactNumber) {
      out += item.text;
    } else {
      if (open.has(item)) throw new TypeError('canonicalJson: the value is circular.');
      open.add(item);
      const keys = Array.isArray(item) ? null : definedKeys(item);
      out += keys === null ? '[' : '{';
      stack.push({
        container: item,
        keys,
        length: keys === null ? (item as unknown[]).length : keys.length,
        next: 0,
      });
    }
  };
  write(value);
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    if (frame.next === frame.length) {
      out += frame.keys === null ? ']' : '}';
      open.delete(frame.container);
      stack.pop();
      continue;
    }
    if (frame.next > 0) out += ',';
    const index = frame.next++;
    if (frame.keys === null) {
      write((frame.container as unknown[])[index]);
    } else {
      const key = frame.keys[index] as string;
      out += `${JSON.stringify(key)}:`;
      write((frame.container as Record<string, unknown>)[key]);
    }
  }
  return out;
}

/**
 * Serialize `value` canonically. `undefined` object members are dropped, as JSON does;
 * `undefined`, functions, symbols and non-finite numbers elsewhere become `null`.
 * A circular value throws a TypeError, like `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
  return walkCanonical(value, [], Number.POSITIVE_INFINITY) ?? canonicalJsonByStack(value);
}

/** True when `value` nests arrays/objects more than `maxDepth` levels, counted with a stack. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object' || node instanceof Date) continue;
    if (node instanceof ExactNumber) continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * The canonical JSON of `value` minus the `exclude` dot paths (`*` matches any key), or `null`
 * when the value nests arrays/objects deeper than `maxDepth` (excluded members included): a
 * parsed body is measured in the same pass that serializes it.
 */
export function canonicalJsonWithin(
  value: unknown,
  exclude: readonly string[],
  maxDepth: number,
): string | null {
  const text = walkCanonical(value, exclude, maxDepth);
  if (text !== undefined) return text;
  if (Number.isFinite(maxDepth) && nestsDeeperThan(value, maxDepth)) return null;
  return canonicalJsonByStack(omitPaths(value, exclude));
}

/**
 * The canonical JSON of `value` minus the `exclude` dot paths: the same text as
 * `canonicalJson(omitPaths(value, exclude))`, without making the copy.
 */
export function canonicalJsonWithout(value: unknown, exclude: readonly string[]): string {
  return canonicalJsonWithin(value, exclude, Number.POSITIVE_INFINITY) as string;
}
