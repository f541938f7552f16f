/**
 * Canonical JSON: object keys sorted by code point, no whitespace, numbers in their shortest
 * round-trip form. Two payloads that differ only in key order or formatting serialize to the
 * same string, which is what makes fingerprints survive a sender's re-serialization.
 */

/** Serialize `value` canonically. `undefined` object members are dropped, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
      return 'null';
    if (typeof value === 'bigint') return value.toString();
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * A copy of `value` without the fields at the given dot paths (`meta.sentAt`, `items.*.etag`).
 * `*` matches every key or index at that level.
 */
export function omitPaths(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0) return value;
  const split = paths.map((p) => p.split('.'));
  return omit(value, split);
}

function omit(value: unknown, paths: string[][]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const here = new Set(paths.filter((p) => p.length === 1).map((p) => p[0] as string));
  const deeper = paths.filter((p) => p.length > 1);
  const childPaths = (key: string) =>
    deeper.filter((p) => p[0] === key || p[0] === '*').map((p) => p.slice(1));
  if (Array.isArray(value)) {
    return value.map((item, i) => omit(item, childPaths(String(i))));
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (here.has(key) || here.has('*')) continue;
    out[key] = omit(child, childPaths(key));
  }
  return out;
}
