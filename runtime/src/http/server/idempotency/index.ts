/**
 * Idempotency on the server (`Idempotency-Key`): {@link runIdempotent}, the
 * request fingerprint, and stores in memory, PostgreSQL and PGlite.
 */
export type { IdempotencyClaim, IdempotencyStore, StoredResponse } from './types.js';
export { canonicalJson, requestFingerprint } from './fingerprint.js';
export { createMemoryIdempotencyStore, type MemoryIdempotencyStoreOptions } from './memory-store.js';
export { createSqlIdempotencyStore, idempotencyTableSql, migrateIdempotencyTable, type SqlIdempotencyStoreOptions } from './sql-store.js';
export { createPgIdempotencyStore, createPgliteIdempotencyStore } from './pg-stores.js';
export { DEFAULT_IDEMPOTENCY_TTL_MS, MAX_IDEMPOTENCY_KEY_LENGTH, REPLAYED_HEADER, runIdempotent, type RunIdempotentOptions } from './run-idempotent.js';
