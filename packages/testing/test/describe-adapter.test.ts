/**
 * The adapter conformance suite: a correct adapter passes it under vitest, and each kind of
 * broken adapter fails exactly the checks that should catch it.
 */
import { type RawDelivery, VerificationError, type WebhookAdapter } from '@hooklatch/core';
import {
  createAdapter,
  type DeliveryVerifier,
  parseJsonBody,
  requireHeader,
  signatureInvalid,
  signedVerifier,
  timestampedHmacVerifier,
  timingSafeEqual,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { adapterChecks } from '../src/index';
import { describeAdapter } from '../src/vitest';
import {
  ACME_SECRET,
  acme,
  ACME_SUITE as base,
  hmacHex as hex,
  TAMPER_CHECKS as TAMPER,
} from './support/acme-adapter';
import { failingChecks as failing } from './support/failing-checks';

const signatureOf = (delivery: RawDelivery) =>
  requireHeader(delivery.headers, 'x-acme-signature', 'SIGNATURE_MISSING');

// A correct adapter passes every check, registered the way users register it.
describeAdapter(base);

describe('the adapter checks catch broken adapters', () => {
  it('an adapter that verifies nothing fails the tamper and credential checks', async () => {
    expect(await failing({ ...base, adapter: () => acme({ verify: false }) })).toEqual([
      ...TAMPER,
      'missing credentials are rejected',
      'wrong credentials are rejected',
      'a truncated, emptied or altered credential is rejected',
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

  it('a verifier that reports the wrong key fails the round trip and the keyIndex check', async () => {
    const wrongKey = (delivery: RawDelivery, hmac: DeliveryVerifier) => {
      hmac(delivery);
      return { keyIndex: 1 };
    };
    expect(await failing({ ...base, adapter: () => acme({ verify: wrongKey }) })).toEqual([
      'sign and verify round-trip',
      'each configured key reports its keyIndex',
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

  it('never prints the secret in its own failure messages, whatever the adapter throws', async () => {
    const untyped = (delivery: RawDelivery) => {
      if (signatureOf(delivery) !== hex(ACME_SECRET, delivery.rawBody)) {
        throw new Error(`bad signature, expected an HMAC with ${ACME_SECRET}`);
      }
      return { keyIndex: 0 };
    };
    const messages: string[] = [];
    for (const check of adapterChecks({ ...base, adapter: () => acme({ verify: untyped }) })) {
      if (check.skip !== undefined) continue;
      await check.run().catch((error: unknown) => messages.push(String(error)));
    }
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain('<secret #0>');
    for (const message of messages) expect(message).not.toContain(ACME_SECRET);
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

  it('a prefix compare, or one of the first 8 characters, fails the altered-credential check', async () => {
    const compare =
      (matches: (expected: string, given: string) => boolean) =>
      (delivery: RawDelivery): { keyIndex: number } => {
        const expected = hex(ACME_SECRET, delivery.rawBody);
        if (!matches(expected, signatureOf(delivery)))
          throw signatureInvalid('acme', 'x-acme-signature');
        return { keyIndex: 0 };
      };
    for (const matches of [
      (expected: string, given: string) => expected.startsWith(given),
      (expected: string, given: string) => expected.slice(0, 8) === given.slice(0, 8),
    ]) {
      expect(await failing({ ...base, adapter: () => acme({ verify: compare(matches) }) })).toEqual(
        ['a truncated, emptied or altered credential is rejected'],
      );
    }
  });

  it('a header sign() adds that is not checked, or one signature per key, is no false failure', async () => {
    // A legacy signature header nobody verifies, beside the real one.
    const legacy = (): WebhookAdapter => {
      const inner = acme();
      return {
        ...inner,
        sign: (body, options) => {
          const signed = inner.sign?.(body, options);
          if (!signed) throw new Error('no sign');
          return {
            ...signed,
            headers: { ...signed.headers, 'x-acme-legacy': 'sha1=0123456789abcdef0123' },
          };
        },
      };
    };
    expect(await failing({ ...base, adapter: legacy })).toEqual([]);
    // Every key's signature in one header, as Stripe and Svix rotate.
    const keys = [ACME_SECRET, 'acme-second-secret'];
    const everyKey = () =>
      createAdapter({
        name: 'acme',
        retentionMs: 60_000,
        verify: signedVerifier(
          (delivery) => {
            const given = signatureOf(delivery)
              .split(' ')
              .map((part) => part.slice('v1='.length));
            for (const [keyIndex, key] of keys.entries()) {
              const expected = hex(key, delivery.rawBody);
              if (given.some((g) => timingSafeEqual(g, expected))) return { keyIndex };
            }
            throw signatureInvalid('acme', 'x-acme-signature');
          },
          ({ body, secret }) => ({
            'x-acme-signature': (secret === undefined ? keys : [secret])
              .map((key) => `v1=${hex(key, body)}`)
              .join(' '),
          }),
        ),
        parse: (delivery) => {
          const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
          return { type: data.type, id: data.id, idSource: 'event', payload: data };
        },
      });
    const skip = [
      {
        reason: 'signs with every key',
        tests: ['each configured key reports its keyIndex' as const],
      },
    ];
    expect(await failing({ ...base, adapter: everyKey, skip })).toEqual([]);
  });

  it('a timestamp tolerance of days, or none, fails the timestamp check, and only that', async () => {
    const stamped = (toleranceSeconds: number) =>
      createAdapter({
        name: 'stamped',
        retentionMs: 60_000,
        verify: timestampedHmacVerifier({
          provider: 'stamped',
          header: 'x-stamped-signature',
          secret: ACME_SECRET,
          toleranceSeconds,
        }),
        parse: (delivery) => {
          const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
          return { type: data.type, id: data.id, idSource: 'event', payload: data };
        },
      });
    const suite = { ...base, name: 'stamped' };
    expect(await failing({ ...suite, adapter: () => stamped(300) })).toEqual([]);
    for (const tolerance of [0, 10 * 86_400]) {
      expect(await failing({ ...suite, adapter: () => stamped(tolerance) })).toEqual([
        'timestamps outside the tolerance, or rewritten, are rejected',
      ]);
    }
  });

  it('an adapter without sign fails every check, saying why', async () => {
    const unsigned: WebhookAdapter = { name: 'acme', retentionMs: 60_000, parse: acme().parse };
    const checks = adapterChecks({ ...base, adapter: () => unsigned });
    for (const check of checks) {
      await expect(check.run(), check.name).rejects.toThrow(/has no sign\(\)/);
    }
  });
});
