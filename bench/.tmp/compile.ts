import { isDeepStrictEqual } from 'node:util';
import { stripeEventSchemas, githubPayloadSchemas } from '@hooklatch/stripe';
import * as zc from 'zod/v4/core';
import { githubPayloadSchemas as gh } from '@hooklatch/github';
import { shopifyPayloadSchemas } from '@hooklatch/shopify';
import { stripePayload, githubPayload, shopifyPayload } from '../parse-payloads';
const cases: [string, any, unknown][] = [
  ['stripe 2KB', (stripeEventSchemas as any)['payment_intent.succeeded'], JSON.parse(JSON.stringify(stripePayload('2 KB')))],
  ['stripe 256KB', (stripeEventSchemas as any)['invoice.paid'], JSON.parse(JSON.stringify(stripePayload('256 KB')))],
  ['github 16KB', (gh as any)['issues.opened'], JSON.parse(JSON.stringify(githubPayload('16 KB').payload))],
  ['github 256KB', (gh as any)['push'], JSON.parse(JSON.stringify(githubPayload('256 KB').payload))],
  ['shopify 16KB', (shopifyPayloadSchemas as any)['orders/create'], JSON.parse(JSON.stringify(shopifyPayload('16 KB').payload))],
];
for (const [name, schema, data] of cases) {
  const compiled = (zc as any).compile(schema);
  const a = schema.parse(data); const b = compiled.parse(data);
  if (!isDeepStrictEqual(a, b)) throw new Error(name + ' differs');
  const res = { runtime: Infinity, compiled: Infinity, safeParseFn: Infinity };
  const iters = 200;
  for (let r = 0; r < 20; r++) {
    let s = process.hrtime.bigint(); for (let i = 0; i < iters; i++) schema.parse(data); res.runtime = Math.min(res.runtime, Number(process.hrtime.bigint() - s) / iters);
    s = process.hrtime.bigint(); for (let i = 0; i < iters; i++) compiled.parse(data); res.compiled = Math.min(res.compiled, Number(process.hrtime.bigint() - s) / iters);
    s = process.hrtime.bigint(); for (let i = 0; i < iters; i++) zc.safeParse(schema, data, {}); res.safeParseFn = Math.min(res.safeParseFn, Number(process.hrtime.bigint() - s) / iters);
  }
  console.log(name, Object.entries(res).map(([k, v]) => `${k}=${(v / 1000).toFixed(2)}us`).join(' '), compiled === schema ? '(NOT compiled)' : '');
}
