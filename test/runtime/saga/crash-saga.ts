/**
 * The saga of the crash test and its participants: every call writes its
 * effect to PostgreSQL keyed by the idempotency key (a participant that
 * honors the key), counting deliveries. Shared by the worker processes and
 * the test's checks.
 */
import { defineSaga, NonRetryableError, type SagaStepContext } from '../../../runtime/src/saga/index.js';

/** The part of a pg Pool the participants use. */
export interface Querier {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/** Step names, in order; `c` is the pivot. */
export const CRASH_STEPS = ['a', 'b', 'c', 'd'] as const;

/** Index of a saga id `c<i>`. */
export const indexOf = (sagaId: string) => Number(sagaId.slice(1));
/** Sagas whose pivot refuses for good: they must end compensated. */
export const refusesAtPivot = (i: number) => i % 4 === 3;
/** Sagas whose step b fails once (retryable). */
export const flakyB = (i: number) => i % 5 === 2;
/** Sagas whose step d (after the pivot) fails twice (retried until it succeeds). */
export const flakyD = (i: number) => i % 7 === 0;

/** The participants' tables (in `schema`). */
export function participantTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.effects (key text PRIMARY KEY, saga_id text NOT NULL, step text NOT NULL, dir text NOT NULL, deliveries integer NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.crashes (key text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  ];
}

/**
 * The saga. `crashAfterEffect(key)` decides whether the process kills itself
 * right after a participant applied an effect and before the orchestrator
 * commits it: the worst step boundary.
 */
export function crashSaga(db: Querier, schema: string, crashAfterEffect: (key: string) => boolean) {
  const effect = async (ctx: SagaStepContext, dir: 'do' | 'undo') => {
    await new Promise((r) => setTimeout(r, Math.random() * 4));
    const { rows } = await db.query(
      `INSERT INTO ${schema}.effects (key, saga_id, step, dir, deliveries) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (key) DO UPDATE SET deliveries = effects.deliveries + 1 RETURNING deliveries`,
      [ctx.idempotencyKey, ctx.sagaId, ctx.step, dir],
    );
    if (crashAfterEffect(ctx.idempotencyKey)) {
      await db.query(`INSERT INTO ${schema}.crashes (key) VALUES ($1)`, [ctx.idempotencyKey]);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
    return rows[0].deliveries as number;
  };
  return defineSaga<{ done: string[] }>({
    name: 'crash-saga',
    version: 1,
    steps: CRASH_STEPS.map((name) => ({
      name,
      pivot: name === 'c',
      retry: name === 'd' ? { attempts: 'unlimited' as const, delayMs: 5, maxDelayMs: 20 } : { attempts: 3, delayMs: 5, maxDelayMs: 20 },
      timeoutMs: 5000,
      async invoke(data: { done: string[] }, ctx: SagaStepContext) {
        const i = indexOf(ctx.sagaId);
        if (name === 'b' && flakyB(i) && ctx.attempt === 1) throw new Error('b is briefly down');
        if (name === 'd' && flakyD(i) && ctx.attempt <= 2) throw new Error('d is briefly down');
        if (name === 'c' && refusesAtPivot(i)) throw new NonRetryableError('c refused');
        await effect(ctx, 'do');
        return { done: [...data.done, name] };
      },
      compensate: name === 'a' || name === 'b' ? async (_data: { done: string[] }, ctx: SagaStepContext) => void (await effect(ctx, 'undo')) : undefined,
    })),
  });
}
