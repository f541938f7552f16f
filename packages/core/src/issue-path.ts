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

type Def = Record<string, unknown>;

/**
 * Schema nodes looked at for one issue (a schema met twice counts twice). A union of unions of
 * lazy schemas could otherwise fan out without bound; past this the walk stops naming (safe: it
 * only masks more).
 */
const MAX_NODES = 2000;

/** Kinds that stand for their `innerType`. */
const WRAPPERS =
  /^(?:optional|nullable|default|prefault|catch|readonly|nonoptional|success|promise)$/;

/** A zod 4 schema's definition, or `undefined` for anything else. */
function definition(schema: unknown): Def | undefined {
  const def = (schema as { _zod?: { def?: Def } } | null)?._zod?.def;
  return typeof def?.type === 'string' ? def : undefined;
}

/** The schemas a wrapper, union, intersection, pipe or lazy schema stands for. */
function members(def: Def): unknown[] | undefined {
  const kind = def.type as string;
  if (WRAPPERS.test(kind)) return [def.innerType];
  // Not a list: the spread throws, and issuePath reads it as a schema it does not know.
  if (kind === 'union') return def.options as unknown[];
  if (kind === 'intersection') return [def.left, def.right];
  if (kind === 'pipe') return [def.in, def.out];
  if (kind === 'lazy') return [typeof def.getter === 'function' ? def.getter() : undefined];
  return undefined;
}

/** One segment below `schemas`: shown or not, and the schemas the path goes on in. */
function step(schemas: unknown[], segment: PropertyKey, budget: { left: number }) {
  let named = false;
  const next: unknown[] = [];
  const index = typeof segment === 'number';
  while (schemas.length > 0) {
    const schema = schemas.pop();
    // Too large to walk: caught by issuePath like a schema that throws.
    if (--budget.left < 0) throw budget;
    const def = definition(schema);
    const kind = def?.type;
    const inner = def && members(def);
    if (inner !== undefined) schemas.push(...inner);
    else if (kind === 'object') {
      const shape = Object(def?.shape) as Def;
      named ||= Object.hasOwn(shape, segment);
      next.push(Object.hasOwn(shape, segment) ? shape[segment as string] : def?.catchall);
    } else if (kind === 'record' || kind === 'map' || kind === 'set') next.push(def?.valueType);
    else if ((kind === 'array' || kind === 'tuple') && index) {
      named = true;
      const items = def?.items as unknown[] | undefined;
      next.push(kind === 'array' ? def?.element : (items?.[segment] ?? def?.rest));
    } else if (def === undefined) {
      // Not a schema this module can read: nothing is known below, but a number is an index,
      // not text the sender chose.
      named ||= index;
      next.push(undefined);
    }
    // Any other zod kind has no parts (a scalar, a custom check): nothing below is named.
  }
  return { named, next };
}

/** `path` as `a.0.*.b`, each segment shown only when `schema` names it (see above). */
export function issuePath(schema: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  const budget = { left: MAX_NODES };
  let schemas: unknown[] = [schema];
  const shown: string[] = [];
  for (const segment of path) {
    let named = false;
    try {
      if (schemas.length > 0) ({ named, next: schemas } = step(schemas, segment, budget));
    } catch {
      // A schema that throws while read (a proxy, a getter), or one too large to walk: read
      // as one this module does not know, from here on.
      named = typeof segment === 'number';
      schemas = [undefined];
    }
    shown.push(named ? String(segment) : '*');
  }
  return shown.join('.');
}
