import { resolveProcessConfig } from '/work/main/packages/core/src/process/options';
import { runOnce } from '/work/main/packages/core/src/process/run-once';
import { processOnce } from '/work/main/packages/core/src/process-once';
import { memoryStore } from '/work/main/packages/core/src/store/memory-store';
const handler = () => ({ ok: true });
let serial = 0;
function events(count: number) {
  const now = new Date();
  return Array.from({ length: count }, () => { const id = `evt_${(serial++).toString(36)}`;
    return { provider: 'bench', type: 'bench.event', id, idSource: 'event', dedupeKey: `bench:${id}`, occurredAt: now, receivedAt: now, meta: {}, payload: null } as any; });
}
const mode = process.argv[2];
const A = async (store: any, batch: any[]) => { for (const e of batch) await processOnce(store, e, handler); };
const B = async (store: any, batch: any[]) => { for (const e of batch) await runOnce(resolveProcessConfig(store, handler, undefined), e); };
const ours = mode === 'aa' ? B : A;
import { setFlagsFromString } from 'node:v8'; import { runInNewContext } from 'node:vm'; setFlagsFromString('--expose-gc'); const gc = runInNewContext('gc'); const GCT = process.env.GCT;
async function time(side: any, size: number) { const store = memoryStore(); const b = events(size); if (GCT) gc(GCT === 'full' ? undefined : { type: 'minor' }); const t = process.hrtime.bigint(); await side(store, b); return Number(process.hrtime.bigint() - t) / size; }
const size = Number(process.argv[3] ?? 500);
for (let i = 0; i < 40; i++) { await time(ours, size); await time(B, size); }
const rs: number[] = [];
for (let p = 0; p < 360; p++) { let a, b; if (p % 2 === 0) { a = await time(ours, size); b = await time(B, size); } else { b = await time(B, size); a = await time(ours, size); } rs.push(a / b); }
const med = (v: number[]) => { const s = [...v].sort((x, y) => x - y); return s[s.length >> 1]; };
const q = (v: number[], f: number) => [...v].sort((x, y) => x - y)[Math.floor(v.length * f)];
console.log(mode, 'median', med(rs).toFixed(3), 'p10', q(rs, .1).toFixed(3), 'p90', q(rs, .9).toFixed(3));
const chunks = []; for (let i = 0; i < 9; i++) chunks.push(med(rs.slice(i * 40, i * 40 + 40)).toFixed(3)); console.log(chunks.join(' '));
const raw: number[] = []; for (let i = 0; i < 60; i++) raw.push(Math.round(await time(B, size)));
console.log(raw.join(' '));
