import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../src/index';

/** The documented derivation (version 1), written again with node:crypto. */
function reference(key: string, purpose: string): string {
  const input = JSON.stringify(['hooklatch/idempotency-key', 1, key, purpose]);
  const b = createHash('sha256').update(input, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const event = (dedupeKey: string) => ({ dedupeKey });

describe('idempotencyKey', () => {
  it('is pinned: the same value in every hooklatch version (derivation 1)', () => {
    // Vectors computed once from the documented derivation; changing them breaks users' keys.
    expect(idempotencyKey(event('stripe:evt_1'), 'charge')).toBe(
      '68e2cb26-5588-8044-9969-b18e9a176063',
    );
    expect(idempotencyKey(event('stripe:evt_1'), 'email')).toBe(
      '3cf5b94c-cd62-8a63-ab6e-0d6115e649a4',
    );
  });

  it('follows the documented derivation for unusual keys and purposes', () => {
    for (const [key, purpose] of [
      ['github:0b1c-2d', 'comment'],
      ['a\ud800', 'x'],
      ['a\udc00', 'x'],
      ['k', 'p\u0000'],
      ['x'.repeat(5_000), 'ü'],
    ] as const) {
      expect(idempotencyKey(event(key), purpose)).toBe(reference(key, purpose));
    }
  });

  it('is a version-8 UUID, different per purpose and per event, unambiguous', () => {
    const key = idempotencyKey(event('shopify:1'), 'refund');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotencyKey(event('shopify:1'), 'refund')).toBe(key);
    expect(idempotencyKey(event('shopify:1'), 'email')).not.toBe(key);
    expect(idempotencyKey(event('shopify:2'), 'refund')).not.toBe(key);
    // No separator games: the parts are JSON array items.
    expect(idempotencyKey(event('a\nb'), 'c')).not.toBe(idempotencyKey(event('a'), 'b\nc'));
    expect(idempotencyKey(event('a\ud800'), 'x')).not.toBe(idempotencyKey(event('a\udc00'), 'x'));
  });

  it('refuses a missing key or purpose with CONFIG_INVALID', () => {
    for (const call of [
      () => idempotencyKey({} as never, 'p'),
      () => idempotencyKey(null as never, 'p'),
      () => idempotencyKey(event('k'), ''),
      () => idempotencyKey(event('k'), 'p'.repeat(201)),
      () => idempotencyKey(event('k'), 5 as never),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });
});
