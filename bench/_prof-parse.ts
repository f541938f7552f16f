// Temporary profiling driver (not part of the bench): node --cpu-prof via tsx.
import { floorCases } from './parse-cases';
import type { ParseSize } from './parse-payloads';
const name = process.argv[2] ?? 'stripe';
const size = (process.argv[3] ?? '2 KB') as ParseSize;
const n = Number(process.argv[4] ?? 20000);
const side = process.argv[5] ?? 'ours';
const c = floorCases([size]).map((m) => m()).find((x) => x.name.startsWith(name));
if (!c) throw new Error('no case');
await c.check?.();
const t0 = performance.now();
for (let i = 0; i < n; i++) { if (side === 'ours') await c.ours(); else await c.other(); }
console.log(name, size, side, ((performance.now() - t0) / n * 1000).toFixed(1), 'us/op');
