// Several auth schemes behind one `auth` option (docs/advanced/custom-adapter.md).

import type { WebhookEvent } from '@hooklatch/core';
import {
  type AuthConfig,
  createAdapter,
  readJsonObject,
  requireString,
  resolveVerifier,
  verifierFromAuth,
} from '@hooklatch/core/kit';

export interface PartnerOptions {
  /** One scheme, or several while moving from one to another (any one passing is enough). */
  auth?: AuthConfig | AuthConfig[];
  /** `false` accepts unauthenticated deliveries: a private network or a test, never by default. */
  verify?: false;
}

export function partner(options: PartnerOptions) {
  const auths = options.auth === undefined ? [] : [options.auth].flat();
  return createAdapter<WebhookEvent>({
    name: 'partner',
    retentionMs: 3 * 24 * 60 * 60 * 1000,
    // CONFIG_INVALID at startup for no auth at all, or for auth together with verify: false.
    verify: resolveVerifier('partner', {
      verifier: auths.map((auth) => verifierFromAuth('partner', auth)),
      verify: options.verify,
    }),
    parse(delivery) {
      const payload = readJsonObject(delivery, 'partner');
      return {
        type: requireString(payload, 'event', 'partner'),
        id: requireString(payload, 'eventId', 'partner'),
        idSource: 'event',
        payload,
      };
    },
  });
}

// partner({ auth: { scheme: 'bearer', tokens: [newToken, oldToken] } })
// partner({ auth: [{ scheme: 'basic', username, password }, { scheme: 'hmac', header, secret }] })
// partner({ verify: false }) // tests only
