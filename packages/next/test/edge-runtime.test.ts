/**
 * The app-router handler on the edge runtime: the route module, bundled by esbuild for the
 * edge conditions (`edge-light`, `worker`, `browser`: no Node built-in may be needed), runs
 * inside Next's own EdgeRuntime sandbox (next/dist/compiled/edge-runtime, what `next dev` and
 * `next start` run edge routes in), and answers signed Stripe deliveries.
 */
import { fileURLToPath } from 'node:url';
import { stripe } from '@hooklatch/stripe';
import { build } from 'esbuild';
import { EdgeRuntime } from 'next/dist/compiled/edge-runtime/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripePaymentIntent } from '../../express/test/support/deliveries';

const src = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const signer = stripe({ secret: 'whsec_edge_runtime' });

let runtime: InstanceType<typeof EdgeRuntime>;
beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./support/edge-route.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    conditions: ['edge-light', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    alias: {
      '@hooklatch/core/kit': src('core/src/kit.ts'),
      '@hooklatch/core': src('core/src/index.ts'),
      '@hooklatch/stripe': src('stripe/src/index.ts'),
      '@hooklatch/next': src('next/src/index.ts'),
    },
    logLevel: 'silent',
  });
  runtime = new EdgeRuntime({ initialCode: bundle.outputFiles[0]?.text ?? '' });
}, 30_000);

function send(body: string, headers: Record<string, string>) {
  return runtime.dispatchFetch('https://app.example.test/api/webhooks/stripe', {
    method: 'POST',
    headers,
    body,
  });
}

describe('webhookRoute in Next’s edge runtime', () => {
  it('processes a signed delivery once and answers its retry as a duplicate', async () => {
    const body = JSON.stringify(stripePaymentIntent('evt_edge_1'));
    const signed = signer.sign?.(body, { headers: { 'content-type': 'application/json' } });
    if (signed === undefined) throw new Error('stripe() has no sign()');
    const first = await send(body, { ...signed.headers });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const retry = await send(body, { ...signed.headers });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });
  });

  it('answers a tampered delivery 401', async () => {
    const body = JSON.stringify(stripePaymentIntent('evt_edge_2'));
    const signed = signer.sign?.(body);
    const response = await send(body.replace('2000', '2001'), { ...signed?.headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
  });
});
