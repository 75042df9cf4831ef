/**
 * Crash test on the local PostgreSQL: N sagas (SAGA_CRASH_N, default 1,000 as the issue asks)
 * across two orchestrator processes; one is killed with SIGKILL again and
 * again (by the test at random moments, and by itself right after a
 * participant applied an effect, before the orchestrator committed it) and
 * restarted. At the end every saga is completed or fully compensated and no
 * participant applied an effect twice: each call's idempotency key is the
 * same on every redelivery, so the participant's de-duplication absorbs them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgSagaStore, createSagaRuntime, type SagaStore } from '../../../runtime/src/saga/index.js';
import { CRASH_STEPS, crashSaga, flakyD, participantTablesSql, refusesAtPivot } from './crash-saga.js';

const URL = process.env.SAGA_TEST_DB ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = Number(process.env.SAGA_CRASH_N ?? 1000);
const schema = `saga_crash_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const root = join(import.meta.dirname, '..', '..', '..');
const build = join(root, 'node_modules', '.cache', 'contractkit-saga-crash', String(process.pid));

/** Transpiles the runtime's saga sources and the worker into `build` (no type check: tsc checks them in the project). */
function transpile() {
  const opts: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  // saga, the events files its lifecycle publisher imports (envelope, producer and theirs; no transports), and the tracing it opens spans with
  for (const dir of ['saga', 'events', 'tracing']) {
    mkdirSync(join(build, dir), { recursive: true });
    const src = join(root, 'runtime', 'src', dir);
    for (const f of readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      writeFileSync(join(build, dir, f.replace(/\.ts$/, '.js')), ts.transpileModule(readFileSync(join(src, f), 'utf8'), { compilerOptions: opts }).outputText);
    }
  }
  for (const f of ['crash-worker.ts', 'crash-saga.ts']) {
    const text = readFileSync(join(import.meta.dirname, f), 'utf8').replace('../../../runtime/src/saga/index.js', './saga/index.js');
    writeFileSync(join(build, f.replace(/\.ts$/, '.js')), ts.transpileModule(text, { compilerOptions: opts }).outputText);
  }
}

let admin: pg.Client;
let store: SagaStore;
beforeAll(async () => {
  transpile();
  admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  for (const sql of participantTablesSql(schema)) await admin.query(sql);
  store = await createPgSagaStore({ connectionString: URL, schema, max: 2 });
});
afterAll(async () => {
  await store?.close();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.end();
  rmSync(build, { recursive: true, force: true });
});

it(`${N} sagas survive repeated SIGKILLs of one of two orchestrators, each effect applied once`, async () => {
  // start every saga up front (idempotent on sagaId: starting twice changes nothing)
  const starter = createSagaRuntime({ store, sagas: [crashSaga(admin, schema, () => false)] });
  for (let i = 0; i < N; i++) await starter.start('crash-saga', { done: [] }, { sagaId: `c${i}` });
  expect((await starter.start('crash-saga', { done: [] }, { sagaId: 'c0' })).created).toBe(false);

  const spawnWorker = (crashP: number) =>
    spawn(process.execPath, [join(build, 'crash-worker.js')], {
      cwd: root,
      env: { ...process.env, SAGA_DB: URL, SAGA_SCHEMA: schema, SAGA_CRASH_P: String(crashP), SAGA_CONCURRENCY: '4' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  let running = true;
  let restarts = 0;
  let victim!: ChildProcess;
  let victimReady!: Promise<void>;
  const startVictim = () => {
    victim = spawnWorker(0.02);
    const v = victim;
    victimReady = new Promise((r) => v.stdout!.once('data', () => r()));
    victim.on('exit', () => {
      if (running) {
        restarts++;
        startVictim();
      }
    });
  };
  startVictim();
  const survivor = spawnWorker(0);
  let kills = 0;
  const killer = (async () => {
    while (running) {
      // kill at a random moment of its work: after it is up, 50–600 ms in
      await Promise.race([victimReady, new Promise((r) => setTimeout(r, 2000))]);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 550));
      if (running && victim.exitCode === null && victim.kill('SIGKILL')) kills++;
    }
  })();

  const budgetMs = Math.max(55_000, N * 150);
  const until = Date.now() + budgetMs;
  for (;;) {
    const c = await store.counts();
    if (c.running + c.compensating === 0) break;
    if (Date.now() > until) throw new Error(`sagas still active after ${budgetMs} ms: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  running = false;
  await killer;
  const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)));
  victim!.kill('SIGTERM');
  survivor.kill('SIGTERM');
  await Promise.all([exited(victim!), exited(survivor)]);

  // every saga ended completed or fully compensated, as its script says
  const counts = await store.counts();
  const compensatedWanted = Array.from({ length: N }, (_, i) => i).filter(refusesAtPivot).length;
  expect(counts).toMatchObject({ completed: N - compensatedWanted, compensated: compensatedWanted, compensation_failed: 0, failed: 0 });

  // each saga's effects are exactly those its outcome implies: do a..d, or do a,b and undo b,a
  const { rows } = await admin.query(`SELECT saga_id, step, dir, deliveries FROM ${schema}.effects`);
  const bySaga = new Map<string, string[]>();
  for (const r of rows) bySaga.set(r.saga_id, [...(bySaga.get(r.saga_id) ?? []), `${r.dir} ${r.step}`]);
  for (let i = 0; i < N; i++) {
    const want = refusesAtPivot(i) ? ['do a', 'do b', 'undo a', 'undo b'] : CRASH_STEPS.map((s) => `do ${s}`);
    expect((bySaga.get(`c${i}`) ?? []).sort(), `saga c${i}`).toEqual(want);
  }
  // the crashes that came right after an effect were redelivered with the same key and absorbed
  const { rows: crashed } = await admin.query(`SELECT DISTINCT c.key, e.deliveries FROM ${schema}.crashes c JOIN ${schema}.effects e USING (key)`);
  for (const c of crashed) expect(c.deliveries, c.key).toBeGreaterThanOrEqual(2);
  const redelivered = rows.filter((r) => r.deliveries > 1).length;
  const instances = await store.list({ limit: N });
  const flakyDone = instances.filter((x) => flakyD(Number(x.id.slice(1))) && !refusesAtPivot(Number(x.id.slice(1))));
  expect(flakyDone.every((x) => x.attempts['d:do']! >= 3)).toBe(true);
  console.log(`crash test: ${N} sagas, ${kills} kills by the test, ${crashed.length} self-kills after an effect, ${restarts} restarts, ${redelivered} calls redelivered and absorbed`);
}, Math.max(60_000, N * 200));
