/**
 * Side effects of the cross-process cases, kept in the backend under test: each handler run
 * enqueues one entry `<kind>|<pid>|<fence>|<uuid>|<entry key>` into the effects inbox (queue
 * `<queue>-fx`). A killed process cannot lose what it recorded, and counting goes through the
 * public `list`, so a double run shows up as two effects whatever process made them.
 */
import type { InboxDelivery, InboxStore } from '@hooklatch/core';

/** The effects-inbox delivery recording one effect. */
export function effectDelivery(key: string): InboxDelivery {
  return {
    key,
    provider: 'effect',
    type: key.slice(0, key.indexOf('|')),
    method: 'POST',
    headers: {},
    body: new Uint8Array(0),
    receivedAt: new Date(),
  };
}

/** One recorded effect. */
export interface RecordedEffect {
  kind: string;
  pid: number;
  fence: number;
  entryKey: string;
}

/** Every effect recorded in `effects`. */
export async function readEffects(effects: InboxStore): Promise<RecordedEffect[]> {
  const found: RecordedEffect[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await effects.list({ limit: 1_000, ...(cursor ? { cursor } : {}) });
    for (const { key } of page.entries) {
      const [kind, pid, fence, , ...rest] = key.split('|');
      found.push({
        kind: kind as string,
        pid: Number(pid),
        fence: Number(fence),
        entryKey: rest.join('|'),
      });
    }
    cursor = page.cursor;
    if (!cursor) return found;
  }
}

/** How many effects of `kind` each entry key has. */
export function effectCounts(
  effects: readonly RecordedEffect[],
  kind: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of effects)
    if (e.kind === kind) counts.set(e.entryKey, (counts.get(e.entryKey) ?? 0) + 1);
  return counts;
}
