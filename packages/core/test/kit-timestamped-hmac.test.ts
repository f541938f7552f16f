/**
 * timestampedHmacVerifier in both layouts. Expected signatures are computed here with
 * node:crypto, independently of the kit's own HMAC code.
 */
import { createHmac } from 'node:crypto';
import { ConfigurationError, VerificationError } from '@hooklatch/core';
import { timestampedContent, timestampedHmacVerifier } from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

const SECRET = 'whsec_timestamped_secret_1';
const OLD_SECRET = 'whsec_timestamped_secret_0';
const BODY = '{"id":"evt_1","type":"invoice.paid","data":{"amount":5}}';
const RECEIVED = new Date('2025-01-05T10:15:40Z');
const NOW = Math.floor(RECEIVED.getTime() / 1000);

/** `HMAC-SHA256(secret, content)` with node:crypto. */
function sign(secret: string, content: string, encoding: 'hex' | 'base64' = 'hex'): string {
  return createHmac('sha256', secret).update(content, 'utf8').digest(encoding);
}

describe('timestampedHmacVerifier: single header t=..,v1=.. (Stripe-style)', () => {
  const verify = timestampedHmacVerifier({
    provider: 'acme',
    header: 'Acme-Signature',
    secret: SECRET,
  });
  const deliver = (header: string | undefined, body = BODY, receivedAt = RECEIVED) =>
    rawDelivery(body, header === undefined ? {} : { 'Acme-Signature': header }, receivedAt);

  it('accepts a correct signature over "<t>.<body>"', () => {
    const header = `t=${NOW},v1=${sign(SECRET, `${NOW}.${BODY}`)}`;
    expect(() => verify(deliver(header))).not.toThrow();
  });

  it('tolerates spaces around elements and unknown elements (v0=...)', () => {
    const header = ` t=${NOW} , v0=deadbeef , v1=${sign(SECRET, `${NOW}.${BODY}`)} `;
    expect(() => verify(deliver(header))).not.toThrow();
  });

  it('accepts when any one of several v1 signatures matches', () => {
    const good = sign(SECRET, `${NOW}.${BODY}`);
    const other = sign('someone-else', `${NOW}.${BODY}`);
    expect(() => verify(deliver(`t=${NOW},v1=${other},v1=${good}`))).not.toThrow();
    expect(() => verify(deliver(`t=${NOW},v1=${good},v1=${other}`))).not.toThrow();
    const error = thrown(() => verify(deliver(`t=${NOW},v1=${other},v1=${other}`)));
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('accepts any configured secret during a rotation', () => {
    const rotating = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secrets: [SECRET, OLD_SECRET],
    });
    for (const secret of [SECRET, OLD_SECRET]) {
      expect(() =>
        rotating(deliver(`t=${NOW},v1=${sign(secret, `${NOW}.${BODY}`)}`)),
      ).not.toThrow();
    }
    const error = thrown(() =>
      rotating(deliver(`t=${NOW},v1=${sign('retired-secret', `${NOW}.${BODY}`)}`)),
    );
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('accepts a Uint8Array secret', () => {
    const bytes = new TextEncoder().encode(SECRET);
    const fromBytes = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secret: bytes,
    });
    expect(() => fromBytes(deliver(`t=${NOW},v1=${sign(SECRET, `${NOW}.${BODY}`)}`))).not.toThrow();
  });

  it('rejects a wrong secret with SIGNATURE_INVALID 401 naming the header', () => {
    const error = thrown(() => verify(deliver(`t=${NOW},v1=${sign('wrong', `${NOW}.${BODY}`)}`)));
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(error.httpStatus).toBe(401);
    expect(error.message).toContain('Acme-Signature');
    expect(error.details).toEqual({ header: 'Acme-Signature' });
  });

  it('rejects a changed body and a signature moved to another timestamp', () => {
    const good = sign(SECRET, `${NOW}.${BODY}`);
    expect(thrown(() => verify(deliver(`t=${NOW},v1=${good}`, `${BODY} `))).code).toBe(
      'SIGNATURE_INVALID',
    );
    expect(thrown(() => verify(deliver(`t=${NOW - 1},v1=${good}`))).code).toBe('SIGNATURE_INVALID');
  });

  it('rejects a signature over the body alone (no timestamp in the content)', () => {
    expect(thrown(() => verify(deliver(`t=${NOW},v1=${sign(SECRET, BODY)}`))).code).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('answers SIGNATURE_MISSING 401 when the header is absent or blank', () => {
    for (const header of [undefined, '', '   ']) {
      const error = thrown(() => verify(deliver(header)));
      expect(error.code).toBe('SIGNATURE_MISSING');
      expect(error.httpStatus).toBe(401);
      expect(error.message).toContain('Acme-Signature');
    }
  });

  it.each([
    ['no t=', `v1=${'ab'.repeat(32)}`],
    ['no v1=', `t=${NOW}`],
    ['only other versions', `t=${NOW},v0=${'ab'.repeat(32)}`],
    ['non-numeric timestamp', `t=yesterday,v1=${'ab'.repeat(32)}`],
    ['negative timestamp', `t=-${NOW},v1=${'ab'.repeat(32)}`],
    ['fractional timestamp', `t=${NOW}.5,v1=${'ab'.repeat(32)}`],
    ['timestamp in milliseconds and beyond', `t=${NOW}000000,v1=${'ab'.repeat(32)}`],
    ['a signature that is not hex', `t=${NOW},v1=not-hex`],
    ['an empty signature', `t=${NOW},v1=`],
    ['garbage', 'garbage'],
  ])('answers SIGNATURE_MALFORMED 400 for %s', (_name, header) => {
    const error = thrown(() => verify(deliver(header)));
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.code).toBe('SIGNATURE_MALFORMED');
    expect(error.httpStatus).toBe(400);
    expect(error.details).toEqual({ header: 'Acme-Signature' });
  });

  it('rejects stale and future timestamps beyond the default 300 s, in both directions', () => {
    const at = (t: number) => `t=${t},v1=${sign(SECRET, `${t}.${BODY}`)}`;
    const stale = thrown(() => verify(deliver(at(NOW - 301))));
    expect(stale.code).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    expect(stale.httpStatus).toBe(401);
    expect(stale.message).toContain('old');
    expect(stale.details).toMatchObject({ skewSeconds: 301, toleranceSeconds: 300 });
    const future = thrown(() => verify(deliver(at(NOW + 301))));
    expect(future.code).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    expect(future.message).toContain('in the future');
    expect(future.details).toMatchObject({ skewSeconds: -301 });
    // The boundary itself is inside the tolerance.
    expect(() => verify(deliver(at(NOW - 300)))).not.toThrow();
    expect(() => verify(deliver(at(NOW + 300)))).not.toThrow();
  });

  it('honours a custom tolerance, and 0 disables the check', () => {
    const at = (t: number) => `t=${t},v1=${sign(SECRET, `${t}.${BODY}`)}`;
    const strict = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secret: SECRET,
      toleranceSeconds: 60,
    });
    expect(thrown(() => strict(deliver(at(NOW - 61)))).code).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    expect(thrown(() => strict(deliver(at(NOW + 61)))).code).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    expect(() => strict(deliver(at(NOW - 60)))).not.toThrow();
    const unlimited = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secret: SECRET,
      toleranceSeconds: 0,
    });
    const yearAgo = NOW - 365 * 86_400;
    expect(() => unlimited(deliver(at(yearAgo)))).not.toThrow();
    expect(() => unlimited(deliver(at(NOW + 365 * 86_400)))).not.toThrow();
    // Disabling the clock check does not disable the signature check.
    expect(
      thrown(() => unlimited(deliver(`t=${yearAgo},v1=${sign('x', `${yearAgo}.${BODY}`)}`))).code,
    ).toBe('SIGNATURE_INVALID');
  });

  it('judges the timestamp against receivedAt, not the wall clock (queued work)', () => {
    const old = Math.floor(new Date('2020-06-01T00:00:00Z').getTime() / 1000);
    const header = `t=${old},v1=${sign(SECRET, `${old}.${BODY}`)}`;
    expect(() => verify(deliver(header, BODY, new Date(old * 1000 + 5_000)))).not.toThrow();
  });

  it('supports base64 signatures and another signature key', () => {
    const b64 = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secret: SECRET,
      encoding: 'base64',
      signatureKey: 's',
    });
    const sig = sign(SECRET, `${NOW}.${BODY}`, 'base64');
    expect(sig).toMatch(/=$/); // padded base64 with '=' inside a k=v element
    expect(() => b64(deliver(`t=${NOW},s=${sig}`))).not.toThrow();
    // 64 hex characters are valid base64 too, but decode to other bytes.
    expect(thrown(() => b64(deliver(`t=${NOW},s=${sign(SECRET, `${NOW}.${BODY}`)}`))).code).toBe(
      'SIGNATURE_INVALID',
    );
    // A v1= element is not read when the key is `s`.
    expect(thrown(() => b64(deliver(`t=${NOW},v1=${sig}`))).code).toBe('SIGNATURE_MALFORMED');
  });

  it('ignores `prefix` in this layout (documented for the two-header layout only)', () => {
    const withPrefix = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secret: SECRET,
      prefix: 'sha256=',
    });
    const sig = sign(SECRET, `${NOW}.${BODY}`);
    expect(() => withPrefix(deliver(`t=${NOW},v1=${sig}`))).not.toThrow();
  });

  it('rejects at construction when no secret is configured', () => {
    const error = thrown(() =>
      timestampedHmacVerifier({ provider: 'acme', header: 'Acme-Signature' }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(() =>
      timestampedHmacVerifier({ provider: 'acme', header: 'Acme-Signature', secrets: ['', ''] }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('timestampedHmacVerifier: timestamp header + signature header (Slack-style)', () => {
  const options = {
    provider: 'slackish',
    header: 'X-Slack-Signature',
    timestampHeader: 'X-Slack-Request-Timestamp',
    contentPrefix: 'v0:',
    separator: ':',
    prefix: 'v0=',
    secret: SECRET,
  } as const;
  const verify = timestampedHmacVerifier(options);
  const deliver = (headers: Record<string, string>, receivedAt = RECEIVED) =>
    rawDelivery(BODY, headers, receivedAt);
  const signed = (t: number | string, secret = SECRET) => ({
    'X-Slack-Request-Timestamp': String(t),
    'X-Slack-Signature': `v0=${sign(secret, `v0:${t}:${BODY}`)}`,
  });

  it('accepts a correct signature over "v0:<t>:<body>"', () => {
    expect(() => verify(deliver(signed(NOW)))).not.toThrow();
  });

  it('matches the prefix case-insensitively and trims the values', () => {
    const headers = signed(NOW);
    expect(() =>
      verify(
        deliver({
          'X-Slack-Request-Timestamp': ` ${NOW} `,
          'X-Slack-Signature': ` ${headers['X-Slack-Signature'].replace('v0=', 'V0=')} `,
        }),
      ),
    ).not.toThrow();
  });

  it('rejects a wrong secret, a missing prefix and a wrong layout', () => {
    const wrong = thrown(() => verify(deliver(signed(NOW, 'wrong'))));
    expect(wrong.code).toBe('SIGNATURE_INVALID');
    expect(wrong.httpStatus).toBe(401);
    const bare = signed(NOW);
    const noPrefix = thrown(() =>
      verify(
        deliver({ ...bare, 'X-Slack-Signature': bare['X-Slack-Signature'].slice('v0='.length) }),
      ),
    );
    expect(noPrefix.code).toBe('SIGNATURE_MALFORMED');
    // Signed Stripe-style ("<t>.<body>") instead of "v0:<t>:<body>".
    const stripeStyle = thrown(() =>
      verify(
        deliver({
          'X-Slack-Request-Timestamp': String(NOW),
          'X-Slack-Signature': `v0=${sign(SECRET, `${NOW}.${BODY}`)}`,
        }),
      ),
    );
    expect(stripeStyle.code).toBe('SIGNATURE_INVALID');
  });

  it('answers SIGNATURE_MISSING for either header missing', () => {
    const both = signed(NOW);
    const noSig = thrown(() =>
      verify(deliver({ 'X-Slack-Request-Timestamp': both['X-Slack-Request-Timestamp'] })),
    );
    expect(noSig.code).toBe('SIGNATURE_MISSING');
    expect(noSig.message).toContain('X-Slack-Signature');
    const noTs = thrown(() => verify(deliver({ 'X-Slack-Signature': both['X-Slack-Signature'] })));
    expect(noTs.code).toBe('SIGNATURE_MISSING');
    expect(noTs.message).toContain('X-Slack-Request-Timestamp');
  });

  it('answers SIGNATURE_MALFORMED naming the timestamp header for a non-numeric timestamp', () => {
    const error = thrown(() => verify(deliver(signed('1736072140.0'))));
    expect(error.code).toBe('SIGNATURE_MALFORMED');
    expect(error.httpStatus).toBe(400);
    expect(error.details).toEqual({ header: 'X-Slack-Request-Timestamp' });
    expect(thrown(() => verify(deliver(signed('now')))).code).toBe('SIGNATURE_MALFORMED');
  });

  it('rejects stale and future timestamps, and 0 tolerance disables the check', () => {
    expect(thrown(() => verify(deliver(signed(NOW - 301)))).code).toBe(
      'TIMESTAMP_OUT_OF_TOLERANCE',
    );
    expect(thrown(() => verify(deliver(signed(NOW + 301)))).code).toBe(
      'TIMESTAMP_OUT_OF_TOLERANCE',
    );
    const error = thrown(() => verify(deliver(signed(NOW - 301))));
    expect(error.details).toMatchObject({ header: 'X-Slack-Request-Timestamp' });
    const unlimited = timestampedHmacVerifier({ ...options, toleranceSeconds: 0 });
    expect(() => unlimited(deliver(signed(NOW - 86_400 * 30)))).not.toThrow();
    expect(() => unlimited(deliver(signed(NOW + 86_400 * 30)))).not.toThrow();
  });

  it('supports base64 with a prefix', () => {
    const b64 = timestampedHmacVerifier({ ...options, encoding: 'base64', prefix: 'sha256=' });
    const headers = {
      'X-Slack-Request-Timestamp': String(NOW),
      'X-Slack-Signature': `sha256=${sign(SECRET, `v0:${NOW}:${BODY}`, 'base64')}`,
    };
    expect(() => b64(deliver(headers))).not.toThrow();
    const wrong = {
      ...headers,
      'X-Slack-Signature': `sha256=${sign('wrong', `v0:${NOW}:${BODY}`, 'base64')}`,
    };
    expect(thrown(() => b64(deliver(wrong))).code).toBe('SIGNATURE_INVALID');
  });
});

describe('timestampedContent', () => {
  it('is prefix + timestamp + separator + raw body bytes', () => {
    const body = new TextEncoder().encode(BODY);
    expect(new TextDecoder().decode(timestampedContent('123', body))).toBe(`123.${BODY}`);
    expect(
      new TextDecoder().decode(
        timestampedContent('123', body, { contentPrefix: 'v0:', separator: ':' }),
      ),
    ).toBe(`v0:123:${BODY}`);
    // Raw bytes are kept as they are, even when they are not valid UTF-8.
    const binary = new Uint8Array([0xff, 0x00, 0xfe]);
    expect([...timestampedContent('1', binary)]).toEqual([0x31, 0x2e, 0xff, 0x00, 0xfe]);
  });
});

describe('timestamped errors never leak secrets or signatures', () => {
  it('keeps the secret and every received signature out of messages and details', () => {
    const verify = timestampedHmacVerifier({
      provider: 'acme',
      header: 'Acme-Signature',
      secrets: [SECRET, OLD_SECRET],
      toleranceSeconds: 60,
    });
    const wrongSig = sign('wrong', `${NOW}.${BODY}`);
    const staleSig = sign(SECRET, `${NOW - 600}.${BODY}`);
    const headers = [
      `t=${NOW},v1=${wrongSig}`,
      `t=${NOW - 600},v1=${staleSig}`,
      `t=soon,v1=${wrongSig}`,
      `v1=${wrongSig}`,
      `t=${NOW},v1=${SECRET}`,
      '',
    ];
    for (const header of headers) {
      const error = thrown(() => verify(rawDelivery(BODY, { 'Acme-Signature': header }, RECEIVED)));
      const text = `${error.message} ${JSON.stringify(error.details)} ${JSON.stringify(error)}`;
      for (const secret of [SECRET, OLD_SECRET, wrongSig, staleSig]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
