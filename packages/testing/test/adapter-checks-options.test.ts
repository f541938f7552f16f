/**
 * What adapterChecks and describeAdapter take: skips, forgeSecret, headers, additionalTests and
 * the test runner to register with.
 */
import type { WebhookAdapter } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import {
  ADAPTER_TESTS,
  adapterChecks,
  type DescribeAdapterOptions,
  describeAdapter as describeAdapterWith,
} from '../src/index';
import {
  ACME_BODY,
  ACME_SECRET,
  acme,
  ACME_SUITE as base,
  hmacHex as hex,
  TAMPER_CHECKS as TAMPER,
} from './support/acme-adapter';

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

  it("auth: 'credential' asserts a changed body passes, and fails for a signing adapter", async () => {
    const signing = adapterChecks({ ...base, auth: 'credential' });
    const names = signing.map((c) => c.name);
    expect(names).toContain('a tampered body passes: the credential does not cover the body');
    expect(names).not.toContain('a tampered body is rejected');
    expect(signing.filter((c) => c.skip !== undefined)).toEqual([]);
    // acme signs its body: declaring it a credential scheme is caught, not skipped.
    const inverted = signing.find((c) => c.name.startsWith('one changed byte passes'));
    await expect(inverted?.run()).rejects.toThrow(/SIGNATURE_INVALID|signature/i);
    // The credential checks stay as they are.
    const wrong = signing.find((c) => c.name === 'wrong credentials are rejected');
    await expect(wrong?.run()).resolves.toBeUndefined();
  });

  it("auth: 'none' asserts anything passes a verify: false adapter", async () => {
    const open = () => acme({ verify: false }) as WebhookAdapter;
    const checks = adapterChecks({ ...base, adapter: open, auth: 'none' });
    expect(checks.filter((c) => c.skip !== undefined)).toEqual([]);
    for (const check of checks) await expect(check.run(), check.name).resolves.toBeUndefined();
    // And a verifying adapter declared 'none' is caught.
    const lying = adapterChecks({ ...base, auth: 'none' });
    const missing = lying.find((c) => c.name.startsWith('missing credentials pass'));
    await expect(missing?.run()).rejects.toThrow();
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
    expect(registered).toHaveLength(1 + ADAPTER_TESTS.length);
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
