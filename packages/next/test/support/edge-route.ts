/**
 * An app-router route module as a user writes it for `export const runtime = 'edge'`, plus the
 * fetch listener Next's edge sandbox dispatches to. Bundled by the edge test for edge
 * conditions and run inside Next's own EdgeRuntime.
 */
import { memoryStore } from '@hooklatch/core';
import { webhookRoute } from '@hooklatch/next';
import { stripe } from '@hooklatch/stripe';

export const runtime = 'edge';

const handled: string[] = [];

export const POST = webhookRoute({
  adapter: stripe({ secret: 'whsec_edge_runtime' }),
  store: memoryStore(),
  handler: (event) => {
    handled.push(event.id);
    return { handled: handled.filter((id) => id === event.id).length };
  },
  logger: false,
});

declare const addEventListener: (
  type: 'fetch',
  listener: (event: { request: Request; respondWith(response: Promise<Response>): void }) => void,
) => void;

addEventListener('fetch', (event) => event.respondWith(POST(event.request)));
