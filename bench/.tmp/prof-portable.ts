import { portableCases } from '../parse-portable';
const side = process.argv[2] ?? 'ours';
const n = Number(process.argv[3] ?? 20000);
const [make] = await portableCases();
const c = make!();
await c.check?.();
const t0 = performance.now();
for (let i = 0; i < n; i++) { if (side === 'ours') await c.ours(); else await c.other(); }
console.log(side, ((performance.now() - t0) / n * 1000).toFixed(1), 'us/op');
