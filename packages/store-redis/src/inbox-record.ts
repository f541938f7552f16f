/**
 * Entry hashes of the Redis inbox <-> entries. Field names are one or two letters (see
 * inbox-scripts.ts); times are epoch ms by the Redis clock, the body is base64.
 */
import type { InboxEntry, InboxEntrySummary, InboxState } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';
import { SUMMARY_FIELDS } from './inbox-scripts';

type Fields = Record<string, string | null | undefined>;

const FINISHED_AT = 8_640_000_000_000_000;
const set = (value: string | null | undefined): value is string =>
  value !== null && value !== undefined && value !== '';

function summaryFrom(f: Fields): InboxEntrySummary {
  const summary: InboxEntrySummary = {
    key: f.k === '-' ? String(f.sk) : decodeKey(String(f.k)),
    provider: String(f.p),
    type: String(f.y),
    state: String(f.s) as InboxState,
    attempts: Number(f.a),
    fence: Number(f.f),
    receivedAt: new Date(Number(f.r)),
    enqueuedAt: new Date(Number(f.q)),
    replays: Number(f.n ?? 0),
    bodyBytes: Number(f.bl ?? 0),
  };
  const available = Number(f.v);
  if (available < FINISHED_AT) summary.availableAt = new Date(available);
  if (set(f.z)) summary.finishedAt = new Date(Number(f.z));
  if (set(f.ec)) summary.lastError = { code: f.ec, message: String(f.em ?? '') };
  if (set(f.rr)) summary.replayReason = f.rr;
  if (set(f.rt)) summary.replayedAt = new Date(Number(f.rt));
  if (set(f.x)) summary.keyIndex = Number(f.x);
  if (set(f.g)) summary.digest = f.g;
  return summary;
}

/** A summary from the values of {@link SUMMARY_FIELDS}, in that order. */
export function summaryOf(values: ReadonlyArray<string | null>): InboxEntrySummary {
  const fields: Fields = {};
  SUMMARY_FIELDS.forEach((name, i) => {
    fields[name] = values[i];
  });
  return summaryFrom(fields);
}

/** A whole entry from an HGETALL reply (a flat field/value list). */
export function entryOf(flat: ReadonlyArray<string>): InboxEntry {
  const fields: Fields = {};
  for (let i = 0; i < flat.length; i += 2) fields[String(flat[i])] = flat[i + 1];
  const entry: InboxEntry = {
    ...summaryFrom(fields),
    method: String(fields.m),
    headers: JSON.parse(String(fields.h ?? '{}')) as Record<string, string>,
    body: new Uint8Array(Buffer.from(String(fields.b ?? ''), 'base64')),
  };
  if (set(fields.t)) entry.token = fields.t;
  return entry;
}
