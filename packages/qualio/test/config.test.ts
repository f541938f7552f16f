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

  it('names the missing credential in details.option, under `auth`', async () => {
    const cases: Array<[QualioAuth | QualioAuth[], string]> = [
      [{ scheme: 'basic', username: 'u' } as QualioAuth, 'auth.password'],
      [{ scheme: 'basic', username: 'u', password: '' }, 'auth.password'],
      [{ scheme: 'basic', username: '', password: BASIC.password }, 'auth.username'],
      [{ scheme: 'api-key' }, 'auth.key'],
      [{ scheme: 'hmac' }, 'auth.secret'],
      [
        [
          { scheme: 'hmac', secret: SECRET },
          { scheme: 'basic', ...BASIC, password: '' },
        ],
        'auth[1].password',
      ],
    ];
    for (const [auth, option] of cases) {
      const error = await expectConfigError(() => qualio({ auth }));
      expect(error.details).toEqual({ option });
    }
  });

  it('refuses an unknown option or auth key by name, and accepts every documented one', async () => {
    const auth = { scheme: 'hmac', secret: SECRET } as const;
    const typo = await expectConfigError(() => qualio({ auth, volatileField: [] } as never));
    expect(typo.details).toEqual({ option: 'volatileField' });
    expect(typo.message).toBe('qualio: unknown option "volatileField".');
    // Inside `auth` too: `secrte` would leave the secret unset, or be read as another scheme's.
    const inner = await expectConfigError(() =>
      qualio({ auth: { scheme: 'api-key', key: API_KEY, headers: 'X-Key' } as never }),
    );
    expect(inner.details).toEqual({ option: 'auth.headers' });
    const basicWithKey = { scheme: 'basic', ...BASIC, key: API_KEY } as never;
    const listed = await expectConfigError(() => qualio({ auth: [auth, basicWithKey] }));
    expect(listed.details).toEqual({ option: 'auth[1].key' });
    const every = qualio({
      auth: [
        {
          scheme: 'hmac',
          secret: SECRET,
          secrets: undefined,
          header: 'X-Sig',
          prefix: '',
          encoding: 'hex',
        },
        { scheme: 'api-key', key: API_KEY, keys: undefined, header: 'X-Key' },
        { scheme: 'basic', ...BASIC },
      ],
      verify: undefined,
      name: 'qms',
      retentionMs: 1000,
      volatileFields: [],
      deliveryIdHeader: false,
      subjectFields: {},
      schemaPolicy: 'envelope',
      maxDepth: 64,
    });
    expect(every.name).toBe('qms');
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
    expect(error.details).toEqual({ option: 'subjectFields' });
    const blank = await expectConfigError(() => qualio({ auth, subjectFields: { audit: '' } }));
    expect(blank.details).toEqual({ option: 'subjectFields' });
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
