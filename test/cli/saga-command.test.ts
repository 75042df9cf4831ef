/**
 * `contractkit saga list|show|retry` end to end (the built CLI) on the local
 * PostgreSQL and on a PGlite directory: a parked instance is listed with its
 * error, shown, resumed by `retry`, then compensated by an orchestrator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPGliteSagaStore, createPgSagaStore, createSagaRuntime, defineSaga, NonRetryableError, type SagaStore } from '../../runtime/src/saga/index.js';
import { runCli } from './run-cli.js';

const URL = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `saga_cli_${process.pid}_${Math.floor(Math.random() * 1e6)}`;

function saga(undoWorks: () => boolean) {
  return defineSaga<{ n: number }>({
    name: 'cli-saga',
    version: 1,
    steps: [
      { name: 'reserve', invoke: async (d) => ({ n: d.n + 1 }), compensate: async () => {
        if (!undoWorks()) throw new Error('inventory service unavailable');
      } },
      { name: 'charge', invoke: async () => { throw new NonRetryableError('card declined'); } },
    ],
  });
}

async function park(store: SagaStore, id: string) {
  const rt = createSagaRuntime({ store, sagas: [saga(() => false)], compensationRetryLimit: 2, compensationRetry: { delayMs: 1 }, pollMs: 5 });
  await rt.start('cli-saga', { n: 0 }, { sagaId: id });
  await rt.drain();
  await rt.start('cli-saga', { n: 0 }, { sagaId: `${id}-ok` });
}

describe('contractkit saga on PostgreSQL', () => {
  const cwd = process.cwd();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('lists, shows and resumes a parked instance', async () => {
    const store = await createPgSagaStore({ connectionString: URL, schema, max: 2 });
    await park(store, 'order-1');

    const list = runCli(['saga', 'list', '--db', URL, '--schema', schema], cwd);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+SAGA\s+STATUS\s+STEP\s+AGE\s+ERROR$/m);
    expect(list.stdout).toMatch(/^order-1\s+cli-saga@1\s+compensation_failed\s+reserve\s+\d+s\s+compensate reserve: Error: inventory service unavailable/m);
    expect(list.stdout).toMatch(/^order-1-ok\s+cli-saga@1\s+running\s+reserve/m);
    expect(list.stdout).toContain('1 running, 1 compensation_failed');

    const filtered = runCli(['saga', 'list', '--db', URL, '--schema', schema, '--status', 'compensation_failed', '--format', 'json'], cwd);
    const parsed = JSON.parse(filtered.stdout);
    expect(parsed.instances.map((i: { id: string }) => i.id)).toEqual(['order-1']);

    const show = runCli(['saga', 'show', 'order-1', '--db', URL, '--schema', schema], cwd);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^status\s+compensation_failed$/m);
    expect(show.stdout).toMatch(/^attempts\s+charge:do=1, reserve:do=1, reserve:undo=2$/m);
    expect(show.stdout).toContain('(compensating after: charge: NonRetryableError: card declined)');

    const notParked = runCli(['saga', 'retry', 'order-1-ok', '--db', URL, '--schema', schema], cwd);
    expect(notParked.code).toBe(2);
    expect(notParked.stderr).toContain('is running, not parked');

    const retry = runCli(['saga', 'retry', 'order-1', '--db', URL, '--schema', schema], cwd);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('Resumed order-1 (cli-saga@1): now compensating at reserve');

    // the orchestrator, its participant fixed, finishes the compensation
    const rt = createSagaRuntime({ store, sagas: [saga(() => true)], pollMs: 5 });
    await rt.drain();
    expect((await store.get('order-1'))!.status).toBe('compensated');
    expect((await store.get('order-1-ok'))!.status).toBe('compensated');
    await store.close();
  });

  it('exits 2 with a clear message when the database is down or the instance is unknown', () => {
    const down = runCli(['saga', 'list', '--db', 'postgres://postgres@127.0.0.1:1/test'], cwd);
    expect(down.code).toBe(2);
    // one line: where, what, what to check; no stack trace, and never the password
    expect(down.stderr).toBe(
      'contractkit: Cannot open the saga store "postgres://postgres@127.0.0.1:1/test": connect ECONNREFUSED 127.0.0.1:1; nothing accepts connections at 127.0.0.1:1: check that PostgreSQL is running and the host and port in the URL.\n',
    );
    const login = runCli(['saga', 'list', '--db', 'postgres://contractkit_no_such_role:s3cret@127.0.0.1:5432/test'], cwd);
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/^contractkit: Cannot open the saga store "postgres:\/\/contractkit_no_such_role:\*\*\*@127\.0\.0\.1:5432\/test": role "contractkit_no_such_role" does not exist \(28000\); the server refused the login: check the user and password in the URL \(and pg_hba\.conf\)\.\n$/);
    const unknown = runCli(['saga', 'show', 'nope', '--db', URL, '--schema', schema], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No saga instance "nope"');
  });
});

describe('contractkit saga on a PGlite directory', () => {
  it('lists the instances an embedded orchestrator left there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saga-cli-pglite-'));
    try {
      const store = await createPGliteSagaStore({ dataDir: dir });
      await park(store, 'embedded-1');
      await store.close();
      const list = runCli(['saga', 'list', '--db', dir], process.cwd());
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/^embedded-1\s+cli-saga@1\s+compensation_failed\s+reserve/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
