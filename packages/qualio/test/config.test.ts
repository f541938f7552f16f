import { describe, expect, it } from 'vitest';
import {
  QUALIO_DELIVERY_ID_HEADER,
  QUALIO_RETENTION_MS,
  type QualioAuth,
  qualio,
} from '../src/index';
import { API_KEY, BASIC, expectConfigError, SECRET } from './support/fixtures';

describe('configuration', () => {
  it('refuses an adapter with no verification and no explicit verify: false', async () => {
    const error = await expectConfigError(() => qualio({}));
    expect(error.message).toContain('verify: false');
    await expectConfigError(() => qualio({ auth: [] }));
  });

  it('refuses auth together with verify: false, without echoing the secret', async () => {
    await expectConfigError(
      () => qualio({ auth: { scheme: 'hmac', secret: SECRET }, verify: false }),
      [SECRET],
    );
  });

  it('refuses a scheme without its secret, key or credentials', async () => {
    await expectConfigError(() => qualio({ auth: { scheme: 'hmac' } }));
    await expectConfigError(() => qualio({ auth: { scheme: 'hmac', secret: '', secrets: [] } }));
    await expectConfigError(() => qualio({ auth: { scheme: 'api-key' } }));
    await expectConfigError(
      () => qualio({ auth: { scheme: 'basic', username: 'u', password: '' } }),
      [BASIC.password],
    );
  });

  it('refuses auth schemes a Qualio webhook cannot use', async () => {
    const bearer = { scheme: 'bearer', token: API_KEY } as unknown as QualioAuth;
    const error = await expectConfigError(() => qualio({ auth: bearer }), [API_KEY]);
    expect(error.message).toContain('"bearer"');
  });

  it('refuses an empty name, a non-positive retention and remapping a built-in family', async () => {
    const auth = { scheme: 'hmac', secret: SECRET } as const;
    await expectConfigError(() => qualio({ auth, name: ' ' }));
    await expectConfigError(() => qualio({ auth, retentionMs: 0 }));
    await expectConfigError(() => qualio({ auth, retentionMs: Number.NaN }));
    const error = await expectConfigError(() => qualio({ auth, subjectFields: { nc: 'id' } }));
    expect(error.message).toContain('ncId');
    await expectConfigError(() => qualio({ auth, subjectFields: { audit: '' } }));
  });

  it('has the documented defaults and honours overrides', () => {
    const adapter = qualio({ auth: { scheme: 'hmac', secret: SECRET } });
    expect(adapter.name).toBe('qualio');
    expect(adapter.retentionMs).toBe(7 * 24 * 60 * 60 * 1000);
    expect(QUALIO_RETENTION_MS).toBe(604_800_000);
    expect(QUALIO_DELIVERY_ID_HEADER).toBe('X-Qualio-Delivery-Id');
    const custom = qualio({ verify: false, name: 'qms', retentionMs: 1000 });
    expect(custom.name).toBe('qms');
    expect(custom.retentionMs).toBe(1000);
  });
});
