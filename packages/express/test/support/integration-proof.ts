/**
 * The proof every framework integration passes, on the real framework: Stripe and GitHub
 * deliveries signed as each provider signs them (the adapter's `sign`, else the test builder)
 * and by the provider's own SDK, the same delivery again, ten copies at once while the handler
 * waits on a latch, a tampered copy, and a delivery through a body-parser mistake. Statuses are
 * asserted, and the side effect is counted: it must happen exactly once per event.
 *
 * Shared by the express, fastify, hono and next tests (one scenario list, four frameworks).
 */
import type {
  HandleWebhookOptions,
  OutcomeReport,
  WebhookAdapter,
  WebhookEvent,
} from '@hooklatch/core';
import { memoryStore, router } from '@hooklatch/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  githubAdapter,
  githubSdkSigned,
  githubSigned,
  type ProofDelivery,
  stripeAdapter,
  stripeSdkSigned,
  stripeSigned,
} from './deliveries';

export type { ProofDelivery } from './deliveries';

/** A running route: send a delivery, get the framework's answer. */
export interface ProofTarget {
  send(delivery: ProofDelivery): Promise<Response>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the proof drives Stripe and GitHub alike.
export type ProofOptions = HandleWebhookOptions<WebhookAdapter<any>, unknown>;

/** How a framework integration is started for the proof. */
export interface IntegrationUnderTest {
  /** The integration's documented setup, serving `options`. */
  start(options: ProofOptions): Promise<ProofTarget>;
  /** The same route behind the framework's usual body-parser mistake. */
  startMisconfigured(options: ProofOptions): Promise<ProofTarget>;
  /** What the CONFIG_INVALID message must say to fix the mistake. */
  fix: RegExp;
  /**
   * True when the route itself receives every method (a Next pages route), so another method
   * is hooklatch's to answer; routes mounted for POST only leave it to the framework (404/405).
   */
  receivesEveryMethod?: boolean;
}

interface Provider {
  name: 'stripe' | 'github';
  adapter: WebhookAdapter<WebhookEvent>;
  /** The routed type of every delivery this proof sends. */
  type: string;
  /** A fresh ID: Stripe's event ID, GitHub's delivery GUID (each the dedupe ID). */
  freshId(): string;
  /** Signed as the provider signs (the adapter's `sign` when it has one). */
  signed(id: string): ProofDelivery;
  /** Signed by the provider's own SDK. */
  sdkSigned(id: string): Promise<ProofDelivery> | ProofDelivery;
}

let counter = 0;

function stripeProvider(): Provider {
  const adapter = stripeAdapter() as WebhookAdapter<WebhookEvent>;
  return {
    name: 'stripe',
    adapter,
    type: 'payment_intent.succeeded',
    freshId: () => `evt_proof_${Date.now().toString(36)}_${(counter++).toString(36)}`,
    signed: (id) => stripeSigned(adapter, id),
    sdkSigned: stripeSdkSigned,
  };
}

function githubProvider(): Provider {
  const adapter = githubAdapter() as WebhookAdapter<WebhookEvent>;
  return {
    name: 'github',
    adapter,
    type: 'ping',
    freshId: () => crypto.randomUUID(),
    signed: (id) => githubSigned(adapter, id),
    sdkSigned: githubSdkSigned,
  };
}

/** The same bytes with one value changed, the signature kept. */
function tampered(delivery: ProofDelivery): ProofDelivery {
  const body = delivery.body.includes('"amount":2000')
    ? delivery.body.replace('"amount":2000', '"amount":2001')
    : delivery.body.replace('"zen":"', '"zen":"!');
  expect(body).not.toBe(delivery.body);
  return { ...delivery, body };
}

async function answer(response: Response) {
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

/** Run the proof against one integration, for Stripe and for GitHub. */
export function describeIntegrationProof(name: string, integration: IntegrationUnderTest): void {
  describe.each([stripeProvider, githubProvider])(`${name} proof (%o)`, (makeProvider) => {
    const provider = makeProvider();
    const effects: string[] = [];
    const latches = new Map<string, Promise<void>>();
    const outcomes: OutcomeReport[] = [];
    const logged: unknown[][] = [];
    const handler = router<WebhookEvent>()
      .on(provider.type, async (event) => {
        await latches.get(event.id);
        effects.push(event.id); // the side effect the proof counts
        return { handled: event.type };
      })
      .fallback(({ type }) => {
        throw new Error(`unexpected ${type}`);
      });
    const options: ProofOptions = {
      adapter: provider.adapter,
      store: memoryStore(),
      handler,
      hooks: { onOutcome: (report) => void outcomes.push(report) },
      logger: { error: (...args: unknown[]) => void logged.push(args) },
    };
    let target: ProofTarget;
    let wrong: ProofTarget;
    beforeAll(async () => {
      target = await integration.start(options);
      wrong = await integration.startMisconfigured(options);
    });
    afterAll(async () => {
      await target?.close();
      await wrong?.close();
    });
    const timesHandled = (id: string) => effects.filter((e) => e === id).length;

    it('processes a delivery signed as the provider signs it; the same delivery again is a duplicate', async () => {
      const id = provider.freshId();
      const first = await answer(await target.send(provider.signed(id)));
      expect(first).toMatchObject({ status: 200, json: { outcome: 'processed' } });
      const again = await answer(await target.send(provider.signed(id)));
      expect(again).toMatchObject({ status: 200, json: { outcome: 'duplicate' } });
      expect(again.headers.get('hooklatch-outcome')).toBe('duplicate');
      expect(timesHandled(id)).toBe(1);
    });

    it(`processes a delivery signed by the ${provider.name} SDK`, async () => {
      const id = provider.freshId();
      const first = await answer(await target.send(await provider.sdkSigned(id)));
      expect(first).toMatchObject({ status: 200, json: { outcome: 'processed' } });
      expect(timesHandled(id)).toBe(1);
    });

    it('answers ten concurrent copies with one 200 and nine 409 + Retry-After', async () => {
      const id = provider.freshId();
      let release: () => void = () => {};
      latches.set(id, new Promise<void>((resolve) => (release = resolve)));
      const delivery = provider.signed(id);
      const answered: Response[] = [];
      const copies = Array.from({ length: 10 }, () =>
        target.send(delivery).then((response) => {
          answered.push(response);
          return response;
        }),
      );
      // The first copy holds the claim until the latch opens: the other nine must be refused.
      await vi.waitFor(() => expect(answered).toHaveLength(9), { timeout: 5_000, interval: 5 });
      for (const copy of answered) {
        expect(copy.status).toBe(409);
        expect(copy.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(copy.headers.get('hooklatch-outcome')).toBe('in_flight');
      }
      expect(timesHandled(id)).toBe(0);
      release();
      const statuses = (await Promise.all(copies)).map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(409)]);
      expect(timesHandled(id)).toBe(1);
    });

    it('answers a tampered delivery 401 and runs nothing', async () => {
      const id = provider.freshId();
      const forged = await answer(await target.send(tampered(provider.signed(id))));
      expect(forged.status).toBe(401);
      expect(forged.json).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
      expect(timesHandled(id)).toBe(0);
    });

    it('answers 500 CONFIG_INVALID through a body parser, reports it, and loses nothing', async () => {
      const id = provider.freshId();
      outcomes.length = 0;
      logged.length = 0;
      const refused = await answer(await wrong.send(provider.signed(id)));
      expect(refused.status).toBe(500);
      expect(refused.json).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
      expect(String((refused.json.error as { message: string }).message)).toMatch(integration.fix);
      expect(timesHandled(id)).toBe(0);
      // hooks and logger passed through: the operator sees the misconfigured route.
      expect(outcomes).toContainEqual(
        expect.objectContaining({
          outcome: 'rejected',
          errorCode: 'CONFIG_INVALID',
          provider: provider.name,
        }),
      );
      expect(JSON.stringify(logged)).toContain('setup_invalid');
      // Nothing was claimed: the provider's retry, once the route is fixed, is processed.
      const retried = await answer(await target.send(provider.signed(id)));
      expect(retried).toMatchObject({ status: 200, json: { outcome: 'processed' } });
      expect(timesHandled(id)).toBe(1);
    });

    // Only a route that receives every method answers them itself (others get the framework's 404).
    if (integration.receivesEveryMethod) {
      it('answers a PUT with a body on the misconfigured route 405 with Allow, not as a setup error', async () => {
        logged.length = 0;
        const put = { ...provider.signed(provider.freshId()), method: 'PUT' };
        const probe = await answer(await wrong.send(put));
        expect(probe.status).toBe(405);
        expect(probe.headers.get('allow')).toBe('POST');
        expect(probe.json).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
        expect(JSON.stringify(logged)).not.toContain('setup_invalid');
      });
    }
  });
}

/** A target served over HTTP on 127.0.0.1 at `${base}${path}`. */
export function httpTarget(
  base: string,
  close: () => Promise<void>,
  path = '/webhooks',
): ProofTarget {
  return {
    send: (delivery) =>
      fetch(`${base}${path}`, {
        method: delivery.method,
        headers: delivery.headers,
        body: delivery.body,
      }),
    close,
  };
}
