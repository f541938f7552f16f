#!/usr/bin/env node
/**
 * Generates tolerant zod 4 schemas for the typed GitHub events from GitHub's official webhook
 * OpenAPI description (@octokit/openapi-webhooks), into src/generated/schemas.ts.
 *
 * Every component gets a named TypeScript type next to its schema, and each schema is declared
 * as `z.ZodType<ThatType>`. The published .d.ts then names each shape once instead of spelling
 * out the inferred zod type of every schema (and of every schema nested in it) wherever it is
 * used: that inlining made the declaration file 856 KB and cost users' tsc ~200 MB of memory.
 *
 * Usage: node packages/github/scripts/generate-schemas.mjs   (then run biome on the output)
 *
 * Tolerance rules, because a schema that rejects a real GitHub payload is a bug:
 * - only properties the OpenAPI marks `required` are validated; every object is loose, so
 *   unknown and optional fields pass through untouched;
 * - enums are validated as their base type (GitHub adds enum values without notice), except the
 *   top-level `action`, which is pinned to the one value that selects the schema;
 * - timestamps (`*_at`) accept strings and Unix seconds, as GitHub sends both;
 * - RELAXED lists required fields that real payloads omit (found by the tests against the
 *   community example payloads); they are generated as optional.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The events that get typed schemas (GitHub's `X-GitHub-Event` values). */
const EVENTS = [
  'ping',
  'push',
  'pull_request',
  'issues',
  'issue_comment',
  'release',
  'workflow_run',
  'check_run',
  'installation',
];

/**
 * Property names the OpenAPI marks required but real deliveries omit: mostly fields GitHub added
 * over time (older GHES versions and older hooks do not send them). Found by the tests against
 * the community example payloads (@octokit/webhooks-examples); generated as optional.
 */
const RELAXED = new Set([
  'active_lock_reason',
  'actor',
  'app_slug',
  'auto_merge',
  'description',
  'details_url',
  'events',
  'disabled',
  'has_discussions',
  'immutable',
  'node_id',
  'path',
  'permissions',
  'performed_via_github_app',
  'reactions',
  'suspended_at',
  'suspended_by',
  'topics',
  'triggering_actor',
  'updated_at',
  'visibility',
]);

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const specDir = dirname(require.resolve('@octokit/openapi-webhooks/package.json'));
const specPath = join(specDir, 'generated', 'api.github.com.json');
const specVersion = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8')).version;
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const components = spec.components.schemas;

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
/** Shapes shorter than this (compact zod code) stay inline: naming them saves nothing. */
const HOIST_MIN_LENGTH = 60;

function refName(ref) {
  return ref.split('/').pop();
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
  if (key === undefined || key.length < HOIST_MIN_LENGTH) return convert(node, owner, indent, hint);
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

/** `open` + the items, one per line when any is multi-line or the whole is long, + `close`. */
function list(open, items, close, indent, separator = ', ') {
  const inline = `${open}${items.join(separator)}${close}`;
  if (inline.length <= 80 && !inline.includes('\n')) return inline;
  const inner = `${indent}${INDENT}`;
  return `${open}\n${items.map((item) => `${inner}${item}`).join(`${separator.trim()}\n`)}${separator.trim() === ',' ? ',' : ''}\n${indent}${close}`;
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
      z: `z.lazy((): z.ZodType<${typeName(name)}> => ${identifier(name)})`,
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
    out = { z: `${out.z}.nullable()`, t: `${out.t} | null`, u: true };
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
    if (key.endsWith('_at') && field.z.includes('z.string()') && !field.z.includes('z.number()')) {
      field = {
        z: field.z.replace('z.string()', 'z.union([z.string(), z.number()])'),
        t: field.t.replace(/\bstring\b/, 'string | number'),
        u: true,
      };
    }
    const optional = RELAXED.has(key);
    // Quotes only where needed: the declaration file keeps them, once per property.
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
    zodFields.push(`${inner}${name}: ${field.z}${optional ? '.optional()' : ''},`);
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

/** The typed events: `event` or `event.action` -> component name. */
const events = [];
/** Every other event type GitHub documents: typed statically, validated by the envelope only. */
const untyped = new Set();
for (const [key, webhook] of Object.entries(spec.webhooks)) {
  const event = webhook.post?.['x-github']?.subcategory;
  const ref = webhook.post?.requestBody?.content?.['application/json']?.schema?.$ref;
  if (!event || !ref) continue;
  const name = refName(ref);
  // Some payloads are a oneOf (review_requested: a user or a team reviewer); read the action
  // from the first variant then.
  const root = components[name];
  const variant = root.oneOf?.[0] ?? root.anyOf?.[0];
  const shape = variant?.$ref ? components[refName(variant.$ref)] : (variant ?? root);
  const action = (root.properties ?? shape.properties)?.action?.enum;
  const type = action?.length === 1 ? `${event}.${action[0]}` : event;
  if (EVENTS.includes(event)) events.push({ type, name, key });
  else untyped.add(type);
}
events.sort((a, b) => a.type.localeCompare(b.type));
for (const e of events) emitComponent(e.name); // pass 1: count the inline shapes
emitted.clear();
hoisting = true;
for (const e of events) emitComponent(e.name); // pass 2: emit, hoisting repeated shapes

const lines = [
  '// GENERATED FILE, DO NOT EDIT. Produced by packages/github/scripts/generate-schemas.mjs from',
  `// @octokit/openapi-webhooks ${specVersion} (GitHub's official webhook OpenAPI description).`,
  '// Regenerate: node packages/github/scripts/generate-schemas.mjs',
  '// Only required fields are validated; every object is loose, so unknown fields pass through.',
  '// Each schema is declared with its named type, so the published types name each shape once.',
  "import { z } from 'zod';",
  '',
];
for (const { type, id, doc, note, node, alias } of emitted.values()) {
  lines.push(doc ? `/** ${doc} */` : `// ${type}: ${note}.`);
  if (alias) {
    lines.push(`export type ${type} = ${alias.type};`);
    lines.push(`const ${id}: z.ZodType<${type}> = ${alias.id};`);
  } else {
    lines.push(
      node.object ? `export interface ${type} ${node.t}` : `export type ${type} = ${node.t};`,
    );
    lines.push(`const ${id}: z.ZodType<${type}> = ${node.z};`);
  }
  lines.push('');
}
lines.push(
  '/** The validated payload type of each typed event, keyed by hooklatch event `type`. */',
);
lines.push('export interface GithubPayloads {');
for (const e of events) lines.push(`  ${JSON.stringify(e.type)}: ${emitted.get(e.name).type};`);
lines.push('}');
lines.push('');
lines.push('/** Every event type with a typed payload schema. */');
lines.push('export type GithubTypedEventType = keyof GithubPayloads;');
lines.push('');
lines.push('/** Typed payload schema of each typed event, keyed by hooklatch event `type`. */');
lines.push('export const githubPayloadSchemas: {');
lines.push('  readonly [K in GithubTypedEventType]: z.ZodType<GithubPayloads[K]>;');
lines.push('} = {');
for (const e of events) lines.push(`  ${JSON.stringify(e.type)}: ${emitted.get(e.name).id},`);
lines.push('};');
lines.push('');
lines.push('/**');
lines.push(
  ' * Every other event type the OpenAPI documents. These parse with the envelope only; an event',
);
lines.push(
  ' * type newer than this file also parses at runtime, outside this union until regenerated.',
);
lines.push(' */');
lines.push('export type GithubUntypedEventType =');
for (const t of [...untyped].sort()) lines.push(`  | ${JSON.stringify(t)}`);
lines.push(';');
lines.push('');

const outPath = join(here, '..', 'src', 'generated', 'schemas.ts');
writeFileSync(outPath, lines.join('\n'));
console.log(`wrote ${outPath}: ${events.length} event types, ${emitted.size} named schemas`);
