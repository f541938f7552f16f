/**
 * The conversion behind generate-schemas.mjs: a JSON schema node of GitHub's webhook OpenAPI
 * description becomes zod code plus the TypeScript type that code infers to, built rule by rule
 * side by side. Components become named types; inline shapes the description repeats (the same
 * pull request object under every `pull_request` action) are hoisted into one shared type, and
 * two components with the same code become an alias, so every shape is spelled once.
 *
 * Two passes: the first converts everything and counts each inline shape's code; after
 * `startHoisting()` the second emits, naming the shapes seen twice or more.
 */

const pascal = (name) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
const identifier = (name) => `${pascal(name).replace(/^./, (c) => c.toLowerCase())}Schema`;
const typeName = (name) => `Github${pascal(name)}`;

/**
 * A converted schema node: `z` is its zod code, `t` the TypeScript type that code infers to
 * (kept in step rule by rule), `object` marks a plain object type (emitted as an interface).
 */
const UNKNOWN = { z: 'z.unknown()', t: 'unknown' };
const INDENT = '  ';
/** Shapes shorter than this (compact zod code) stay inline: naming them saves nothing. */
const HOIST_MIN_LENGTH = 60;

const refName = (ref) => ref.split('/').pop();

/**
 * A converter over `components` (the OpenAPI `components.schemas`); `relaxed` lists the
 * required properties generated as optional. `emitted` holds every named schema in emit order
 * (dependencies first), as `{ type, id, node, doc | note, alias? }`.
 */
export function createConverter({ components, relaxed }) {
  /**
   * Named schemas in emit order (dependencies first): the components, plus inline shapes the
   * OpenAPI repeats (the same pull request object under every `pull_request` action), which are
   * hoisted into one shared type each so the declaration file spells them once.
   */
  const emitted = new Map();
  const visiting = new Set();
  /** Pass 1 counts how often each inline shape occurs; pass 2 hoists those seen twice or more. */
  const counts = new Map();
  let hoisting = false;
  const hoisted = new Map();
  const usedTypeNames = new Set(Object.keys(components).map((name) => typeName(name)));
  if (usedTypeNames.size !== Object.keys(components).length) {
    throw new Error('Two OpenAPI component names give the same TypeScript name.');
  }

  /** Pass 1's code of each component, so that pass 2 can alias components with equal code. */
  const componentKeys = new Map();

  function emitComponent(name) {
    if (emitted.has(name)) return true;
    if (visiting.has(name)) return false; // a cycle: the caller falls back to z.lazy
    visiting.add(name);
    const node = convert(components[name], name, '', name);
    visiting.delete(name);
    const entry = {
      type: typeName(name),
      id: identifier(name),
      doc: `\`${name}\` (GitHub webhook OpenAPI).`,
      node,
    };
    if (!hoisting) {
      componentKeys.set(name, compact(node.z));
    } else {
      // Two component names for one shape (`repository` and `repository-webhooks`): an alias.
      const key = componentKeys.get(name);
      const same = key.length >= HOIST_MIN_LENGTH ? hoisted.get(key) : undefined;
      if (same) entry.alias = same;
      else if (key.length >= HOIST_MIN_LENGTH) hoisted.set(key, entry);
    }
    emitted.set(name, entry);
    return true;
  }

  /** A free type name for a hoisted shape found under property `hint`. */
  function sharedName(hint) {
    const base = typeName(hint);
    let name = base;
    for (let n = 2; usedTypeNames.has(name); n++) name = `${base}${n}`;
    usedTypeNames.add(name);
    return name;
  }

  /** The zod code of a converted node without layout: equal keys mean equal schemas and types. */
  const compact = (code) =>
    code
      .replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, literal) => literal ?? '')
      .replace(/,([)\]}])/g, '$1');
  /** Pass 1's key of each inline node, per owner kind (the pinned `action` literal differs). */
  const keys = new WeakMap();

  /**
   * Convert `node`; an inline shape whose code occurs more than once (two JSON nodes that differ
   * only in descriptions, examples or optional fields give the same code), or equals a component
   * already emitted, becomes a reference to one shared type.
   */
  function toZod(node, owner, indent, hint) {
    if (!node || typeof node !== 'object' || node.$ref) return convert(node, owner, indent, hint);
    const kind = owner?.startsWith('webhook-') ? 'webhook' : 'other';
    if (!hoisting) {
      const out = convert(node, owner, indent, hint);
      const key = compact(out.z);
      keys.set(node, { ...keys.get(node), [kind]: key });
      if (key.length >= HOIST_MIN_LENGTH) counts.set(key, (counts.get(key) ?? 0) + 1);
      return out;
    }
    const key = keys.get(node)?.[kind];
    // Short shapes stay inline (`z.number()` is no better as a name), and keep the `_at` rule
    // reading the code it was written for.
    if (key === undefined || key.length < HOIST_MIN_LENGTH)
      return convert(node, owner, indent, hint);
    let shared = hoisted.get(key);
    if (!shared && (counts.get(key) ?? 0) < 2) {
      return convert(node, owner, indent, hint);
    }
    if (!shared) {
      const type = sharedName(hint);
      const id = `${type.replace(/^Github/, '').replace(/^./, (c) => c.toLowerCase())}Schema`;
      // A line comment: the declaration file keeps JSDoc, and these add nothing for users.
      const note = `a shape repeated inline, first seen as \`${hint}\` in \`${owner}\``;
      shared = { type, id, note, node: convert(node, owner, '', hint) };
      hoisted.set(key, shared);
      emitted.set(`shared:${type}`, shared);
    }
    return { z: shared.id, t: shared.type };
  }

  function baseType(type) {
    switch (type) {
      case 'string':
        return { z: 'z.string()', t: 'string' };
      case 'integer':
      case 'number':
        return { z: 'z.number()', t: 'number' };
      case 'boolean':
        return { z: 'z.boolean()', t: 'boolean' };
      case 'null':
        return { z: 'z.null()', t: 'null' };
      default:
        return UNKNOWN;
    }
  }

  /** `open` + the comma-separated items (one per line when long or multi-line) + `close`. */
  function list(open, items, close, indent) {
    const inline = `${open}${items.join(', ')}${close}`;
    if (inline.length <= 80 && !inline.includes('\n')) return inline;
    const inner = `${indent}${INDENT}`;
    return `${open}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}${close}`;
  }

  /**
   * TypeScript operands joined by `op` (` | ` or ` & `), one per line (with a leading `op`) when
   * any is multi-line or the whole is long. An intersection parenthesizes its union operands.
   */
  function typeList(parts, op, indent) {
    const items = parts.map((p) => (op === '&' && p.u ? `(${p.t})` : p.t));
    const inline = items.join(` ${op} `);
    if (inline.length <= 80 && !inline.includes('\n')) return inline;
    const inner = `${indent}${INDENT}`;
    return items.map((item) => `\n${inner}${op} ${item}`).join('');
  }

  function union(parts, indent) {
    const unique = [...new Map(parts.map((p) => [p.z, p])).values()];
    if (unique.some((p) => p.z === UNKNOWN.z)) return UNKNOWN;
    if (unique.length === 1) return unique[0];
    return {
      z: list(
        'z.union([',
        unique.map((p) => p.z),
        '])',
        indent,
      ),
      t: typeList(unique, '|', indent),
      u: true,
    };
  }

  /** Convert one JSON schema node. `owner` names the component, `hint` the property. */
  function convert(node, owner, indent, hint) {
    if (!node || typeof node !== 'object') return UNKNOWN;
    if (node.$ref) {
      const name = refName(node.$ref);
      if (emitComponent(name)) return { z: identifier(name), t: typeName(name) };
      return {
        z: `z.lazy((): z.ZodMiniType<${typeName(name)}> => ${identifier(name)})`,
        t: typeName(name),
      };
    }
    if (node.allOf) {
      const parts = node.allOf
        .map((n) => toZod(n, owner, indent, hint))
        .filter((p) => p.z !== UNKNOWN.z);
      if (parts.length === 0) return UNKNOWN;
      return parts.reduce((a, b) => ({
        z: list('z.intersection(', [a.z, b.z], ')', indent),
        t: typeList([a, b], '&', indent),
      }));
    }
    const variants = node.anyOf ?? node.oneOf;
    let out;
    if (variants) {
      out = union(
        variants.map((n) => toZod(n, owner, indent, hint)),
        indent,
      );
    } else {
      const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
      if (types.length === 0 && node.enum) {
        types.push(...new Set(node.enum.map((v) => (v === null ? 'null' : typeof v))));
      }
      if (types.length === 0 && node.properties) types.push('object');
      out = union(
        types.map((t) => typeNode(t, node, owner, indent, hint)),
        indent,
      );
    }
    if (node.nullable === true && out.z !== UNKNOWN.z) {
      out = { z: `z.nullable(${out.z})`, t: `${out.t} | null`, u: true };
    }
    return out;
  }

  function typeNode(type, node, owner, indent, hint) {
    if (type === 'array') {
      const item = toZod(node.items, owner, indent, `${hint}-item`);
      return { z: `z.array(${item.z})`, t: `Array<${item.t}>` };
    }
    if (type !== 'object') return baseType(type);
    const inner = `${indent}${INDENT}`;
    const required = new Set(node.required ?? []);
    const zodFields = [];
    const typeFields = [];
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      if (!required.has(key)) continue;
      let field =
        owner?.startsWith('webhook-') && key === 'action' && value.enum?.length === 1
          ? { z: `z.literal(${JSON.stringify(value.enum[0])})`, t: JSON.stringify(value.enum[0]) }
          : toZod(value, owner, inner, key);
      // GitHub sends some timestamps as Unix seconds (push repository, installation) despite the
      // OpenAPI's date-time strings. (Their schemas are `string`, `string | null` or already
      // `number | string`, so widening the first `string` is exact for both forms.)
      if (
        key.endsWith('_at') &&
        field.z.includes('z.string()') &&
        !field.z.includes('z.number()')
      ) {
        field = {
          z: field.z.replace('z.string()', 'z.union([z.string(), z.number()])'),
          t: field.t.replace(/\bstring\b/, 'string | number'),
          u: true,
        };
      }
      const optional = relaxed.has(key);
      // Quotes only where needed: the declaration file keeps them, once per property.
      const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
      zodFields.push(`${inner}${name}: ${optional ? `z.optional(${field.z})` : field.z},`);
      typeFields.push(
        `${inner}${name}${optional ? '?' : ''}: ${field.t}${optional ? ' | undefined' : ''};`,
      );
    }
    // Loose objects: unknown fields pass through, typed as unknown.
    typeFields.push(`${inner}[key: string]: unknown;`);
    return {
      z:
        zodFields.length === 0
          ? 'z.looseObject({})'
          : `z.looseObject({\n${zodFields.join('\n')}\n${indent}})`,
      t: `{\n${typeFields.join('\n')}\n${indent}}`,
      object: true,
    };
  }

  return {
    emitted,
    emitComponent,
    /** End pass 1: forget what was emitted and name repeated shapes from now on. */
    startHoisting() {
      emitted.clear();
      hoisting = true;
    },
  };
}
