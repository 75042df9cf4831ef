/**
 * Saga steps per second with no-op participants: two orchestrator processes
 * on the local PostgreSQL, beside `pgbench -N` at the same client count on
 * the same server in the same run; then one process on embedded PGlite.
 *
 *   node dist/bench/saga-throughput.js [--sagas 2000] [--concurrency 4] [--pgbench-seconds 15] [--rounds 1]
 *
 * On a shared, busy machine the rates drift within a run: `--rounds 3`
 * alternates the saga run and pgbench three times and reports the median of
 * the per-round ratios beside each round.
 *
 * Each step costs one commit (the claim of the next saga rides on the last
 * step's commit, and statements are prepared once per connection), so the
 * database's commit rate is the ceiling: the figure that matters is the ratio.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPGliteSagaStore, createPgSagaStore, createSagaRuntime, defineSaga, type SagaStore } from '../runtime/src/saga/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const URL = process.env.SAGA_BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const STEPS = 4;

/** The benchmark saga: four no-op steps, the first three compensatable. */
const noop = defineSaga<{ n: number }>({
  name: 'bench-saga',
  version: 1,
  steps: Array.from({ length: STEPS }, (_, i) => ({
    name: `s${i}`,
    invoke: async (d: { n: number }) => ({ n: d.n + 1 }),
    compensate: i < STEPS - 1 ? async () => undefined : undefined,
  })),
});

async function waitAllDone(store: SagaStore, total: number): Promise<void> {
  // few, cheap polls: the watcher should not compete with the workers
  for (;;) {
    if ((await store.list({ status: ['running', 'compensating'], limit: 1 })).length === 0) {
      const c = await store.counts();
      if (c.completed >= total) return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function seed(store: SagaStore, sagas: number) {
  const rt = createSagaRuntime({ store, sagas: [noop] });
  for (let i = 0; i < sagas; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, sagas - i) }, (_, k) => rt.start('bench-saga', { n: 0 }, { sagaId: `b${i + k}` })));
  }
}

async function worker() {
  const schema = process.env.SAGA_BENCH_SCHEMA!;
  const concurrency = Number(process.env.SAGA_BENCH_CONCURRENCY);
  const store = await createPgSagaStore({ connectionString: URL, schema, max: concurrency });
  await store.init();
  const rt = createSagaRuntime({ store, sagas: [noop], concurrency, pollMs: 10 });
  process.stdout.write('ready\n');
  // start together: the parent says go on stdin
  process.stdin.once('data', () => {
    rt.run().catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(2);
    });
  });
  process.on('SIGTERM', async () => {
    await rt.stop();
    await store.close();
    process.exit(0);
  });
}

async function postgresRun(sagas: number, concurrency: number): Promise<number> {
  const schema = `saga_bench_${process.pid}`;
  const store = await createPgSagaStore({ connectionString: URL, schema, max: 8 });
  await seed(store, sagas);
  const self = fileURLToPath(import.meta.url);
  const children = [0, 1].map(() => spawn(process.execPath, [self, '--worker'], { env: { ...process.env, SAGA_BENCH_SCHEMA: schema, SAGA_BENCH_CONCURRENCY: String(concurrency) }, stdio: ['pipe', 'pipe', 'inherit'] }));
  await Promise.all(children.map((c) => new Promise((r) => c.stdout!.once('data', r))));
  const t0 = performance.now();
  for (const c of children) c.stdin!.write('go\n');
  await waitAllDone(store, sagas);
  const seconds = (performance.now() - t0) / 1000;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await store.close();
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
  return (sagas * STEPS) / seconds;
}

async function pgbenchRun(clients: number, seconds: number): Promise<number | string> {
  if (!existsSync(PGBENCH)) return `pgbench not found at ${PGBENCH}`;
  const db = 'contractkit_pgbench';
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
  if (rows.length === 0) await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new globalThis.URL(URL);
  const conn = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
  const init = spawnSync(PGBENCH, ['-i', '-s', '10', '-q', ...conn, db], { encoding: 'utf8' });
  if (init.status !== 0) return `pgbench -i failed: ${init.stderr}`;
  const r = spawnSync(PGBENCH, ['-N', '-c', String(clients), '-j', '2', '-T', String(seconds), ...conn, db], { encoding: 'utf8' });
  const m = /tps = ([\d.]+)/.exec(r.stdout);
  return m ? Number(m[1]) : `pgbench failed: ${r.stderr || r.stdout}`;
}

async function pgliteRun(sagas: number, concurrency: number): Promise<number> {
  const store = await createPGliteSagaStore();
  await seed(store, sagas);
  const rt = createSagaRuntime({ store, sagas: [noop], concurrency, pollMs: 10 });
  const t0 = performance.now();
  await rt.run();
  await waitAllDone(store, sagas);
  const seconds = (performance.now() - t0) / 1000;
  await rt.stop();
  await store.close();
  return (sagas * STEPS) / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const sagas = arg('sagas', 2000);
  const concurrency = arg('concurrency', 4);
  const rounds = Math.max(1, arg('rounds', 1));
  const clients = 2 * concurrency;
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const tag = rounds > 1 ? `[round ${round}/${rounds}] ` : '';
    const sagaRate = await postgresRun(sagas, concurrency);
    console.log(`${tag}saga steps/s, PostgreSQL, 2 processes × ${concurrency} workers (${sagas} sagas × ${STEPS} steps): ${sagaRate.toFixed(0)}`);
    const tps = await pgbenchRun(clients, arg('pgbench-seconds', 15));
    if (typeof tps !== 'number') {
      console.log(`pgbench skipped: ${tps}`);
      break;
    }
    console.log(`${tag}pgbench -N -c ${clients} -j 2: ${tps.toFixed(0)} tps`);
    console.log(`${tag}ratio saga steps/s ÷ pgbench tps: ${(sagaRate / tps).toFixed(2)}× (target ≥ 0.5×)`);
    ratios.push(sagaRate / tps);
  }
  if (ratios.length > 1) console.log(`median ratio over ${ratios.length} rounds: ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`);
  const liteSagas = Math.min(sagas, 500);
  const liteRate = await pgliteRun(liteSagas, concurrency);
  console.log(`saga steps/s, PGlite (embedded, one process, ${liteSagas} sagas): ${liteRate.toFixed(0)}`);
}

if (process.argv.includes('--worker')) await worker();
else await main();
