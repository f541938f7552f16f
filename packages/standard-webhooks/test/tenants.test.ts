/**
 * One endpoint for several senders (docs/providers/standard-webhooks.md): a `secrets` resolver
 * that answers `{ tenant, secrets }` gives each tenant its own dedupe namespace, bound by the
 * signature. Sender-chosen IDs (`msg_1`) collide across senders; without the tenant, the second
 * sender's event was answered as a duplicate or a mismatch and never handled.
 */
import { handleWebhook, memoryStore, parseEvent, type WebhookEvent } from '@hooklatch/core';
import { standardWebhooksKeyPair } from '@hooklatch/standard-webhooks/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { standardWebhooks as withEd25519 } from '../src/ed25519';
import { standardWebhooks } from '../src/index';
import { OTHER_SECRET, RECEIVED_AT, SECRET } from './support/fixtures';

const SECRETS: Record<string, string> = { acme: SECRET, globex: OTHER_SECRET };
const adapter = standardWebhooks({
  secrets: (delivery) => {
    const tenant = delivery.headers['x-tenant'] ?? '';
    const secret = SECRETS[tenant];
    return secret === undefined ? undefined : { tenant, secrets: [secret] };
  },
});

/** `body` as `tenant` sends it: signed with its secret, under the message ID `id`. */
function delivery(tenant: string, secret: string, id: string, body: object) {
  const signed = adapter.sign?.(JSON.stringify(body), {
    secret,
    timestamp: RECEIVED_AT,
    headers: { 'webhook-id': id, 'x-tenant': tenant },
  });
  if (signed === undefined) throw new Error('no sign');
  return new Request('https://hooks.test/webhooks', {
    method: 'POST',
    headers: signed.headers,
    body: signed.body as string,
  });
}

describe('a secrets resolver that names the tenant', () => {
  it('two tenants sending the same message ID are two events, each handled once', async () => {
    const store = memoryStore();
    const handled: string[] = [];
    const handler = (event: WebhookEvent) => {
      handled.push(`${event.meta.tenant}:${(event.payload as { type: string }).type}`);
    };
    const hook = (request: Request) =>
      handleWebhook(request, { adapter, store, handler, parse: { receivedAt: RECEIVED_AT } });
    const acme = () => delivery('acme', SECRET, 'msg_1', { type: 'invoice.paid', amount: 1 });
    const globex = () => delivery('globex', OTHER_SECRET, 'msg_1', { type: 'user.created' });
    expect((await hook(acme())).status).toBe(200);
    expect((await hook(globex())).status).toBe(200);
    // Each tenant's retry is still its own duplicate.
    expect((await hook(acme())).headers['hooklatch-outcome']).toBe('duplicate');
    expect((await hook(globex())).headers['hooklatch-outcome']).toBe('duplicate');
    expect(handled).toEqual(['acme:invoice.paid', 'globex:user.created']);
  });

  it('the key is name@tenant:id, and meta.tenant names the tenant', async () => {
    const event = await parseEvent(
      adapter,
      delivery('acme', SECRET, 'msg_7', { type: 'invoice.paid' }),
      { receivedAt: RECEIVED_AT },
    );
    expect(event.dedupeKey).toBe('standard-webhooks@acme:msg_7');
    expect(event.meta).toMatchObject({ tenant: 'acme', keyIndex: 0 });
  });

  it('a tenant header naming another tenant does not verify with the sender’s own secret', async () => {
    // globex signs with its secret but claims to be acme: acme's secret refuses it.
    await expectHooklatchError(
      parseEvent(adapter, delivery('acme', OTHER_SECRET, 'msg_1', { type: 'x' }), {
        receivedAt: RECEIVED_AT,
      }),
      { code: 'SIGNATURE_INVALID', httpStatus: 401, secrets: [SECRET, OTHER_SECRET] },
    );
  });

  it('a fixed public key that verified names no tenant: only the tenant’s secret does', async () => {
    // One endpoint: tenants' HMAC secrets through the resolver, and one ed25519 sender.
    const pair = standardWebhooksKeyPair(new Uint8Array(32).fill(7));
    const mixed = withEd25519({
      publicKey: pair.publicKey,
      secrets: (delivery) => {
        const tenant = delivery.headers['x-tenant'] ?? '';
        const secret = SECRETS[tenant];
        return secret === undefined ? undefined : { tenant, secrets: [secret] };
      },
    });
    const body = JSON.stringify({ type: 'invoice.paid' });
    const send = (secret: string, tenant: string) => {
      const signed = mixed.sign?.(body, {
        secret,
        timestamp: RECEIVED_AT,
        headers: { 'webhook-id': 'msg_1', 'x-tenant': tenant },
      });
      if (signed === undefined) throw new Error('no sign');
      return parseEvent(mixed, signed, { receivedAt: RECEIVED_AT });
    };
    // The ed25519 sender claims to be globex: verified by its own key, in no tenant's keys.
    const claimed = await send(pair.signingKey, 'globex');
    expect(claimed.dedupeKey).toBe('standard-webhooks:msg_1');
    expect(claimed.meta.tenant).toBeUndefined();
    const genuine = await send(OTHER_SECRET, 'globex');
    expect(genuine.dedupeKey).toBe('standard-webhooks@globex:msg_1');
  });

  it('the replay guard dedupes bodies per tenant, never across tenants', async () => {
    const store = memoryStore();
    let runs = 0;
    const hook = (request: Request) =>
      handleWebhook(request, {
        adapter,
        store,
        handler: () => void runs++,
        parse: { receivedAt: RECEIVED_AT },
        process: { replayGuard: 'digest' },
      });
    const body = { type: 'invoice.paid', amount: 5 };
    expect((await hook(delivery('acme', SECRET, 'msg_a', body))).status).toBe(200);
    // The same body from the other tenant is its own event.
    expect((await hook(delivery('globex', OTHER_SECRET, 'msg_b', body))).status).toBe(200);
    // A replay of acme's body under a fresh ID is still caught.
    const replay = await hook(delivery('acme', SECRET, 'msg_c', body));
    expect(replay.headers['hooklatch-outcome']).toBe('duplicate');
    expect(runs).toBe(2);
  });

  it('a tenant that is not a name is CONFIG_INVALID (the application’s bug), never a key', async () => {
    for (const tenant of ['a:b', '', 'x'.repeat(65), 'ünicode', 7]) {
      const broken = standardWebhooks({ secrets: () => ({ tenant, secrets: SECRET }) as never });
      await expectHooklatchError(
        parseEvent(broken, delivery('acme', SECRET, 'msg_1', { type: 'x' }), {
          receivedAt: RECEIVED_AT,
        }),
        { code: 'CONFIG_INVALID', httpStatus: 500, secrets: [SECRET] },
      );
    }
  });
});
