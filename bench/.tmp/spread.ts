const parsedOf = (i: number) => ({
  type: 'payment_intent.succeeded', id: `evt_${i & 7}`, idSource: 'event', subject: 'pi_1', occurredAt: new Date(1e12),
  meta: { livemode: false, apiVersion: '2024', account: undefined }, payload: { a: 1 }, validated: true,
});
const receivedAt = new Date();
const A = (p: any) => { const e: any = { ...p }; e.meta = { keyIndex: 0, signedAt: receivedAt, ...p.meta }; e.provider = 'stripe'; e.dedupeKey = `stripe:${p.id}`; e.digest = 'sha256:x'; e.occurredAt = p.occurredAt; e.receivedAt = receivedAt; e.retentionMs = 1; e.meta = e.meta ?? {}; return e; };
const B = (p: any) => { const meta = { keyIndex: 0, signedAt: receivedAt, ...p.meta }; return { ...p, meta, provider: 'stripe', dedupeKey: `stripe:${p.id}`, digest: 'sha256:x', occurredAt: p.occurredAt, receivedAt, retentionMs: 1 }; };
const C = (p: any) => { const meta = { keyIndex: 0, signedAt: receivedAt, ...p.meta }; const e = { ...p, digest: 'sha256:x', meta }; return { ...e, provider: 'stripe', dedupeKey: `stripe:${p.id}`, digest: e.digest, occurredAt: p.occurredAt, receivedAt, retentionMs: 1, meta: e.meta ?? {} }; };
const D = (p: any) => Object.assign({}, p, { meta: { keyIndex: 0, signedAt: receivedAt, ...p.meta }, provider: 'stripe', dedupeKey: `stripe:${p.id}`, digest: 'sha256:x', occurredAt: p.occurredAt, receivedAt, retentionMs: 1 });
const fns: Record<string, (p: any) => any> = { A, B, C, D };
const res: Record<string, number> = {}; for (const k in fns) res[k] = Infinity;
const ps = Array.from({ length: 1000 }, (_, i) => parsedOf(i));
let sink = 0;
for (let r = 0; r < 40; r++) for (const [k, f] of Object.entries(fns)) { const s = process.hrtime.bigint(); for (const p of ps) sink += f(p).retentionMs; res[k] = Math.min(res[k]!, Number(process.hrtime.bigint() - s) / ps.length); }
console.log(Object.entries(res).map(([k, v]) => `${k}=${v.toFixed(0)}ns`).join(' '), sink > 0);
