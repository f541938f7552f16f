import { createHash, createHmac } from 'node:crypto';
import { stripeEventSchemas } from '@hooklatch/stripe';
import { canonicalJson } from '../../packages/core/src/canonical-json';
import { stripePayload } from '../parse-payloads';
const size = (process.argv[2] ?? '2 KB') as '2 KB';
const body = Buffer.from(JSON.stringify(stripePayload(size)));
const text = body.toString();
const data = JSON.parse(text);
const schema = (stripeEventSchemas as any)[data.type];
const canon = canonicalJson(data);
const fns: Record<string, () => unknown> = {
  decode: () => body.toString('utf8'),
  textdecoder: () => new TextDecoder().decode(body),
  'JSON.parse': () => JSON.parse(text),
  'zod typed': () => schema.parse(data),
  'zod safeParse': () => schema.safeParse(data),
  canonical: () => canonicalJson(data),
  sha256: () => createHash('sha256').update(canon).digest('hex'),
  hmac: () => createHmac('sha256', 'whsec_x').update('12345.').update(body).digest(),
  'new Date': () => new Date(),
};
const res: Record<string, number> = {};
for (const k of Object.keys(fns)) res[k] = Infinity;
const iters = Math.max(3, Math.round(2e5 / body.length));
for (let r = 0; r < 30; r++) for (const [k, f] of Object.entries(fns)) { const s = process.hrtime.bigint(); for (let i = 0; i < iters; i++) f(); res[k] = Math.min(res[k]!, Number(process.hrtime.bigint() - s) / iters); }
console.log(size, Object.entries(res).map(([k, v]) => `${k}=${(v / 1000).toFixed(2)}us`).join(' '));
