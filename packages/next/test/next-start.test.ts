/**
 * @hooklatch/next on a real Next.js server: the fixture app (test/fixtures/app) is built by the
 * installed `next build` and served by `next start` on 127.0.0.1, and every route passes the
 * shared integration proof: app-router routes on the Node.js and the edge runtime, and
 * pages-router API routes. The routes keep their store inside Next; their handler, hooks and
 * logger run here through the proof bridge, so each side effect is counted outside Next.
 *
 * The build takes ~30 s on the 2-core CI machine. Locally `HOOKLATCH_SKIP_NEXT_BUILD=1` skips
 * this file (with a printed notice); with CI=true it always runs, and the opt-out fails it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_SECRET, STRIPE_SECRET } from '../../express/test/support/deliveries';
import {
  describeIntegrationProof,
  type IntegrationUnderTest,
  type ProofOptions,
} from '../../express/test/support/integration-proof';
import { type NextApp, startNextApp } from './support/next-app';
import { type ProofBridge, startProofBridge } from './support/proof-bridge';

const optedOut = process.env.HOOKLATCH_SKIP_NEXT_BUILD === '1';
const ci = !['', '0', 'false'].includes(process.env.CI?.toLowerCase() ?? '');
if (optedOut && ci) throw new Error('HOOKLATCH_SKIP_NEXT_BUILD is not allowed in CI');
if (optedOut)
  console.warn('[hooklatch] HOOKLATCH_SKIP_NEXT_BUILD=1: skipping the next start proof');

const BUILD_TIMEOUT_MS = 240_000;

let bridge: ProofBridge;
let app: NextApp;

/** The fixture's routes for one runtime or router: `${path}/<provider>` and the misconfigured twin. */
function fixtureRoutes(
  runtime: 'node' | 'edge' | 'pages',
  path: string,
  misconfiguredPath: string,
  fix: RegExp,
  receivesEveryMethod = false,
): IntegrationUnderTest {
  const serve = (base: string) => async (options: ProofOptions) => {
    const route = `${runtime}/${options.adapter.name}`;
    bridge.register(route, options);
    return bridge.target(route, app.url, `${base}/${options.adapter.name}`);
  };
  return {
    start: serve(path),
    startMisconfigured: serve(misconfiguredPath),
    fix,
    receivesEveryMethod,
  };
}

describe.skipIf(optedOut)('next build + next start', () => {
  beforeAll(async () => {
    bridge = await startProofBridge();
    app = await startNextApp({
      HOOKLATCH_PROOF_BRIDGE: bridge.url,
      STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
    });
    console.info(
      `[hooklatch] next build took ${(app.buildMs / 1000).toFixed(1)} s, ` +
        `next start ${(app.startMs / 1000).toFixed(1)} s`,
    );
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    await app?.close();
    await bridge?.close();
  });

  it('built the edge routes for the edge runtime, and only those', async () => {
    const manifest = JSON.parse(
      await readFile(join(app.buildDir, 'server/middleware-manifest.json'), 'utf8'),
    ) as { functions: Record<string, unknown> };
    expect(Object.keys(manifest.functions).sort()).toEqual([
      '/api/edge-read-first/github/route',
      '/api/edge-read-first/stripe/route',
      '/api/edge/github/route',
      '/api/edge/stripe/route',
    ]);
  });

  describeIntegrationProof(
    'app router, Node.js runtime',
    fixtureRoutes('node', '/api/webhooks', '/api/read-first', /request\.clone\(\)/),
  );
  describeIntegrationProof(
    'app router, edge runtime',
    fixtureRoutes('edge', '/api/edge', '/api/edge-read-first', /request\.clone\(\)/),
  );
  describeIntegrationProof(
    'pages router',
    fixtureRoutes('pages', '/api', '/api/parsed', /bodyParser: false/, true),
  );
});
