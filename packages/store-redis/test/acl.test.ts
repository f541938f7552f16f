/**
 * ACL refusals are setup errors, not outages (issue 10, item 10), proven with real users
 * created on the shared server (and deleted after): one without EVAL, one whose key pattern
 * excludes the prefix, a wrong password, and the least-privilege user the docs recommend.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { connectors, deleteKeys, ioredisClient } from './support/clients';
import { failure, setupError } from './support/failures';

const url = serverUrl('redis');
const long = { leaseMs: 60_000, ttlMs: 60_000 };
const prefix = `hl-acl-${randomBytes(4).toString('hex')}:`;

/**
 * The ACL rules docs/stores/redis.md recommends, read from the page itself (so the docs cannot
 * drift from what works), with the default prefix swapped for this suite's.
 */
function documentedRules(): string[] {
  const page = readFileSync(new URL('../../../docs/stores/redis.md', import.meta.url), 'utf8');
  const line = /^ACL SETUSER webhooks on >secret (.+)$/m.exec(page)?.[1];
  if (!line) throw new Error('docs/stores/redis.md lost its ACL SETUSER example');
  return line.split(' ').map((rule) => (rule === '~hooklatch:*' ? `~${prefix}*` : rule));
}

/** `url` with ACL credentials. */
function withUser(base: string, username: string, password: string): string {
  const parsed = new URL(base);
  parsed.username = username;
  parsed.password = password;
  return parsed.toString();
}

describe.skipIf(!url)('redis ACL refusals are CONFIG_INVALID', () => {
  let admin: Redis;
  const users: string[] = [];
  beforeAll(() => {
    admin = ioredisClient(url as string);
  });
  afterAll(async () => {
    if (users.length > 0) await admin.call('ACL', 'DELUSER', ...users);
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  /** An ACL user on the shared server with the given rules; deleted after the suite. */
  async function aclUser(...rules: string[]): Promise<{ username: string; password: string }> {
    const username = `hl-test-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    users.push(username);
    await admin.call('ACL', 'SETUSER', username, 'on', `>${password}`, ...rules);
    return { username, password };
  }

  for (const [name, connect] of Object.entries(connectors)) {
    describe(name, () => {
      /** Run `check` with a store over a connection as `user`. */
      async function asUser(
        user: { username: string; password: string },
        check: (store: ReturnType<typeof redisStore>) => Promise<void>,
      ) {
        const limited = await connect(withUser(url as string, user.username, user.password));
        try {
          await check(redisStore({ client: limited.client, prefix }));
        } finally {
          await limited.close();
        }
      }

      it('NOPERM: a user that may not run scripts', async () => {
        const user = await aclUser('~*', '&*', '+@all', '-eval', '-evalsha');
        await asUser(user, async (store) => {
          expect(await failure(store.claim('k', long))).toEqual(setupError('NOPERM'));
          // Plain reads are allowed for this user, so `get` still works.
          expect(await store.get('k')).toBeNull();
        });
      });

      it('NOPERM: a user whose key pattern excludes the prefix', async () => {
        const user = await aclUser('~elsewhere:*', '&*', '+@all');
        await asUser(user, async (store) => {
          expect(await failure(store.claim('k', long))).toEqual(setupError('NOPERM'));
          expect(await failure(store.get('k'))).toEqual(setupError('NOPERM'));
        });
      });

      it('the documented least-privilege user can do everything the store does', async () => {
        const user = await aclUser(...documentedRules());
        await asUser(user, async (store) => {
          const key = `lp-${name}`;
          const claim = await store.claim(key, { ...long, digest: 'sha256:x' });
          if (claim.status !== 'claimed') throw new Error('expected claimed');
          expect(await store.extend(key, claim.token, 60_000)).toBe(true);
          expect(await store.complete(key, claim.token, { ttlMs: 60_000, result: 1 })).toBe(true);
          expect((await store.claim(key, long)).status).toBe('completed');
          expect((await store.list?.())?.map((r) => r.key)).toEqual([key]);
          expect(await store.delete(key)).toBe(true);
          const again = await store.claim(key, long);
          if (again.status !== 'claimed') throw new Error('expected claimed');
          expect(await store.release(key, again.token)).toBe(true);
        });
      });
    });
  }

  it('WRONGPASS: ioredis with a wrong password', async () => {
    const user = await aclUser('~*', '&*', '+@all');
    const client = new Redis(withUser(url as string, user.username, 'wrong-password'), {
      maxRetriesPerRequest: 1,
      retryStrategy: () => null, // one attempt: the test only needs the first refusal
    });
    client.on('error', () => {});
    try {
      const store = redisStore({ client, prefix });
      expect(await failure(store.claim('k', long))).toEqual(setupError('WRONGPASS'));
    } finally {
      client.disconnect();
    }
  });
});
