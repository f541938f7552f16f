import { Bench } from 'tinybench';
import { observeCases } from '/work/main/bench/observe';
const cases = observeCases();
for (const c of cases) {
  await c.ours(); await c.peer();
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('ours', c.ours).add('peer', c.peer);
  await bench.run();
  console.log(c.name, bench.tasks.map((t) => `${t.name} ${((t.result as any).latency.mean * 1e6).toFixed(0)}ns p50=${((t.result as any).latency.p50*1e6).toFixed(0)}`).join(' | '));
}
for (const c of cases) await c.close?.();
