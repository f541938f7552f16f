import { memoryStore, parseEvent, processOnce } from '@hooklatch/core';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { sign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { GITHUB_RETENTION_MS, github } from '../src/index';
import { exampleOf, openApiExamples } from './support/examples';

const secret = 'adapter-secret';
const pr = exampleOf('pull_request.opened');
const guid = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

describe('github()', () => {
  it('normalizes a pull_request delivery: type, delivery-GUID id, subject, meta', async () => {
    const event = await parseEvent(
      github({ secret }),
      signedGithubRequest({
        secret,
        event: 'pull_request',
        payload: pr.payload,
        deliveryId: guid,
        hookId: '4242',
        headers: { 'X-GitHub-Hook-Installation-Target-Type': 'repository' },
      }),
    );
    const payload = pr.payload as { number: number; repository: { full_name: string } };
    expect(event).toMatchObject({
      provider: 'github',
      type: 'pull_request.opened',
      id: guid,
      idSource: 'delivery',
      deliveryId: guid,
      dedupeKey: `github:${guid}`,
      subject: `${payload.repository.full_name}#${payload.number}`,
      retentionMs: GITHUB_RETENTION_MS,
      meta: {
        event: 'pull_request',
        hookId: '4242',
        installationTargetType: 'repository',
        keyIndex: 0,
        bodyFormat: 'json',
      },
    });
    expect(GITHUB_RETENTION_MS).toBe(3 * 24 * 3600 * 1000);
  });

  it('uses the bare event name without an action, and owner/repo as subject for push', async () => {
    const push = exampleOf('push');
    const event = await parseEvent(
      github({ secret }),
      signedGithubRequest({ secret, event: 'push', payload: push.payload }),
    );
    expect(event.type).toBe('push');
    expect(event.subject).toBe((push.payload.repository as { full_name: string }).full_name);
  });

  it('adds the issue number to the subject of issue_comment events', async () => {
    const comment = exampleOf('issue_comment.created');
    const event = await parseEvent(
      github({ secret }),
      signedGithubRequest({ secret, event: 'issue_comment', payload: comment.payload }),
    );
    const issue = comment.payload.issue as { number: number };
    expect(event.subject).toMatch(new RegExp(`#${issue.number}$`));
  });

  it('verifies a delivery signed by @octokit/webhooks-methods sign()', async () => {
    const body = JSON.stringify(pr.payload);
    const signature = await sign(secret, body);
    const event = await parseEvent(github({ secret }), {
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature,
        'x-github-event': 'pull_request',
        'x-github-delivery': guid,
      },
      body,
    });
    expect(event.type).toBe('pull_request.opened');
  });

  it('parses application/x-www-form-urlencoded bodies (payload=...)', async () => {
    const event = await parseEvent(
      github({ secret }),
      signedGithubRequest({ secret, event: 'pull_request', payload: pr.payload, format: 'form' }),
    );
    expect(event.type).toBe('pull_request.opened');
    expect(event.meta.bodyFormat).toBe('form');
    expect(event.payload).toEqual(pr.payload);
  });

  it('accepts any secret listed in `secrets` and reports which one matched', async () => {
    const adapter = github({ secrets: ['new-secret', 'old-secret'] });
    const request = () =>
      signedGithubRequest({ secret: 'old-secret', event: 'pull_request', payload: pr.payload });
    expect((await parseEvent(adapter, request())).meta.keyIndex).toBe(1);
    const withBoth = github({ secret: 'first', secrets: ['old-secret'] });
    expect((await parseEvent(withBoth, request())).meta.keyIndex).toBe(1);
  });

  it("a resolver picks each hook's secret by X-GitHub-Hook-ID (one route, several hooks)", async () => {
    const hooks: Record<string, string[]> = {
      '101': ['repo-secret'],
      '202': ['org-new', 'org-old'],
    };
    const adapter = github({ secrets: (d) => hooks[d.headers['x-github-hook-id'] ?? ''] });
    const send = (hookId: string, key: string) =>
      parseEvent(
        adapter,
        signedGithubRequest({ secret: key, event: 'pull_request', payload: pr.payload, hookId }),
      );
    expect((await send('101', 'repo-secret')).meta).toMatchObject({ hookId: '101', keyIndex: 0 });
    expect((await send('202', 'org-old')).meta).toMatchObject({ hookId: '202', keyIndex: 1 });
    // A hook's secret opens only that hook; an unknown hook has none.
    await expect(send('101', 'org-new')).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(send('999', 'repo-secret')).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
      details: { reason: 'no_secret' },
    });
  });

  it('verify: false accepts unsigned deliveries, and refuses to sit next to a secret', async () => {
    const unsigned = signedGithubRequest({
      secret: 'unused',
      event: 'pull_request',
      payload: pr.payload,
      headers: { 'x-hub-signature-256': undefined },
    });
    const event = await parseEvent(github({ verify: false }), unsigned);
    expect(event.type).toBe('pull_request.opened');
    expect(event.meta.keyIndex).toBeUndefined();
    expect(() => github({ secret, verify: false })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { option: 'verify' } }),
    );
  });

  it('never rejects an event type it has no schema for (envelope fallback)', async () => {
    const [alert] = openApiExamples().filter((e) => e.event === 'secret_scanning_alert_location');
    const payload = alert?.payload ?? {};
    const event = await parseEvent(
      github({ secret }),
      signedGithubRequest({ secret, event: 'secret_scanning_alert_location', payload }),
    );
    expect(event.type).toBe('secret_scanning_alert_location.created');
    expect(event.payload).toEqual(payload);
    const brandNew = await parseEvent(
      github({ secret }),
      signedGithubRequest({ secret, event: 'brand_new_event', payload: { anything: [1, 2] } }),
    );
    expect(brandNew.type).toBe('brand_new_event');
    expect(brandNew.subject).toBeUndefined();
  });

  it('skips typed validation when validatePayloads is false (validated: false)', async () => {
    const partial = { action: 'opened', repository: { full_name: 'o/r' }, number: 7 };
    const request = () => signedGithubRequest({ secret, event: 'pull_request', payload: partial });
    await expect(parseEvent(github({ secret }), request())).rejects.toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      httpStatus: 500,
    });
    const event = await parseEvent(github({ secret, validatePayloads: false }), request());
    expect(event.subject).toBe('o/r#7');
    expect(event.validated).toBe(false);
  });

  it("schemaPolicy 'envelope' hands a drifted payload on with the failing paths", async () => {
    const partial = { action: 'opened', repository: { full_name: 'o/r' }, number: 7 };
    const event = await parseEvent(
      github({ secret, schemaPolicy: 'envelope' }),
      signedGithubRequest({ secret, event: 'pull_request', payload: partial }),
    );
    expect(event.type).toBe('pull_request.opened');
    expect(event.validated).toBe(false);
    expect(event.payload).toEqual(partial);
    expect(event.meta.schemaIssues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'pull_request' })]),
    );
    const real = await parseEvent(
      github({ secret, schemaPolicy: 'envelope' }),
      signedGithubRequest({ secret, event: 'pull_request', payload: pr.payload }),
    );
    expect(real.validated).toBe(true);
  });

  it('dedupes a redelivery (same GUID) with processOnce', async () => {
    const adapter = github({ secret, retentionMs: 7 * 24 * 3600 * 1000 });
    const store = memoryStore();
    let runs = 0;
    for (let i = 0; i < 2; i++) {
      const event = await parseEvent(
        adapter,
        signedGithubRequest({
          secret,
          event: 'pull_request',
          payload: pr.payload,
          deliveryId: guid,
        }),
      );
      expect(event.retentionMs).toBe(7 * 24 * 3600 * 1000);
      await processOnce(store, event, async () => {
        runs++;
      });
    }
    expect(runs).toBe(1);
  });

  it('refuses to build without a secret', () => {
    expect(() => github({})).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { option: 'secret' } }),
    );
  });

  it('refuses an unknown option by name, and accepts every documented one', () => {
    // `toleranceSeconds` is Stripe's: GitHub signs no timestamp, so it must not look honoured.
    const typo = { secret, toleranceSeconds: 300 } as unknown as Parameters<typeof github>[0];
    expect(() => github(typo)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: 'github: unknown option "toleranceSeconds".',
        details: { option: 'toleranceSeconds' },
      }),
    );
    const every = github({
      secret,
      secrets: undefined,
      verify: undefined,
      retentionMs: 1000,
      validatePayloads: false,
      schemaPolicy: 'envelope',
      maxDepth: 64,
    });
    expect(every.retentionMs).toBe(1000);
  });
});
