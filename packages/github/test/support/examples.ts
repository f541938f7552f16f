/** Real payloads to test against: community-captured deliveries and the OpenAPI's own examples. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown>>;
}

/** One example delivery: its `X-GitHub-Event` and payload. */
export interface GithubExample {
  event: string;
  type: string;
  payload: Record<string, unknown>;
  source: string;
}

function typeOf(event: string, payload: Record<string, unknown>): string {
  return typeof payload.action === 'string' ? `${event}.${payload.action}` : event;
}

/** Every payload in @octokit/webhooks-examples for the given events. */
export function communityExamples(events: readonly string[]): GithubExample[] {
  const groups = require('@octokit/webhooks-examples') as ExampleGroup[];
  return groups
    .filter((g) => events.includes(g.name))
    .flatMap((g) =>
      g.examples.map((payload, i) => ({
        event: g.name,
        type: typeOf(g.name, payload),
        payload,
        source: `webhooks-examples ${g.name}[${i}]`,
      })),
    );
}

/** The examples shipped inside GitHub's webhook OpenAPI description. */
export function openApiExamples(): GithubExample[] {
  const dir = dirname(require.resolve('@octokit/openapi-webhooks/package.json'));
  const spec = JSON.parse(readFileSync(join(dir, 'generated', 'api.github.com.json'), 'utf8')) as {
    components: { examples: Record<string, { value: Record<string, unknown> }> };
    webhooks: Record<string, { post: { 'x-github': { subcategory: string } } }>;
  };
  return Object.entries(spec.components.examples).map(([key, example]) => {
    const event = spec.webhooks[key]?.post['x-github'].subcategory ?? key;
    return {
      event,
      type: typeOf(event, example.value),
      payload: example.value,
      source: `openapi ${key}`,
    };
  });
}

/** The first community example of `type` (e.g. `pull_request.opened`). */
export function exampleOf(type: string): GithubExample {
  const event = type.split('.')[0] ?? type;
  const found = communityExamples([event]).find((e) => e.type === type);
  if (!found) throw new Error(`no example for ${type}`);
  return found;
}

/** The events with generated schemas. */
export const TYPED_EVENTS = [
  'ping',
  'push',
  'pull_request',
  'issues',
  'issue_comment',
  'release',
  'workflow_run',
  'check_run',
  'installation',
] as const;
