/** The duplicate-delivery check from @hooklatch/testing, for both shapes and every auth mode. */
import type { CreatioAuth as CreatioRequestAuth } from '@hooklatch/creatio';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { assertProcessedOnce } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { type CreatioOptions, creatio } from '../src/index';
import { CONTACT_FLAT, ORDER_UPDATE, SECRETS } from './support/examples';

const { username, password, token, hmacSecret } = SECRETS;

describe('assertProcessedOnce', () => {
  it.each<[string, CreatioOptions, CreatioRequestAuth, object]>([
    [
      'basic, process call',
      { auth: { scheme: 'basic', username, password } },
      { scheme: 'basic', username, password },
      ORDER_UPDATE,
    ],
    [
      'bearer, flat',
      { auth: { scheme: 'bearer', token } },
      { scheme: 'bearer', token: token },
      CONTACT_FLAT,
    ],
    [
      'hmac, process call',
      { auth: { scheme: 'hmac', secret: hmacSecret } },
      { scheme: 'hmac', secret: hmacSecret },
      ORDER_UPDATE,
    ],
  ])('%s: one run for concurrent copies and retries', async (_name, options, auth, payload) => {
    let copy = 0;
    const report = await assertProcessedOnce({
      adapter: creatio(options),
      // Each copy re-serialized differently, as a retry through another client could be.
      request: () =>
        signedCreatioRequest({
          payload: JSON.stringify(payload, null, copy++ % 4),
          auth,
        }),
      copies: 5,
      retries: 2,
    });
    expect(report.runs).toBe(1);
    expect(report.event.idSource).toBe('fingerprint');
    const inFlight = report.outcomes.filter((o) => o.outcome === 'in_flight');
    expect(inFlight.length).toBeGreaterThan(0);
    for (const o of inFlight) expect(o.status).toBe(409);
  });
});
