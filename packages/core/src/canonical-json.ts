/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, numbers in their
 * shortest round-trip form. Two payloads that differ only in key order or formatting serialize
 * to the same string, which is what makes fingerprints survive a sender's re-serialization.
 *
 * Both functions walk the value with an explicit stack, never by recursion: a payload nested
 * 100,000 levels deep costs time in proportion to its size and cannot overflow the call stack.
 * Every own key counts, `__proto__` included (JSON.parse makes it an ordinary own key; a copy
 * made by assignment would turn it into a prototype and lose it).
 */

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

/**
 * Serialize `value` canonically. `undefined` object members are dropped, as JSON does;
 * `undefined`, functions, symbols and non-finite numbers elsewhere become `null`.
 * A circular value throws a TypeError, like `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
  let out = '';
  const stack: Frame[] = [];
  // The containers currently open: seeing one again means the value is circular.
  const open = new Set<object>();
  const write = (item: unknown): void => {
    if (item === null || typeof item !== 'object') {
      out += scalar(item);
    } else if (item instanceof Date) {
      out += dateJson(item);
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

/** Set an own, enumerable member, even one named `__proto__` (plain assignment would not). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** One container still to copy: its source, the paths below it, and where the copy goes. */
interface CopyTask {
  source: object;
  paths: string[][];
  target: Record<string, unknown> | unknown[];
  key: string | number;
}

/** The paths that continue below `key`: those naming it or `*`, minus their first segment. */
function pathsBelow(paths: readonly string[][], key: string): string[][] {
  const below: string[][] = [];
  for (const path of paths) {
    if (path.length > 1 && (path[0] === key || path[0] === '*')) below.push(path.slice(1));
  }
  return below;
}

/**
 * Copy one container one level deep, leaving out the members `paths` end at, and return the
 * children that still have paths below them (those are copied by later tasks).
 */
function copyLevel(
  source: object,
  paths: readonly string[][],
): { copy: Record<string, unknown> | unknown[]; pending: Omit<CopyTask, 'target'>[] } {
  const pending: Omit<CopyTask, 'target'>[] = [];
  const visit = (key: string | number, child: unknown) => {
    if (child === null || typeof child !== 'object') return;
    const below = pathsBelow(paths, String(key));
    if (below.length > 0) pending.push({ source: child, paths: below, key });
  };
  if (Array.isArray(source)) {
    // A one-segment path never removes an array element: paths name object members.
    const copy = source.slice();
    for (let index = 0; index < copy.length; index++) visit(index, copy[index]);
    return { copy, pending };
  }
  const here = new Set(paths.filter((p) => p.length === 1).map((p) => p[0] as string));
  const copy: Record<string, unknown> = {};
  if (here.has('*')) return { copy, pending };
  const record = source as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (here.has(key)) continue;
    setOwn(copy, key, record[key]);
    visit(key, record[key]);
  }
  return { copy, pending };
}

/**
 * A copy of `value` without the fields at the given dot paths (`meta.sentAt`, `items.*.etag`).
 * `*` matches every key or index at that level. Subtrees no path reaches are shared with the
 * input, not copied; the input is never modified.
 */
export function omitPaths(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0 || value === null || typeof value !== 'object') return value;
  const root = copyLevel(
    value,
    paths.map((p) => p.split('.')),
  );
  const tasks: CopyTask[] = root.pending.map((task) => ({ ...task, target: root.copy }));
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    const level = copyLevel(task.source, task.paths);
    // The key already holds the shared child, so overwriting it keeps the member order.
    if (Array.isArray(task.target)) task.target[task.key as number] = level.copy;
    else setOwn(task.target, task.key as string, level.copy);
    for (const next of level.pending) tasks.push({ ...next, target: level.copy });
  }
  return root.copy;
}
