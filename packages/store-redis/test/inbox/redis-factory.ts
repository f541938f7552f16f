/** Child-process factory of the Redis inbox suite: its own connection, the parent's prefix. */
import type { InboxStore } from '@hooklatch/core';
import { redisInbox } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';

const clients = new Map<InboxStore, Redis>();

export async function createInbox(queue: string) {
  const client = new Redis(process.env.HOOKLATCH_REDIS_URL as string, { maxRetriesPerRequest: 1 });
  const inbox = redisInbox({ client, prefix: process.env.HOOKLATCH_INBOX_PREFIX, queue });
  clients.set(inbox, client);
  return inbox;
}

export async function closeInbox(inbox: InboxStore) {
  clients.get(inbox)?.disconnect();
}
