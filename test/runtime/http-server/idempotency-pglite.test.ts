/** The idempotency store on PGlite (PostgreSQL in wasm, in process): the same SQL as on PostgreSQL. */
import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { createPgliteIdempotencyStore } from '../../../runtime/src/http/server/idempotency/index.js';
import type { PGliteLike } from '../../../runtime/src/saga/index.js';
import { describeIdempotencyStore } from './idempotency-suite.js';

// one embedded database for the file (starting one takes seconds)
let db: Promise<PGlite> | undefined;
afterAll(async () => (await db)?.close());

describeIdempotencyStore('PGlite', async () => {
  db ??= PGlite.create();
  return createPgliteIdempotencyStore((await db) as unknown as PGliteLike, { table: 'idem_keys' });
});
