/**
 * Real payloads for the demo's traffic, read from the corpora the adapters' own tests run
 * against (each folder's SOURCE.md says where they come from), so what the demo sends is what
 * the providers publish, not shapes invented for the occasion.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ROOT = new URL('../', import.meta.url);

function text(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

type Json = Record<string, unknown>;

let stripe: Record<string, Json> | undefined;

/** Stripe's example object of a resource (`payment_intent`, `invoice`, the `event` envelope...). */
export function stripeResource(name: string): Json {
  stripe ??= (
    JSON.parse(text('packages/stripe/test/fixtures/stripe-openapi/fixtures3.json')) as {
      resources: Record<string, Json>;
    }
  ).resources;
  const found = stripe[name];
  if (found === undefined) throw new Error(`demo: no Stripe fixture ${name}`);
  return found;
}

/** A Shopify sample payload, byte for byte as published (indentation and all). */
export function shopifyBody(file: string): string {
  return text(`packages/shopify/test/fixtures/corpus/${file}`);
}

let github: Array<{ name: string; examples: Json[] }> | undefined;

/**
 * The `variant`-th `@octokit/webhooks-examples` payload of an event and action (wrapping
 * around). The package is the github adapter's test corpus, so it is resolved from that package,
 * wherever npm put it.
 */
export function githubExample(event: string, action: string | undefined, variant: number): Json {
  github ??= createRequire(new URL('packages/github/package.json', ROOT))(
    '@octokit/webhooks-examples',
  ) as Array<{ name: string; examples: Json[] }>;
  const found = github
    .find((group) => group.name === event)
    ?.examples.filter((payload) => action === undefined || payload.action === action);
  const example = found?.[variant % found.length];
  if (example === undefined) throw new Error(`demo: no GitHub example ${event}.${action ?? ''}`);
  return example;
}
