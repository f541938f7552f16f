#!/usr/bin/env node
/**
 * Generates tolerant zod 4 schemas for the typed GitHub events from GitHub's official webhook
 * OpenAPI description (@octokit/openapi-webhooks), into src/generated/schemas.ts.
 *
 * Every shape gets a named TypeScript type next to its schema (see schema-converter.mjs), and
 * each schema is declared as `z.ZodMiniType<ThatType>`. The published .d.ts then names each shape
 * once instead of spelling out the inferred zod type of every schema (and of every schema nested
 * in it) wherever it is used, which made it 856 KB; it is now under 100 KB.
 *
 * Usage: node packages/github/scripts/generate-schemas.mjs
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
import { createConverter } from './schema-converter.mjs';

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

const refName = (ref) => ref.split('/').pop();

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
const { emitted, emitComponent, startHoisting } = createConverter({ components, relaxed: RELAXED });
for (const e of events) emitComponent(e.name); // pass 1: count the inline shapes
startHoisting();
for (const e of events) emitComponent(e.name); // pass 2: emit, naming repeated shapes

const lines = [
  '// GENERATED FILE, DO NOT EDIT. Produced by packages/github/scripts/generate-schemas.mjs from',
  `// @octokit/openapi-webhooks ${specVersion} (GitHub's official webhook OpenAPI description).`,
  '// Regenerate: node packages/github/scripts/generate-schemas.mjs',
  '// Only required fields are validated; every object is loose, so unknown fields pass through.',
  '// Written for zod/mini, whose functions tree-shake (the edge bundle budget, issue 11).',
  '// Each schema is declared with its named type, so the published types name each shape once.',
  "import * as z from 'zod/mini';",
  '',
];
for (const { type, id, doc, note, node, alias } of emitted.values()) {
  lines.push(doc ? `/** ${doc} */` : `// ${type}: ${note}.`);
  if (alias) {
    lines.push(`export type ${type} = ${alias.type};`);
    lines.push(`const ${id}: z.ZodMiniType<${type}> = ${alias.id};`);
  } else {
    lines.push(
      node.object ? `export interface ${type} ${node.t}` : `export type ${type} = ${node.t};`,
    );
    lines.push(`const ${id}: z.ZodMiniType<${type}> = ${node.z};`);
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
lines.push('  readonly [K in GithubTypedEventType]: z.ZodMiniType<GithubPayloads[K]>;');
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
