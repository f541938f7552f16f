#!/usr/bin/env node
/**
 * Generates tolerant zod 4 schemas for the typed GitHub events from GitHub's official webhook
 * OpenAPI description (@octokit/openapi-webhooks), into src/generated/schemas.ts.
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

const identifier = (name) =>
  `${name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toLowerCase())}Schema`;

/** Component schemas in emit order (dependencies first). */
const emitted = new Map();
const visiting = new Set();

function refName(ref) {
  return ref.split('/').pop();
}

function emitComponent(name) {
  if (emitted.has(name)) return identifier(name);
  if (visiting.has(name)) return null; // a cycle: the caller falls back to z.lazy
  visiting.add(name);
  const code = toZod(components[name], name);
  visiting.delete(name);
  emitted.set(name, code);
  return identifier(name);
}

function baseType(type) {
  switch (type) {
    case 'string':
      return 'z.string()';
    case 'integer':
    case 'number':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    default:
      return 'z.unknown()';
  }
}

function union(parts) {
  const unique = [...new Set(parts)];
  if (unique.includes('z.unknown()')) return 'z.unknown()';
  return unique.length === 1 ? unique[0] : `z.union([${unique.join(', ')}])`;
}

/** Convert one JSON schema node. `owner` names the component, for RELAXED lookups. */
function toZod(node, owner) {
  if (!node || typeof node !== 'object') return 'z.unknown()';
  if (node.$ref) {
    const name = refName(node.$ref);
    const id = emitComponent(name);
    return id ?? `z.lazy((): z.ZodType => ${identifier(name)})`;
  }
  if (node.allOf) {
    const parts = node.allOf.map((n) => toZod(n, owner)).filter((p) => p !== 'z.unknown()');
    if (parts.length === 0) return 'z.unknown()';
    return parts.reduce((a, b) => `z.intersection(${a}, ${b})`);
  }
  const variants = node.anyOf ?? node.oneOf;
  let out;
  if (variants) {
    out = union(variants.map((n) => toZod(n, owner)));
  } else {
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
    if (types.length === 0 && node.enum) {
      types.push(...new Set(node.enum.map((v) => (v === null ? 'null' : typeof v))));
    }
    if (types.length === 0 && node.properties) types.push('object');
    out = union(types.map((t) => typeNode(t, node, owner)));
  }
  if (node.nullable === true && out !== 'z.unknown()') out = `${out}.nullable()`;
  return out;
}

function typeNode(type, node, owner) {
  if (type === 'array') return `z.array(${toZod(node.items, owner)})`;
  if (type !== 'object') return baseType(type);
  const required = new Set(node.required ?? []);
  const fields = [];
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (!required.has(key)) continue;
    let zod =
      owner?.startsWith('webhook-') && key === 'action' && value.enum?.length === 1
        ? `z.literal(${JSON.stringify(value.enum[0])})`
        : toZod(value, owner);
    // GitHub sends some timestamps as Unix seconds (push repository, installation) despite the
    // OpenAPI's date-time strings.
    if (key.endsWith('_at') && zod.includes('z.string()') && !zod.includes('z.number()')) {
      zod = zod.replace('z.string()', 'z.union([z.string(), z.number()])');
    }
    if (RELAXED.has(key)) zod = `${zod}.optional()`;
    fields.push(`${JSON.stringify(key)}: ${zod}`);
  }
  return `z.looseObject({ ${fields.join(', ')} })`;
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
for (const e of events) emitComponent(e.name);

const lines = [
  '// GENERATED FILE, DO NOT EDIT. Produced by packages/github/scripts/generate-schemas.mjs from',
  `// @octokit/openapi-webhooks ${specVersion} (GitHub's official webhook OpenAPI description).`,
  '// Regenerate: node packages/github/scripts/generate-schemas.mjs && npx biome check --write packages/github',
  '// Only required fields are validated; every object is loose, so unknown fields pass through.',
  "import { z } from 'zod';",
  '',
];
for (const [name, code] of emitted) {
  lines.push(`/** \`${name}\` from the GitHub webhook OpenAPI description. */`);
  lines.push(`export const ${identifier(name)} = ${code};`);
  lines.push('');
}
lines.push('/** Typed payload schema of each typed event, keyed by hooklatch event `type`. */');
lines.push('export const githubPayloadSchemas = {');
for (const e of events) lines.push(`  ${JSON.stringify(e.type)}: ${identifier(e.name)},`);
lines.push('} as const;');
lines.push('');
lines.push('/** Every event type with a typed payload schema. */');
lines.push('export type GithubTypedEventType = keyof typeof githubPayloadSchemas;');
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
lines.push('/** The validated payload type of each typed event. */');
lines.push('export type GithubPayloads = {');
lines.push('  [K in GithubTypedEventType]: z.infer<(typeof githubPayloadSchemas)[K]>;');
lines.push('};');
lines.push('');

const outPath = join(here, '..', 'src', 'generated', 'schemas.ts');
writeFileSync(outPath, lines.join('\n'));
console.log(`wrote ${outPath}: ${events.length} event types, ${emitted.size} schemas`);
