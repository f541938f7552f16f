import { createAdapter, encodeSignature, hmacHeaderVerifier, hmacSha256, parseJsonBody, readJsonObject, requireString, signatureInvalid } from '@hooklatch/core/kit';
import { PayloadError, VerificationError, type WebhookAdapter } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import {
  type AdapterTestName,
  adapterChecks,
  type DescribeAdapterOptions,
  describeAdapter,
  expectHooklatchError,
  nestedJson,
  withNestedMember,
} from '../src/index';

const SECRET = 'acme-test-secret';
const sign = (secret: string, body: string) => encodeSignature(hmacSha256(secret, body), 'hex');
const body = JSON.stringify({ id: 'evt_1', type: 'order.paid', orderId: 'ord_9' });

function acme(
  options: { verify?: false; randomId?: boolean; maxDepth?: number } = {},
): WebhookAdapter {
  return createAdapter({
    name: 'acme',
    retentionMs: 60_000,
    verify:
      options.verify === false
        ? false
        : hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret: SECRET }),
    parse(delivery) {
      // Its own limit, not the adapter's (`json()` would read the adapter's maxDepth).
      const data = readJsonObject(delivery, 'acme', { maxDepth: options.maxDepth ?? 128 });
      return {
        type: requireString(data, 'type', 'acme'),
        id: options.randomId ? crypto.randomUUID() : requireString(data, 'id', 'acme'),
        idSource: 'event',
        payload: data,
      };
    },
  });
}

const base: DescribeAdapterOptions = {
  name: 'acme (hmac)',
  adapter: () => acme(),
  body,
  deliver: (b) => ({
    headers: { 'content-type': 'application/json', 'x-acme-signature': sign(SECRET, b) },
  }),
  forge: (b) => ({ headers: { 'x-acme-signature': sign('wrong-secret', b) } }),
  authHeaders: ['X-Acme-Signature'],
  secrets: [SECRET],
};

// A correct adapter passes every check, registered the way users register it.
describeAdapter(base);

/** Run every check and return the names of those that failed. */
async function failing(options: DescribeAdapterOptions): Promise<AdapterTestName[]> {
  const failed: AdapterTestName[] = [];
  for (const check of adapterChecks(options)) {
    if (check.skip !== undefined) continue;
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

describe('the adapter checks catch broken adapters', () => {
  it('an adapter that verifies nothing fails the three credential checks', async () => {
    expect(await failing({ ...base, adapter: () => acme({ verify: false }) })).toEqual([
      'a tampered body is rejected',
      'missing credentials are rejected',
      'wrong credentials are rejected',
    ]);
  });

  it('an adapter with an unstable ID fails the dedupe checks', async () => {
    expect(await failing({ ...base, adapter: () => acme({ randomId: true }) })).toEqual([
      'Request, Node stream and plain input give one event',
      'a retry gets the same dedupe key',
      'concurrent copies run the handler once',
    ]);
  });

  it('an adapter whose errors leak the secret or are untyped fails', async () => {
    const leaky: WebhookAdapter = {
      name: 'acme',
      retentionMs: 60_000,
      parse(delivery) {
        const received = delivery.headers['x-acme-signature'];
        if (received === undefined) {
          throw new VerificationError('SIGNATURE_MISSING', `no signature (secret ${SECRET})`);
        }
        if (received !== sign(SECRET, new TextDecoder().decode(delivery.rawBody))) {
          throw signatureInvalid('acme', 'x-acme-signature');
        }
        let data: Record<string, string>;
        try {
          data = parseJsonBody(delivery.rawBody) as Record<string, string>;
        } catch {
          throw new Error('bad json'); // not a HooklatchError: no code, no status
        }
        return { type: String(data.type), id: String(data.id), idSource: 'event', payload: data };
      },
    };
    expect(await failing({ ...base, adapter: () => leaky })).toEqual([
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

  it('skips only what may be skipped, and says why', () => {
    const checks = adapterChecks({
      ...base,
      adapter: () => acme({ verify: false }),
      skip: [{ reason: 'verify: false', tests: ['wrong credentials are rejected'] }],
    });
    expect(checks.find((c) => c.name === 'wrong credentials are rejected')?.skip).toBe(
      'verify: false',
    );
    expect(() =>
      adapterChecks({
        ...base,
        skip: [{ reason: 'too hard', tests: ['a retry gets the same dedupe key'] }],
      }),
    ).toThrow(/cannot be skipped/);
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
