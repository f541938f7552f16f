/**
 * X-Shopify-Topic is not signed: a body failing the envelope names the topic in its message only
 * when the header is shaped like a topic, so a sender's header text never reaches the reply.
 */
import { errorReply, PayloadError, parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { shopify } from '../src/index';

const secret = 'shpss_topic_in_messages_secret';
const adapter = shopify({ secret });
// `id: true` fails the envelope under every topic, typed or not.
const payload = { id: true, email: 'someone@example.com' };

async function refusal(topic: string): Promise<PayloadError> {
  try {
    await parseEvent(adapter, signedShopifyRequest({ secret, topic, payload }));
  } catch (error) {
    if (error instanceof PayloadError) return error;
    throw error;
  }
  throw new Error('expected the delivery to be refused');
}

describe('shopify() names only topic-shaped X-Shopify-Topic values', () => {
  it.each([
    'SECRET-TOKEN-abc123 <script>alert(1)</script>',
    `orders/${'x'.repeat(200)}`,
    'orders/create/extra',
    'Orders/Create',
    'orders create',
    '../../etc/passwd',
  ])('leaves %j out of the message, details and reply', async (topic) => {
    const error = await refusal(topic);
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message.startsWith('shopify payload failed validation:')).toBe(true);
    const reply = errorReply(error).body;
    for (const text of [error.message, JSON.stringify(error.details), reply]) {
      for (const fragment of [
        'SECRET',
        'script',
        'xxxxxxxx',
        'extra',
        'Orders',
        'orders create',
        'etc',
      ]) {
        if (topic.includes(fragment)) expect(text).not.toContain(fragment);
      }
    }
  });

  it.each(['orders/create', 'app/uninstalled', 'bulk_operations/finish', 'shop/update'])(
    'still names a topic-shaped value (%s)',
    async (topic) => {
      const error = await refusal(topic);
      expect(error.code).toBe('PAYLOAD_INVALID');
      expect(error.message.startsWith(`shopify ${topic} payload failed validation:`)).toBe(true);
    },
  );
});
