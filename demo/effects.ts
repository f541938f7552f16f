/**
 * The application's own database: every handler writes its side effect here (the shipment, the
 * ticket, the CRM update). The invariant is checked by counting these rows per event, so it is
 * a fact read back from disk, not a counter the demo kept in memory. Deliberately no UNIQUE
 * constraint: a second run of one event would add a second row, and the check would see it.
 */
import Database from 'better-sqlite3';

/** One side effect, as a handler writes it. */
export interface Effect {
  key: string;
  provider: string;
  mode: 'direct' | 'inbox';
  action: string;
}

/** The effects table of one demo run. */
export interface EffectsDb {
  record(effect: Effect): void;
  /** Rows per event key. */
  countByKey(): Map<string, number>;
  close(): void;
}

/** Open (create) the effects database at `filename`. */
export function effectsDb(filename: string): EffectsDb {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS side_effects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    mode TEXT NOT NULL,
    action TEXT NOT NULL,
    at INTEGER NOT NULL
  )`);
  const insert = db.prepare(
    'INSERT INTO side_effects (event_key, provider, mode, action, at) VALUES (?, ?, ?, ?, ?)',
  );
  const counts = db.prepare(
    'SELECT event_key AS key, COUNT(*) AS n FROM side_effects GROUP BY event_key',
  );
  return {
    record({ key, provider, mode, action }) {
      insert.run(key, provider, mode, action, Date.now());
    },
    countByKey() {
      const rows = counts.all() as Array<{ key: string; n: number }>;
      return new Map(rows.map((row) => [row.key, row.n]));
    },
    close() {
      db.close();
    },
  };
}
