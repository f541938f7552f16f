import { createHmac } from 'node:crypto';
import {
  PayloadError,
  type RawDelivery,
  VerificationError,
  type WebhookAdapter,
} from '@hooklatch/core';
import {
  createAdapter,
  type DeliveryVerifier,
  parseJsonBody,
  requireHeader,
  signatureInvalid,
  signedVerifier,
  timingSafeEqual,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import {
  adapterChecks,
  type DescribeAdapterOptions,
  describeAdapter as describeAdapterWith,
  expectHooklatchError,
  nestedJson,
  withNestedMember,
} from '../src/index';
import { describeAdapter } from '../src/vitest';
import { ACME_BODY, ACME_SECRET, acme } from './support/acme-adapter';

const hex = (secret: string | Uint8Array, body: string | Uint8Array) =>
  createHmac('sha256', secret).update(body).digest('hex');
const signatureOf = (delivery: RawDelivery) =>
  requireHeader(delivery.headers, 'x-acme-signature', 'SIGNATURE_MISSING');

const base: DescribeAdapterOptions = {
  name: 'acme (hmac)',
  adapter: () => acme(),
  body: ACME_BODY,
  headers: { 'Content-Type': 'application/json' },
  secrets: [ACME_SECRET],
};

// A correct adapter passes every check, registered the way users register it.
describeAdapter(base);

/** Run every check and return the names of those that failed. */
async function failing(options: DescribeAdapterOptions): Promise<string[]> {
  const failed: string[] = [];
  for (const check of adapterChecks(options)) {
    if (check.skip !== undefined) continue;
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

const TAMPER = [
  'a tampered body is rejected',
  'a re-serialized body is rejected',
  'one changed byte is rejected',
] as const;

describe('the adapter checks catch broken adapters', () => {
  it('an adapter that verifies nothing fails the tamper and credential checks', async () => {
    expect(await failing({ ...base, adapter: () => acme({ verify: false }) })).toEqual([
      ...TAMPER,
      'missing credentials are rejected',
      'wrong credentials are rejected',
    ]);
  });

  it('a verifier that re-serializes the body before checking fails the two checks it should', async () => {
    // The classic bug: HMAC over JSON.stringify(JSON.parse(body)) instead of the raw bytes.
    const canonical = (delivery: RawDelivery) => {
      const text = JSON.stringify(parseJsonBody(delivery.rawBody));
      if (!timingSafeEqual(hex(ACME_SECRET, text), signatureOf(delivery))) {
        throw signatureInvalid('acme', 'x-acme-signature');
      }
      return { keyIndex: 0 };
    };
    expect(await failing({ ...base, adapter: () => acme({ verify: canonical }) })).toEqual([
      'a tampered body is rejected',
      'a re-serialized body is rejected',
    ]);
  });

  it('a verifier that covers only the start of the body fails the tamper checks past it', async () => {
    const start = (body: Uint8Array) => body.subarray(0, 8);
    const prefixOnly = signedVerifier(
      (delivery) => {
        if (!timingSafeEqual(hex(ACME_SECRET, start(delivery.rawBody)), signatureOf(delivery))) {
          throw signatureInvalid('acme', 'x-acme-signature');
        }
        return {};
      },
      ({ body, secret }) => ({ 'x-acme-signature': hex(secret ?? ACME_SECRET, start(body)) }),
    );
    const adapter = () =>
      createAdapter({
        name: 'acme',
        retentionMs: 60_000,
        verify: prefixOnly,
        parse: (_delivery, _verified, { json }) => ({
          type: String(json().type),
          id: String(json().id),
          idSource: 'event',
          payload: json(),
        }),
      });
    expect(await failing({ ...base, adapter })).toEqual([
      'a tampered body is rejected',
      'one changed byte is rejected',
    ]);
  });

  it('a verifier that reports the wrong key fails the round trip, and only that', async () => {
    const wrongKey = (delivery: RawDelivery, hmac: DeliveryVerifier) => {
      hmac(delivery);
      return { keyIndex: 1 };
    };
    expect(await failing({ ...base, adapter: () => acme({ verify: wrongKey }) })).toEqual([
      'sign and verify round-trip',
    ]);
  });

  it('an adapter with an unstable ID fails the dedupe checks', async () => {
    expect(await failing({ ...base, adapter: () => acme({ randomId: true }) })).toEqual([
      'sign and verify round-trip',
      'Request, Node stream and plain input give one event',
      'a retry gets the same dedupe key',
      'concurrent copies run the handler once',
    ]);
  });

  it('an adapter whose errors leak the secret or are untyped fails', async () => {
    const leaky = signedVerifier(
      (delivery: RawDelivery) => {
        const received = delivery.headers['x-acme-signature'];
        if (received === undefined) {
          throw new VerificationError('SIGNATURE_MISSING', `no signature (secret ${ACME_SECRET})`);
        }
        if (received !== hex(ACME_SECRET, delivery.rawBody)) {
          throw signatureInvalid('acme', 'x-acme-signature');
        }
        return {};
      },
      ({ body, secret }) => ({ 'x-acme-signature': hex(secret ?? ACME_SECRET, body) }),
    );
    const adapter = () =>
      createAdapter({
        name: 'acme',
        retentionMs: 60_000,
        verify: leaky,
        parse(delivery) {
          let data: Record<string, string>;
          try {
            data = JSON.parse(new TextDecoder().decode(delivery.rawBody));
          } catch {
            throw new Error('bad json'); // not a HooklatchError: no code, no status
          }
          return { type: String(data.type), id: String(data.id), idSource: 'event', payload: data };
        },
      });
    expect(await failing({ ...base, adapter })).toEqual([
      'missing credentials are rejected',
      'malformed JSON is rejected',
      'deeply nested JSON is refused',
    ]);
  });

  it('an adapter with no nesting limit fails the deep JSON check, and only that', async () => {
    const unbounded = () => acme({ maxDepth: Number.MAX_SAFE_INTEGER });
    expect(await failing({ ...base, adapter: unbounded })).toEqual([
      'deeply nested JSON is refused',
    ]);
  });

  it('a limit other than the default is checked exactly', async () => {
    const strict = () => acme({ maxDepth: 4 });
    expect(await failing({ ...base, adapter: strict, maxDepth: 4 })).toEqual([]);
    // Told the default while the adapter refuses past 4: the check sees the wrong limit.
    expect(await failing({ ...base, adapter: strict })).toEqual(['deeply nested JSON is refused']);
  });

  it('an adapter without sign fails every check, saying why', async () => {
    const unsigned: WebhookAdapter = { name: 'acme', retentionMs: 60_000, parse: acme().parse };
    const checks = adapterChecks({ ...base, adapter: () => unsigned });
    for (const check of checks) {
      await expect(check.run(), check.name).rejects.toThrow(/has no sign\(\)/);
    }
  });
});

describe('adapterChecks options', () => {
  it('skips only what may be skipped, and says why', () => {
    const checks = adapterChecks({
      ...base,
      skip: [{ reason: 'an API key does not cover the body', tests: [...TAMPER] }],
    });
    for (const name of TAMPER) {
      expect(checks.find((c) => c.name === name)?.skip).toBe('an API key does not cover the body');
    }
    expect(checks.filter((c) => c.skip !== undefined)).toHaveLength(3);
    for (const test of [
      'a retry gets the same dedupe key',
      'sign and verify round-trip',
    ] as const) {
      expect(() =>
        adapterChecks({ ...base, skip: [{ reason: 'too hard', tests: [test] }] }),
      ).toThrow(/cannot be skipped/);
    }
  });

  it('forges with forgeSecret, and explains a default forgeSecret the adapter refuses', async () => {
    const wrong = adapterChecks({ ...base, forgeSecret: ACME_SECRET });
    // Forging with the real secret is no forgery: the check must notice.
    const forged = wrong.find((c) => c.name === 'wrong credentials are rejected');
    await expect(forged?.run()).rejects.toThrow(
      /expected SIGNATURE_INVALID, but nothing was thrown/,
    );
    const picky = () => {
      const adapter = acme();
      const sign = adapter.sign?.bind(adapter);
      return Object.assign(adapter, {
        sign: (body: string | Uint8Array, options: { secret?: unknown } = {}) => {
          if (options.secret !== undefined) throw new Error('secrets must start with acme_');
          return sign?.(body, options as never) as never;
        },
      });
    };
    const check = adapterChecks({ ...base, adapter: picky }).find(
      (c) => c.name === 'wrong credentials are rejected',
    );
    await expect(check?.run()).rejects.toThrow(/pass `forgeSecret`/);
  });

  it('sends the given headers and sign options on every delivery', async () => {
    const seen: Array<Record<string, string>> = [];
    const watching = () => {
      const inner = acme();
      return {
        ...inner,
        parse: (d: Parameters<WebhookAdapter['parse']>[0]) => {
          seen.push({ ...d.headers });
          return inner.parse(d);
        },
      };
    };
    const headers = { 'X-Acme-Event': 'order.paid' };
    for (const check of adapterChecks({ ...base, adapter: watching, headers })) {
      if (check.name === 'parses an authentic delivery') await check.run();
    }
    expect(seen).toEqual([
      { 'x-acme-event': 'order.paid', 'x-acme-signature': hex(ACME_SECRET, ACME_BODY) },
    ]);
  });
});

describe('additionalTests', () => {
  const rotating: DescribeAdapterOptions = {
    ...base,
    adapter: () => acme({ secrets: [ACME_SECRET, 'acme-old-secret'] }),
    secrets: [ACME_SECRET, 'acme-old-secret'],
  };

  it('run after the built-in checks with the suite adapter, deliver and parse', async () => {
    let ran = 0;
    const checks = adapterChecks({
      ...rotating,
      additionalTests: ({ adapter, deliver, parse }) => ({
        'the old secret still verifies, as key 1': async () => {
          const event = await parse(deliver(undefined, { keyIndex: 1 }));
          expect(event.meta.keyIndex).toBe(1);
          expect(adapter.name).toBe('acme');
          ran++;
        },
        'a body of its own': async () => {
          const event = await parse(deliver('{"id":"evt_2","type":"order.shipped"}'));
          expect(event.dedupeKey).toBe('acme:evt_2');
          ran++;
        },
      }),
    });
    expect(checks.slice(-2).map((c) => c.name)).toEqual([
      'the old secret still verifies, as key 1',
      'a body of its own',
    ]);
    for (const check of checks.slice(-2)) await check.run();
    expect(ran).toBe(2);
  });

  it('fail when their assertion fails, and may not reuse a built-in name', async () => {
    const [check] = adapterChecks({
      ...rotating,
      additionalTests: ({ deliver, parse }) => ({
        'claims key 0 for the old secret': async () => {
          const event = await parse(deliver(undefined, { keyIndex: 1 }));
          expect(event.meta.keyIndex).toBe(0);
        },
      }),
    }).slice(-1);
    await expect(check?.run()).rejects.toThrow(/expected 1 to be \+?0/);
    expect(() =>
      adapterChecks({
        ...base,
        additionalTests: () => ({ 'a retry gets the same dedupe key': async () => {} }),
      }),
    ).toThrow(/repeats a built-in check/);
  });
});

describe('describeAdapter with other runners', () => {
  it('registers with the runner it is given, skipped checks through it.skip', () => {
    const registered: string[] = [];
    const it = Object.assign((name: string) => registered.push(name), {
      skip: (name: string) => registered.push(`SKIP ${name}`),
    });
    const describe = (name: string, body: () => void) => {
      registered.push(`SUITE ${name}`);
      body();
    };
    describeAdapterWith(
      { ...base, skip: [{ reason: 'basic auth', tests: ['one changed byte is rejected'] }] },
      { describe, it },
    );
    expect(registered[0]).toBe('SUITE adapter conformance: acme (hmac)');
    expect(registered).toContain('SKIP one changed byte is rejected (skipped: basic auth)');
    expect(registered).toHaveLength(1 + 15);
  });

  it('without a runner or runner globals, says how to pass one', () => {
    expect(() => describeAdapterWith(base)).toThrow(/no test runner.*node:test.*testing\/vitest/s);
  });

  it('refuses to turn a skipped check into a passing test when the runner has no it.skip', () => {
    const skip = [{ reason: 'basic auth', tests: ['one changed byte is rejected' as const] }];
    expect(() =>
      describeAdapterWith({ ...base, skip }, { describe: (_n, body) => body(), it: () => {} }),
    ).toThrow(/needs `it.skip`/);
  });
});

describe('deep JSON builders', () => {
  it('nest arrays and keep the rest of the body as it was', () => {
    expect(nestedJson(3)).toBe('[[[]]]');
    expect(withNestedMember(' { "id": 1 }', 2)).toBe('{"hooklatch_deep":[[]],"id": 1 }');
    expect(withNestedMember('{}', 1, 'x')).toBe('{"x":[]}');
    expect(withNestedMember('[1]', 1)).toBe('[[],[1]]');
    expect(() => nestedJson(0)).toThrow(RangeError);
  });
});

describe('expectHooklatchError', () => {
  const failure = () => {
    throw new PayloadError('PAYLOAD_INVALID', 'acme payload failed validation: id', {
      details: { path: 'id' },
    });
  };

  it('returns the matching error', async () => {
    const error = await expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', httpStatus: 422 });
    expect(error.details).toEqual({ path: 'id' });
  });

  it('names what differed, and never prints a leaked secret', async () => {
    await expect(expectHooklatchError(() => 1, { code: 'PAYLOAD_INVALID' })).rejects.toThrow(
      /nothing was thrown/,
    );
    await expect(expectHooklatchError(failure, { code: 'BODY_EMPTY' })).rejects.toThrow(
      /expected code BODY_EMPTY, got PAYLOAD_INVALID/,
    );
    await expect(
      expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', httpStatus: 400 }),
    ).rejects.toThrow(/expected HTTP 400, got 422/);
    await expect(
      expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', class: VerificationError }),
    ).rejects.toThrow(/expected a VerificationError, got a PayloadError/);
    const leak = expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', secrets: ['x', 'path'] });
    await expect(leak).rejects.toThrow(/leaks secret #1/);
    await expect(leak).rejects.not.toThrow(/path"/);
    await expect(
      expectHooklatchError(Promise.reject(new Error('plain')), { code: 'PAYLOAD_INVALID' }),
    ).rejects.toThrow(/non-hooklatch error/);
  });
});
