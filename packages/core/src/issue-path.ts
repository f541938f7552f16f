/**
 * The path of a schema issue as shown in errors: a segment appears only when the schema itself
 * names it (a key of an object shape) or when it indexes an array or tuple. Every other segment
 * (a record's key, a key of a loose or catchall object, a key a refinement added) came from the
 * payload and is shown as `*`: paths name where the schema failed, never what the sender wrote.
 * How a key looks decides nothing, since a `metadata` key such as `alice_ssn_078051120` looks
 * like any field name.
 *
 * The schema is walked along the path only for a failed validation, at most 20 issues of a few
 * segments each. Zod 4 schemas (`zod`, `zod/mini`, `zod/v4/core`) are read from `_zod.def`;
 * below a schema of another kind (zod 3's, one that only has `safeParse`) only indexes are
 * shown. Kept small on purpose: it ships in every edge bundle.
 */

// biome-ignore lint/suspicious/noExplicitAny: zod's definitions are read by what they hold.
type Def = Record<string, any>;

/**
 * Schema nodes looked at for one issue (a schema met twice counts twice). A union of unions of
 * lazy schemas, or a lazy schema that is its own option, could otherwise be walked without end;
 * past this the walk stops naming (safe: it only masks more).
 */
const MAX_NODES = 2000;

/** Kinds that stand for their `innerType`. */
const WRAPPERS =
  /^(?:optional|nullable|default|prefault|catch|readonly|nonoptional|success|promise)$/;

/**
 * Mark in `shown` the segments from `at` on that `schema` names (see above). `budget[0]` counts
 * the nodes left. A schema of another kind names no key below it, but its indexes are shown: a
 * number is an index, not text the sender chose. A zod kind with no parts (a scalar, a custom
 * check) names nothing below it.
 */
function walk(
  schema: unknown,
  path: readonly PropertyKey[],
  at: number,
  shown: boolean[],
  budget: number[],
): void {
  if (at >= path.length || --(budget[0] as number) < 0) return;
  const def: Def | undefined = (schema as { _zod?: { def?: Def } } | null)?._zod?.def;
  const segment = path[at] as PropertyKey;
  const same = (inner: unknown) => walk(inner, path, at, shown, budget);
  const below = (inner: unknown) => walk(inner, path, at + 1, shown, budget);
  const kind = def?.type;
  if (def === undefined || typeof kind !== 'string') {
    for (let i = at; i < path.length; i++) shown[i] ||= typeof path[i] === 'number';
  } else if (WRAPPERS.test(kind)) same(def.innerType);
  else if (kind === 'union') for (const option of def.options) same(option);
  else if (kind === 'intersection' || kind === 'pipe') {
    same(def.left ?? def.in);
    same(def.right ?? def.out);
  } else if (kind === 'lazy') same(def.getter());
  else if (kind === 'object') {
    const named = Object.hasOwn(def.shape, segment);
    shown[at] ||= named;
    below(named ? def.shape[segment] : def.catchall);
  } else if (kind === 'record' || kind === 'map' || kind === 'set') below(def.valueType);
  else if ((kind === 'array' || kind === 'tuple') && typeof segment === 'number') {
    shown[at] = true;
    below(kind === 'array' ? def.element : (def.items[segment] ?? def.rest));
  }
}

/** `path` as `a.0.*.b`, each segment shown only when `schema` names it (see above). */
export function issuePath(schema: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  const shown: boolean[] = [];
  try {
    walk(schema, path, 0, shown, [MAX_NODES]);
  } catch {
    // A schema that throws while read (a proxy, a getter): what was found stands, and indexes
    // are shown (a number is never text the sender chose).
    for (let i = 0; i < path.length; i++) shown[i] ||= typeof path[i] === 'number';
  }
  return path.map((segment, i) => (shown[i] ? String(segment) : '*')).join('.');
}
