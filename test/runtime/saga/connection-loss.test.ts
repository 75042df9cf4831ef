/**
 * Connections lost mid-run, on the local PostgreSQL (127.0.0.1:5432, db test,
 * a schema of its own per run): while one orchestrator works N sagas
 * (SAGA_CONNLOSS_N, default 300), the server terminates every connection of
 * the saga store (found by its application_name) at fixed points of the work
 * — the 20th, 45th and 70th percentile of calls, the last one twice in a row.
 * The orchestrator reconnects and carries on: at the end every saga is
 * completed or compensated as its script says, none is lost, none ended
 * twice, no two calls of one saga ever ran at once, and every effect was
 * applied once (repeats of a call carry the same idempotency key).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgSagaStore, createSagaRuntime, defineSaga, NonRetryableError, type SagaStepContext, type SagaStore } from '../../../runtime/src/saga/index.js';

const URL = process.env.SAGA_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = Number(process.env.SAGA_CONNLOSS_N ?? 300);
const run = randomUUID().slice(0, 8);
const schema = `saga_connloss_${run}`;
const appName = `ck-saga-connloss-${run}`;
/** Every fourth saga is refused at the pivot and compensates. */
const refused = (i: number) => i % 4 === 0;

let admin: pg.Client;
let store: SagaStore;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: URL });
  await admin.connect();
});
afterAll(async () => {
  await store?.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

it(`${N} sagas survive the server terminating the store's connections mid-run`, async () => {
  // participants: effects applied once per idempotency key, deliveries counted; overlapping calls of one saga recorded
  const effects = new Map<string, { saga: string; what: string; deliveries: number }>();
  const inFlight = new Set<string>();
  const overlaps: string[] = [];
  let calls = 0;
  const killAt = new Set([Math.floor(N * 3 * 0.2), Math.floor(N * 3 * 0.45), Math.floor(N * 3 * 0.7)]);
  const kills: number[] = [];
  const terminate = async () => {
    const { rows } = await admin.query(`SELECT count(pg_terminate_backend(pid))::integer AS n FROM pg_stat_activity WHERE application_name = $1`, [appName]);
    kills.push(rows[0].n);
  };
  const participant = (what: string, refuse?: (i: number) => boolean) => async (d: { i: number }, ctx: SagaStepContext) => {
    if (inFlight.has(ctx.sagaId)) overlaps.push(`${ctx.sagaId} ${what}`);
    inFlight.add(ctx.sagaId);
    try {
      const n = ++calls;
      // the kill comes while the other workers' statements are in flight, and before this call's commit
      if (killAt.has(n)) {
        await terminate();
        if (n === Math.floor(N * 3 * 0.7)) await terminate(); // again, while the pool reconnects
      }
      await new Promise((r) => setImmediate(r));
      if (refuse?.(d.i)) throw new NonRetryableError('refused');
      const e = effects.get(ctx.idempotencyKey);
      if (e) e.deliveries++;
      else effects.set(ctx.idempotencyKey, { saga: ctx.sagaId, what, deliveries: 1 });
      return d;
    } finally {
      inFlight.delete(ctx.sagaId);
    }
  };
  const saga = defineSaga<{ i: number }>({
    name: 'connloss',
    version: 1,
    steps: [
      { name: 'a', invoke: participant('do a'), compensate: participant('undo a') },
      { name: 'b', pivot: true, invoke: participant('do b', refused) },
      { name: 'c', invoke: participant('do c') },
    ],
  });

  store = await createPgSagaStore({ connectionString: URL, schema, max: 4, applicationName: appName });
  const ended = new Map<string, string[]>();
  const errors: string[] = [];
  const rt = createSagaRuntime({
    store,
    sagas: [saga],
    concurrency: 8,
    leaseMs: 1000, // steps take microseconds; an instance whose commit was cut off is taken up again after this
    pollMs: 10,
    forwardRetry: { delayMs: 5, maxDelayMs: 20 },
    onEvent: (e) => {
      if (e.type === 'saga.completed' || e.type === 'saga.compensated' || e.type === 'saga.failed') ended.set(e.sagaId, [...(ended.get(e.sagaId) ?? []), e.type]);
    },
    onError: (err) => void errors.push((err as Error).message),
  });
  for (let i = 0; i < N; i++) await rt.start('connloss', { i }, { sagaId: `s${i}` });
  await rt.run();

  // wait on the admin connection (the store's are the ones being killed) until no instance is active
  const budgetMs = Math.max(60_000, N * 100);
  const until = Date.now() + budgetMs;
  for (;;) {
    const { rows } = await admin.query(`SELECT count(*)::integer AS n FROM ${schema}.contractkit_sagas WHERE status IN ('running', 'compensating')`);
    if (rows[0].n === 0) break;
    if (Date.now() > until) throw new Error(`${rows[0].n} sagas still active after ${budgetMs} ms; store errors: ${errors.slice(0, 5).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await rt.stop();

  // the kills happened and hit the store's connections
  expect(kills.length).toBe(4);
  expect(kills.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(errors.length).toBeGreaterThan(0);

  // none lost: every saga is there and ended as its script says, once
  const { rows } = await admin.query(`SELECT id, status FROM ${schema}.contractkit_sagas ORDER BY id`);
  expect(rows.length).toBe(N);
  const byId = new Map(rows.map((r) => [r.id as string, r.status as string]));
  for (let i = 0; i < N; i++) {
    const want = refused(i) ? 'compensated' : 'completed';
    expect(byId.get(`s${i}`), `saga s${i}`).toBe(want);
    expect(ended.get(`s${i}`), `saga s${i} ended events`).toEqual([`saga.${want}`]);
  }

  // none ran twice: no overlapping calls, and each saga's effects are exactly its script's
  expect(overlaps).toEqual([]);
  const bySaga = new Map<string, string[]>();
  for (const e of effects.values()) bySaga.set(e.saga, [...(bySaga.get(e.saga) ?? []), e.what]);
  for (let i = 0; i < N; i++) expect((bySaga.get(`s${i}`) ?? []).sort(), `saga s${i}`).toEqual(refused(i) ? ['do a', 'undo a'] : ['do a', 'do b', 'do c']);
  const repeated = [...effects.values()].filter((e) => e.deliveries > 1).length;
  console.log(`connection loss: ${N} sagas, ${kills.join('+')} connections terminated, ${errors.length} store errors reported, ${repeated} calls repeated with the same key`);
}, 120_000);
