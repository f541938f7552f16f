/**
 * Copies without some dot paths (`meta.sentAt`, `items.*.etag`), for fingerprints and digests
 * that must ignore fields a sender changes between attempts. Copies are made with an explicit
 * task list, never by recursion, so a payload nested 100,000 levels deep cannot overflow the
 * stack, and an own `__proto__` member stays an own member.
 */
import { ExactNumber } from './exact-numbers';

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
    // A Date or an exact number is a value, not a container a path goes into.
    if (child === null || typeof child !== 'object' || child instanceof Date) return;
    if (child instanceof ExactNumber) return;
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
  if (value instanceof Date || value instanceof ExactNumber) return value;
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
