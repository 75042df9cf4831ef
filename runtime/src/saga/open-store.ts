/**
 * Opens a store from one string, as the CLI's `--db` takes it: a
 * `postgres://` / `postgresql://` URL, `memory:`, or a PGlite data directory.
 */
import { createMemorySagaStore } from './memory-store.js';
import type { SagaTableNames } from './migrations.js';
import { createPgSagaStore } from './pg-store.js';
import { createPGliteSagaStore } from './pglite-store.js';
import type { SagaStore } from './store.js';

/** Opens the store named by `db` (`postgres://…`, `memory:`, or a directory for PGlite). */
export async function openSagaStore(db: string, tables: Partial<SagaTableNames> = {}): Promise<SagaStore> {
  if (/^postgres(ql)?:\/\//.test(db)) return createPgSagaStore({ connectionString: db, max: 4, ...tables });
  if (db === 'memory:') return createMemorySagaStore();
  return createPGliteSagaStore({ dataDir: db.replace(/^pglite:/, ''), ...tables });
}
