import examples from '@octokit/webhooks-examples';
import { githubPayloadSchemas } from '@hooklatch/github';
const rows: [string, number][] = [];
for (const e of examples) for (const x of e.examples) { const a = (x as any).action; const t = a === undefined ? e.name : `${e.name}.${a}`; if (Object.hasOwn(githubPayloadSchemas, t)) rows.push([t, JSON.stringify(x).length]); }
rows.sort((a, b) => a[1] - b[1]); console.log(rows.slice(0, 12));
