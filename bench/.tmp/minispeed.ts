import { stripeEventSchemas } from '@hooklatch/stripe';
import { githubPayloadSchemas as gh } from '@hooklatch/github';
import { shopifyPayloadSchemas } from '@hooklatch/shopify';
import { stripePayload, githubPayload, shopifyPayload } from '../parse-payloads';
const cases: [string, any, unknown][] = [
  ['stripe 2KB', (stripeEventSchemas as any)['payment_intent.succeeded'], JSON.parse(JSON.stringify(stripePayload('2 KB')))],
  ['github 16KB', (gh as any)['issues.opened'], JSON.parse(JSON.stringify(githubPayload('16 KB').payload))],
  ['github 256KB', (gh as any)['push'], JSON.parse(JSON.stringify(githubPayload('256 KB').payload))],
  ['shopify 16KB', (shopifyPayloadSchemas as any)['orders/create'], JSON.parse(JSON.stringify(shopifyPayload('16 KB').payload))],
];
for (const [name, schema, data] of cases) {
  let best = Infinity;
  for (let r = 0; r < 30; r++) { const s = process.hrtime.bigint(); for (let i = 0; i < 100; i++) schema.parse(data); best = Math.min(best, Number(process.hrtime.bigint() - s) / 100); }
  console.log(name, (best / 1000).toFixed(2), 'us');
}
import * as zc from 'zod/v4/core';
import { isDeepStrictEqual } from 'node:util';
for (const [name, schema, data] of cases) {
  const compiled = (zc as any).compile(schema);
  const a = schema.parse(data); const b = zc.parse(compiled, data);
  if (JSON.stringify(a) !== JSON.stringify(b) || !isDeepStrictEqual(a, b)) console.log('DIFF', name);
  let best = Infinity;
  for (let r = 0; r < 30; r++) { const s = process.hrtime.bigint(); for (let i = 0; i < 100; i++) zc.safeParse(compiled, data, {}); best = Math.min(best, Number(process.hrtime.bigint() - s) / 100); }
  console.log(name, 'compiled', (best / 1000).toFixed(2), 'us', compiled === schema ? 'NOT COMPILED' : '');
}
