/**
 * Golden dedupe keys of Qualio deliveries. The literals were computed once from the adapter; one
 * is then re-derived with node:crypto from the documented fp1 steps (docs/fingerprint.md), so a
 * vector cannot merely confirm whatever the code happens to do.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_APPROVED,
  hmacAdapter,
  hmacRequest,
  NC_STATUS,
  NC_UPDATED_BODY,
  parseAt,
} from './support/fixtures';

const VECTORS = [
  {
    name: "the issue's nc.updated body",
    body: NC_UPDATED_BODY,
    // Also core's own fp1 golden vector (packages/core/test/fingerprint.test.ts): the adapter
    // adds nothing of its own to the key when there is no changedField.
    key: 'fp1:e3a5a0cee2f6a5a5e2e04154223e35682b2659bef75c8bd0ba0f5c3362e9f4b5',
  },
  {
    name: 'a status change with changedField',
    body: JSON.stringify(NC_STATUS),
    key: 'fp1:fba59deb3c72fcfc1984ad167ad67dd7b00f430c786523ff43678086cac68af4',
  },
  {
    name: 'a document approval',
    body: JSON.stringify(DOCUMENT_APPROVED),
    key: 'fp1:149af8c390a756bd050424c8a66228d7fabcceb0266d8ebf88492a539770f6bc',
  },
] as const;

describe('golden fingerprint vectors', () => {
  for (const vector of VECTORS) {
    it(`${vector.name} -> a fixed fp1 key`, async () => {
      const event = await parseAt(hmacAdapter, hmacRequest(vector.body));
      expect(event.idSource).toBe('fingerprint');
      expect(event.id).toBe(vector.key);
      expect(event.dedupeKey).toBe(`qualio:${vector.key}`);
    });
  }

  it('the status-change vector matches an independent computation of the fp1 steps', () => {
    const sha = (data: string | Buffer) => createHash('sha256').update(data).digest();
    const part = (text: string) =>
      Buffer.concat([Buffer.from(`${Buffer.byteLength(text)}:`), Buffer.from(text)]);
    // Step 1-2: the body minus volatile fields (none present), keys sorted, no whitespace.
    const canonical =
      '{"changedBy":"jane.doe@example.com","changedField":"status","eventType":"nc.updated",' +
      '"ncId":"NC-2025-001","newValue":"under_investigation","previousValue":"open",' +
      '"status":"under_investigation","timestamp":"2025-01-05T10:15:32Z"}';
    expect(JSON.stringify(JSON.parse(canonical))).toBe(canonical);
    const parts = [
      'fp1',
      'qualio', // provider
      'NC-2025-001', // subject: ncId
      'nc.updated', // event type
      '2025-01-05T10:15:32.000Z', // step 3: the timestamp as ISO-8601 UTC with milliseconds
      '1', // one extra...
      'status', // ...the changed field
      sha(canonical).toString('hex'),
    ];
    const key = `fp1:${sha(Buffer.concat(parts.map(part))).toString('hex')}`;
    expect(key).toBe(VECTORS[1].key);
  });
});
