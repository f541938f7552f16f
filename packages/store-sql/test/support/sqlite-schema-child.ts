/**
 * Child process of the SQLite schema race. argv: database file, table, "v1" to expect a v1
 * table. Opens its own connection, prints READY, waits for GO on stdin, runs createSchema()
 * and prints OK or ERR with the error code.
 */
import { sqliteStore } from '../../src/index';

const [filename, table] = process.argv.slice(2) as [string, string];

async function main() {
  const store = sqliteStore({ filename, table, timeoutMs: 30_000 });
  await store.get('warm-up').catch(() => undefined); // opens the file before the barrier
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  try {
    await store.createSchema();
    process.stdout.write('OK\n');
  } catch (error) {
    process.stdout.write(`ERR ${(error as { code?: string }).code} ${(error as Error).message}\n`);
  } finally {
    await store.close();
  }
}

void main();
