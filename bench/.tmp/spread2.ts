const parsedOf = (i: number) => ({
  type: 'payment_intent.succeeded', id: `evt_${i & 7}`, idSource: 'event', subject: 'pi_1', occurredAt: new Date(1e12),
  meta: { livemode: false, apiVersion: '2024', account: undefined }, payload: { a: 1 }, validated: true,
});
const receivedAt = new Date();
const fns: Record<string, (p: any) => any> = {
  spreadOnly: (p) => ({ ...p }),
  assignOnly: (p) => Object.assign({}, p),
  spreadPlus: (p) => ({ ...p, provider: 'x' }),
  metaSpread: (p) => ({ keyIndex: 0, signedAt: receivedAt, ...p.meta }),
  metaSpreadFirst: (p) => ({ ...p.meta, keyIndex: 0 }),
  metaAssign: (p) => Object.assign({ keyIndex: 0, signedAt: receivedAt }, p.meta),
  spreadThenAssign: (p) => { const e = { ...p }; e.provider = 'x'; e.dedupeKey = 'y'; e.receivedAt = receivedAt; return e; },
  assignThenAssign: (p) => { const e = Object.assign({}, p); e.provider = 'x'; e.dedupeKey = 'y'; e.receivedAt = receivedAt; return e; },
};
const res: Record<string, number> = {}; for (const k in fns) res[k] = Infinity;
const ps = Array.from({ length: 1000 }, (_, i) => parsedOf(i));
let sink = 0;
for (let r = 0; r < 40; r++) for (const [k, f] of Object.entries(fns)) { const s = process.hrtime.bigint(); for (const p of ps) sink += f(p) ? 1 : 0; res[k] = Math.min(res[k]!, Number(process.hrtime.bigint() - s) / ps.length); }
console.log(Object.entries(res).map(([k, v]) => `${k}=${v.toFixed(0)}ns`).join(' '), sink > 0);
