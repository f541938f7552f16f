import { memoryStore } from '@hooklatch/core';
let t = 1_800_000_000_000;
const store = memoryStore({ now: () => t });
const N = 1_000_000;
const o = { leaseMs: 1000, ttlMs: 1000 };
let max = 0; let s = performance.now();
for (let i = 0; i < N; i++) {
  const a = performance.now();
  await store.claim(`stripe:evt_${i.toString(36).padStart(16, '0')}`, { ...o, digest: `sha256:${'ab'.repeat(32)}` });
  const d = performance.now() - a; if (d > max) max = d;
}
console.log('fill', (performance.now() - s).toFixed(0), 'ms, max call', max.toFixed(2));
t += 10_000;
max = 0; s = performance.now(); const lat: number[] = [];
for (let i = 0; i < 200_000; i++) {
  const a = performance.now();
  await store.claim(`new:${i}`, o);
  const d = performance.now() - a; lat.push(d); if (d > max) max = d; if (d > 2) console.log("slow", i, d.toFixed(2)); 
}
lat.sort((a, b) => a - b);
console.log('expire phase', (performance.now() - s).toFixed(0), 'ms, max call', max.toFixed(2), 'p99.9', lat[Math.floor(lat.length * 0.999)]?.toFixed(3));
