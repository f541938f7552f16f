import { Queue, Worker } from 'bullmq';
import { tcpProxy } from '@hooklatch/testing';
const proxy = await tcpProxy({ host: '127.0.0.1', port: 6379 });
const q = new Queue('scratch-q', { connection: { host: '127.0.0.1', port: proxy.port, enableOfflineQueue: false }, prefix: 'scratchbq' });
let errs=0; q.on('error', () => { errs++; });
const race = <T,>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 1000))]);
let t = Date.now();
const j = await q.add('x', { a: 1, receipt: 'r1' }, { jobId: 'abc-1', removeOnComplete: { age: 60 } });
console.log('add1', j.id, Date.now() - t);
const j2 = await q.add('x', { a: 2, receipt: 'r2' }, { jobId: 'abc-1' });
console.log('add2', j2.id, j2.data, (await q.getJob('abc-1'))?.data);
proxy.down();
t = Date.now();
try { await race(q.add('x', { a: 3 }, { jobId: 'abc-2' })); console.log('added while down?!'); } catch (e) { console.log('down add error', (e as Error).message, Date.now() - t); }
await new Promise((r) => setTimeout(r, 300));
t = Date.now();
try { await race(q.add('x', { a: 3 }, { jobId: 'abc-2' })); console.log('added while down?!'); } catch (e) { console.log('down add error 2', (e as Error).message, Date.now() - t); }
proxy.up();
await new Promise((r) => setTimeout(r, 1500));
t = Date.now();
try { const j3 = await q.add('x', { a: 3 }, { jobId: 'abc-2' }); console.log('after up', j3.id, Date.now() - t); } catch (e) { console.log('after up error', (e as Error).message); }
console.log('errors', errs, 'job2', (await q.getJob('abc-2'))?.data);
await q.obliterate({ force: true });
await q.close();
await proxy.close();
