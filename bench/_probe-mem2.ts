import { memoryStore } from '@hooklatch/core';
import { newClaimToken } from '@hooklatch/core/kit';
const store = memoryStore();
const map = new Map<string, any>();
async function floor(key: string, o: { leaseMs: number; ttlMs: number; digest?: string }) {
  const t = Date.now();
  const r = map.get(key);
  if (r !== undefined && r.expiresAt > t) return { status: 'in_flight' };
  const token = newClaimToken();
  map.set(key, { state: 'in_flight', token, leaseEnd: t + o.leaseMs, expiresAt: t + Math.max(o.leaseMs, o.ttlMs), createdAt: t, claims: 1, digest: o.digest });
  return { status: 'claimed', token, leaseExpiresAt: new Date(t + o.leaseMs), claims: 1 };
}
const o = { leaseMs: 30_000, ttlMs: 86_400_000, digest: 'sha256:' + 'ab'.repeat(32) };
let n = 0;
const keys = Array.from({ length: 2_000_000 }, (_, i) => `stripe:evt_${i.toString(36).padStart(16, '0')}`);
for (let r = 0; r < 5; r++) {
  let t0 = performance.now();
  for (let i = 0; i < 100_000; i++) await store.claim(keys[n++]!, o);
  const a = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < 100_000; i++) await floor(keys[n++]!, o);
  const b = performance.now() - t0;
  console.log((a * 10).toFixed(0), 'ns', (b * 10).toFixed(0), 'ns', (a / b).toFixed(2));
}
