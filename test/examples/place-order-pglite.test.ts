/**
 * The place-order saga end to end on the example services, on embedded PGlite
 * (a temporary directory) and the in-memory transport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { placeOrderSuite } from './place-order-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'saga-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

placeOrderSuite('PGlite', { db: () => dir });
