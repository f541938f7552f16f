/**
 * A signed event whose `metadata` value fails the typed schema: the PAYLOAD_SCHEMA_MISMATCH names
 * the path to `metadata` and masks the key, which is the sender's text (here a name and an SSN,
 * shaped like a field name so no "looks like an identifier" rule can tell it apart).
 */
import { errorReply, isHooklatchError, parseEvent } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';

const adapter = stripe({ secret: 'whsec_metadata_path_masking' });

const body = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'customer.created',
  created: 1700000000,
  livemode: false,
  data: {
    object: {
      id: 'cus_1',
      object: 'customer',
      email: 'a@b.c',
      created: 1,
      livemode: false,
      metadata: { alice_ssn_078051120: 1, 'bob-ssn-219-09-9999': 2 },
    },
  },
});

describe('stripe() PAYLOAD_SCHEMA_MISMATCH on a metadata value', () => {
  it('shows data.object.metadata.* and never the metadata keys', async () => {
    const signed = adapter.sign?.(body);
    if (signed === undefined) throw new Error('expected stripe() to sign');
    const error: unknown = await parseEvent(adapter, signed).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!isHooklatchError(error)) throw new Error('expected a hooklatch error');
    expect(error.code).toBe('PAYLOAD_SCHEMA_MISMATCH');
    expect(error.details.issues).toEqual([
      expect.objectContaining({ path: 'data.object.metadata.*' }),
      expect.objectContaining({ path: 'data.object.metadata.*' }),
    ]);
    const exposed = [error.message, JSON.stringify(error), errorReply(error).body].join('\n');
    expect(exposed).toContain('data.object.metadata.*');
    for (const text of ['alice', '078051120', 'bob', '219-09-9999']) {
      expect(exposed).not.toContain(text);
    }
  });
});
