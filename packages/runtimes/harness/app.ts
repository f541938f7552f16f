/**
 * The route every runtime serves in the tests: core's `handleWebhook` + an adapter + the memory
 * store, for Stripe and Standard Webhooks, plus `GET /effects` (how often each event's side
 * effect ran) and `GET /backend` (which crypto build the runtime loaded). Only Web APIs, so
 * the same file runs in workerd, Deno, Bun and Node.
 */
import { cryptoBackend, handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { stripe } from '@hooklatch/stripe';

/** The secrets the test signs with (test values, not credentials). */
export const STRIPE_SECRET = 'whsec_runtimes_0123456789';
export const STANDARD_WEBHOOKS_SECRET = 'whsec_cnVudGltZXMtdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==';

/** How long a handler run takes, so that concurrent copies overlap it. */
const HANDLER_MS = 150;

type Handle = (request: Request) => Promise<Response>;

/** A fetch handler serving the test routes, with its own store and effect counts. */
export function testApp(): Handle {
  const effects: Record<string, number> = {};
  const effect = async (key: string) => {
    effects[key] = (effects[key] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, HANDLER_MS));
  };
  const store = memoryStore();
  const routes: Record<string, Handle> = {
    'POST /stripe': async (request) =>
      replyResponse(
        await handleWebhook(request, {
          adapter: stripe({ secret: STRIPE_SECRET }),
          store,
          handler: (event) => effect(`stripe:${event.id}`),
        }),
      ),
    'POST /standard-webhooks': async (request) =>
      replyResponse(
        await handleWebhook(request, {
          adapter: standardWebhooks({ secret: STANDARD_WEBHOOKS_SECRET }),
          store,
          handler: (event) => effect(`standard-webhooks:${event.id}`),
        }),
      ),
    'GET /effects': async () => Response.json(effects),
    'GET /backend': async () => Response.json({ backend: cryptoBackend() }),
  };
  return (request) => {
    const route = routes[`${request.method} ${new URL(request.url).pathname}`];
    return route ? route(request) : Promise.resolve(new Response('not found', { status: 404 }));
  };
}
