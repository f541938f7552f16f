import { canonicalJson } from '../../packages/core/src/canonical-json';
import { floorCanonical } from '../parse-floors';
import { githubPayload, shopifyPayload, stripePayload, qualioPayload, standardWebhooksPayload } from '../parse-payloads';
const payloads: Record<string, unknown> = { 'stripe 2KB': stripePayload('2 KB'), 'sw 2KB': standardWebhooksPayload('2 KB'), 'github 2KB': githubPayload('2 KB').payload, 'qualio 2KB': qualioPayload('2 KB'), 'shopify 16KB': shopifyPayload('16 KB').payload, 'stripe 256KB': stripePayload('256 KB'), 'github 256KB': githubPayload('256 KB').payload, 'sw 256KB': standardWebhooksPayload('256 KB') };
for (const [pn, p0] of Object.entries(payloads)) {
  const p = JSON.parse(JSON.stringify(p0));
  const res: Record<string, number> = { ours: Infinity, floor: Infinity, stringify: Infinity };
  const fns: Record<string, (v: unknown) => string> = { ours: canonicalJson, floor: (v) => floorCanonical(v), stringify: (v) => JSON.stringify(v) };
  const iters = Math.max(3, Math.round(4e5 / JSON.stringify(p).length));
  for (let r = 0; r < 25; r++) for (const [n, f] of Object.entries(fns)) { const s = performance.now(); for (let i = 0; i < iters; i++) f(p); res[n] = Math.min(res[n] as number, (performance.now() - s) / iters); }
  console.log(pn.padEnd(13), Object.entries(res).map(([n, t]) => `${n}=${(t * 1000).toFixed(1)}`).join(' '));
}
