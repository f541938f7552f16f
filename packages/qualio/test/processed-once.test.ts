import { memoryStore, parseEvent, processOnce } from '@hooklatch/core';
import { assertProcessedOnce } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { hmacAdapter, hmacRequest, NC_COMMENT, NC_STATUS, RECEIVED_AT } from './support/fixtures';

const parseOptions = { receivedAt: RECEIVED_AT };

describe('exactly once in effect', () => {
  it('collapses concurrent and later copies of a fingerprinted delivery to one run', async () => {
    const report = await assertProcessedOnce({
      adapter: hmacAdapter,
      request: () => hmacRequest(NC_STATUS),
      parseOptions,
    });
    expect(report.runs).toBe(1);
    expect(report.event.idSource).toBe('fingerprint');
  });

  it('collapses retries that were re-serialized in between', async () => {
    let copy = 0;
    const report = await assertProcessedOnce({
      adapter: hmacAdapter,
      // Every copy is formatted differently; the signature is over each copy's own bytes.
      request: () => hmacRequest(JSON.stringify(NC_STATUS, null, copy++ % 3)),
      parseOptions,
    });
    expect(report.runs).toBe(1);
  });

  it('collapses retries of one delivery ID', async () => {
    const report = await assertProcessedOnce({
      adapter: hmacAdapter,
      request: () => hmacRequest(NC_STATUS, { deliveryId: 'dlv-once' }),
      parseOptions,
    });
    expect(report.event.dedupeKey).toBe('qualio:dlv-once');
  });

  it('runs two rapid edits of one record in the same second once each', async () => {
    const store = memoryStore();
    const runs: string[] = [];
    for (const body of [NC_STATUS, NC_COMMENT, NC_STATUS, NC_COMMENT]) {
      const event = await parseEvent(hmacAdapter, hmacRequest(body), parseOptions);
      await processOnce(store, event, async (e) => {
        runs.push(String(e.meta.changedField));
        return null;
      });
    }
    expect(runs).toEqual(['status', 'comment']);
  });

  it('runs an edit that changes only a number no double holds (a 64-bit ID, 1e400)', async () => {
    const store = memoryStore();
    const runs: string[] = [];
    const edits = ['9007199254740993', '9007199254740992', '1e400', 'null', '-1e400'];
    for (const value of edits) {
      // Written as text: JSON.stringify could not even spell these numbers.
      const body = JSON.stringify(NC_STATUS).replace(/}$/, `,"assigneeId":${value}}`);
      const event = await parseEvent(hmacAdapter, hmacRequest(body), parseOptions);
      const outcome = await processOnce(store, event, () => {
        runs.push(value);
      });
      expect(outcome.outcome, value).toBe('processed');
    }
    expect(runs).toEqual(edits);
  });
});
