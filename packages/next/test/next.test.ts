/**
 * @hooklatch/next on Next.js's own parts, in this process (the quick check; next-start.test.ts
 * runs the same proof on a real `next build` + `next start`): the app-router handler is called
 * as Next calls it, with a `NextRequest`; the pages-router handler runs behind a node:http
 * server on 127.0.0.1 whose requests go through Next's own `apiResolver`, the function
 * `next start` uses for pages/api routes (its body parser and `config.api.bodyParser` included).
 */
import { NextRequest } from 'next/server.js';
import {
  describeIntegrationProof,
  type ProofDelivery,
  type ProofOptions,
  type ProofTarget,
} from '../../express/test/support/integration-proof';
import { webhookPagesRoute, webhookRoute } from '../src/index';
import { pagesTarget } from './support/pages-server';

const URL_BASE = 'https://app.example.test';

/** Deliver to an app-router handler as Next does: a NextRequest for the route's URL. */
function appTarget(handle: (request: NextRequest) => Promise<Response>): ProofTarget {
  return {
    send: (delivery: ProofDelivery) =>
      handle(
        new NextRequest(`${URL_BASE}/api/webhooks`, {
          method: delivery.method,
          headers: delivery.headers,
          body: delivery.body,
        }),
      ),
    close: async () => {},
  };
}

describeIntegrationProof('next app router', {
  async start(options: ProofOptions) {
    return appTarget(webhookRoute(options));
  },
  async startMisconfigured(options: ProofOptions) {
    const route = webhookRoute(options);
    // A wrapper that read the body first: the Request reaching hooklatch has none left.
    return appTarget(async (request) => {
      await request.json();
      return route(request);
    });
  },
  fix: /request\.clone\(\)/,
});

describeIntegrationProof('next pages router', {
  async start(options: ProofOptions) {
    return pagesTarget({
      default: webhookPagesRoute(options),
      config: { api: { bodyParser: false } },
    });
  },
  async startMisconfigured(options: ProofOptions) {
    // No `config`: Next's default body parser turns the JSON into an object first.
    return pagesTarget({ default: webhookPagesRoute(options) });
  },
  fix: /bodyParser: false/,
  receivesEveryMethod: true,
});
