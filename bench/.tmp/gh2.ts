import { githubPayload } from '../parse-payloads';
import { canonicalJson } from '../../packages/core/src/canonical-json';
const p = JSON.parse(JSON.stringify(githubPayload('2 KB').payload));
const strings: string[] = []; const walk = (v: any) => { if (typeof v === 'string') strings.push(v); else if (v && typeof v === 'object') for (const k in v) { strings.push(k); walk(v[k]); } }; walk(p);
console.log(strings.length, 'strings', strings.filter((s) => /[^\x00-\x7f]/.test(s)).length, 'non-ascii', JSON.stringify(p).length);
console.log(strings.filter((s) => /[^\x00-\x7f]/.test(s)).slice(0, 5));
let best = Infinity; for (let r = 0; r < 30; r++) { const s = performance.now(); for (let i = 0; i < 300; i++) canonicalJson(p); best = Math.min(best, (performance.now() - s) / 300); } console.log('canonical', (best * 1000).toFixed(1));
