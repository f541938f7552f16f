/** Helpers of the memory inbox, also handy for any backend that filters entries in code. */
import type {
  InboxEntry,
  InboxEntrySummary,
  InboxState,
  InboxStateCounts,
  InboxStats,
} from './types';

/** The filters replay and list share. */
export interface EntryFilter {
  key?: string | undefined;
  provider?: string | undefined;
  type?: string | undefined;
  /** Epoch ms, inclusive. */
  receivedFrom?: number | undefined;
  /** Epoch ms, exclusive. */
  receivedBefore?: number | undefined;
}

/** Whether `entry` passes every filter that is set. */
export function entryMatches(entry: InboxEntrySummary, filter: EntryFilter): boolean {
  const received = entry.receivedAt.getTime();
  return (
    (filter.key === undefined || entry.key === filter.key) &&
    (filter.provider === undefined || entry.provider === filter.provider) &&
    (filter.type === undefined || entry.type === filter.type) &&
    (filter.receivedFrom === undefined || received >= filter.receivedFrom) &&
    (filter.receivedBefore === undefined || received < filter.receivedBefore)
  );
}

/** Zero counts for every state. */
export function emptyCounts(): InboxStateCounts {
  return { pending: 0, running: 0, completed: 0, dead: 0 };
}

/** Counts by state of `entries`. */
export function stateCounts(entries: readonly InboxEntrySummary[]): InboxStateCounts {
  const counts = emptyCounts();
  for (const entry of entries) counts[entry.state] += 1;
  return counts;
}

/** The summary of a whole entry (no body, headers, method or token). */
export function summaryOf(entry: InboxEntry): InboxEntrySummary {
  const { body: _body, headers: _headers, method: _method, token: _token, ...summary } = entry;
  return { ...summary, ...(entry.lastError ? { lastError: { ...entry.lastError } } : {}) };
}

/** One group of a backend's count: how many entries of `provider` are in `state`. */
export interface InboxCount {
  provider: string;
  state: InboxState;
  count: number;
}

/** The stats of an inbox from its counts by provider and state, and its ready count. */
export function statsOf(counts: Iterable<InboxCount>, ready: number): InboxStats {
  const stats: InboxStats = { total: 0, states: emptyCounts(), providers: {}, ready };
  for (const { provider, state, count } of counts) {
    if (count === 0) continue;
    stats.total += count;
    stats.states[state] += count;
    const own = stats.providers[provider] ?? emptyCounts();
    own[state] += count;
    stats.providers[provider] = own;
  }
  return stats;
}
