/**
 * A PostgreSQL saga store whose database cannot be used fails at start with
 * one clear line (host, port, database, what to check), never a hang: nothing
 * listening, a host that accepts and never answers (a dropped connection
 * attempt), a missing database, an unknown role. The runtime's `run()`
 * rejects with it and starts no loop; SQL errors pass through unchanged.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPgSagaStore, createSagaRuntime, defineSaga, pgConnectionError, pgRunner, pgTarget, SagaStoreUnavailableError } from '../../../runtime/src/saga/index.js';

const saga = defineSaga<null>({ name: 'noop', version: 1, steps: [{ name: 'only', invoke: async () => null }] });

describe('a saga database that cannot be used', () => {
  // accepts TCP connections and never says a word: what a black-holed or hung server looks like to a client
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
  });

  it('nothing listening: run() and start() reject with the host, port and what to check', async () => {
    const store = await createPgSagaStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    const rt = createSagaRuntime({ store, sagas: [saga] });
    const err = await rt.run().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SagaStoreUnavailableError);
    const e = err as SagaStoreUnavailableError;
    expect(e.message).toBe(
      'Cannot use the saga database at 127.0.0.1:1/test: connect ECONNREFUSED 127.0.0.1:1; nothing accepts connections at 127.0.0.1:1: check that PostgreSQL is running and the host and port in the URL.',
    );
    expect([e.code, e.target]).toEqual(['ECONNREFUSED', '127.0.0.1:1/test']);
    expect(e.message).not.toContain('\n');
    await expect(rt.start('noop', null)).rejects.toThrow(/^Cannot use the saga database at 127\.0\.0\.1:1\/test: connect ECONNREFUSED/);
    await rt.stop(); // nothing was started: stop has nothing to wait for
    await store.close();
  });

  it('a server that never answers: an error after connectTimeoutMs, not a hang', async () => {
    const port = (silent.address() as { port: number }).port;
    const store = await createPgSagaStore({ connectionString: `postgres://postgres:secret@127.0.0.1:${port}/orders`, connectTimeoutMs: 100 });
    const err = (await store.init().then(() => undefined, (e: unknown) => e)) as SagaStoreUnavailableError;
    expect(err).toBeInstanceOf(SagaStoreUnavailableError);
    expect(err.message).toBe(
      `Cannot use the saga database at 127.0.0.1:${port}/orders: Connection terminated due to connection timeout; no answer from 127.0.0.1:${port}: check the host and port in the URL and that no firewall drops the connection.`,
    );
    expect(err.message).not.toContain('secret');
    await store.close();
  });

  it('a missing database and an unknown role say what to fix', async () => {
    const noDb = await createPgSagaStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/contractkit_no_such_db' });
    await expect(noDb.init()).rejects.toThrow(
      'Cannot use the saga database at 127.0.0.1:5432/contractkit_no_such_db: database "contractkit_no_such_db" does not exist (3D000); create the database or fix its name in the URL.',
    );
    await noDb.close();
    const noRole = await createPgSagaStore({ connectionString: 'postgres://contractkit_no_such_role@127.0.0.1:5432/test' });
    await expect(noRole.init()).rejects.toThrow(/: role "contractkit_no_such_role" does not exist \(28000\); the server refused the login: check the user and password/);
    await noRole.close();
  });

  it('a pool the caller owns is named by its options; SQL errors pass through as they are', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test', max: 1 });
    const runner = pgRunner(pool, true);
    const sqlError = await runner.query('SELECT no_such_column FROM pg_class LIMIT 1').then(() => undefined, (e: unknown) => e);
    expect(sqlError).not.toBeInstanceOf(SagaStoreUnavailableError);
    expect((sqlError as { code?: string }).code).toBe('42703');
    await runner.close();
    expect(pgTarget({ host: 'db.internal', port: 6432, database: 'sagas' })).toBe('db.internal:6432/sagas');
    const plain = new Error('relation "x" does not exist');
    expect(pgConnectionError(plain, 'h:1/d')).toBe(plain);
  });
});
