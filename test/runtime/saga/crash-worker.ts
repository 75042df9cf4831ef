/**
 * One orchestrator process of the crash test (run by crash.test.ts after
 * transpiling). Env: SAGA_DB, SAGA_SCHEMA, SAGA_CRASH_P (probability of
 * killing itself right after a participant's effect), SAGA_CONCURRENCY.
 */
import pg from 'pg';
import { createPgSagaStore, createSagaRuntime } from '../../../runtime/src/saga/index.js';
import { crashSaga } from './crash-saga.js';

const url = process.env.SAGA_DB!;
const schema = process.env.SAGA_SCHEMA!;
const crashP = Number(process.env.SAGA_CRASH_P ?? '0');
const concurrency = Number(process.env.SAGA_CONCURRENCY ?? '4');

const participants = new pg.Pool({ connectionString: url, max: concurrency });
participants.on('error', () => undefined);
const store = await createPgSagaStore({ connectionString: url, schema, max: concurrency + 1 });
const rt = createSagaRuntime({
  store,
  sagas: [crashSaga(participants, schema, () => Math.random() < crashP)],
  concurrency,
  leaseMs: 1000,
  pollMs: 20,
  compensationRetry: { delayMs: 5, maxDelayMs: 20 },
  onError: (err) => process.stderr.write(`worker ${process.pid}: ${(err as Error).message}\n`),
});
rt.run();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await rt.stop();
  await store.close();
  await participants.end();
  process.exit(0);
});
