/** refusalsOf: expectHooklatchError bound to an adapter's parseEvent. */
import { PayloadError, VerificationError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { refusalsOf } from '../src/index';
import { ACME_BODY, ACME_SECRET, acme } from './support/acme-adapter';

const unsigned = { headers: { 'content-type': 'application/json' }, body: ACME_BODY };

describe('refusalsOf', () => {
  const refuses = refusalsOf(acme(), { secrets: [ACME_SECRET] });

  it('returns the refusal that matches class, code and status', async () => {
    const error = await refuses(unsigned, VerificationError, 'SIGNATURE_MISSING', 401);
    expect(error.details).toMatchObject({ header: 'X-Acme-Signature' });
  });

  it('fails on another class, code or status, on a delivery that parses, and on a leak', async () => {
    await expect(refuses(unsigned, PayloadError, 'SIGNATURE_MISSING', 401)).rejects.toThrow(
      /expected a PayloadError/,
    );
    await expect(refuses(unsigned, VerificationError, 'SIGNATURE_INVALID', 401)).rejects.toThrow(
      /expected code SIGNATURE_INVALID/,
    );
    await expect(refuses(unsigned, VerificationError, 'SIGNATURE_MISSING', 400)).rejects.toThrow(
      /expected HTTP 400/,
    );
    const open = refusalsOf(acme({ verify: false }));
    await expect(open(unsigned, VerificationError, 'SIGNATURE_MISSING', 401)).rejects.toThrow(
      /nothing was thrown/,
    );
    const leaky = refusalsOf(acme(), { secrets: ['Acme'] });
    await expect(leaky(unsigned, VerificationError, 'SIGNATURE_MISSING', 401)).rejects.toThrow(
      /leaks secret #0/,
    );
  });

  it('parses with parseOptions', async () => {
    const late = refusalsOf(acme(), { parseOptions: { maxBodyBytes: 4 } });
    await late(unsigned, PayloadError, 'BODY_TOO_LARGE', 413);
  });
});
