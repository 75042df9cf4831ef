/**
 * `contractkit saga list|show|retry --db <url or dir>`: what operators need
 * to see and act on saga instances in a store (PostgreSQL URL, or a PGlite
 * data directory). `retry` resumes a parked instance (`compensation_failed`
 * or `failed`); a running orchestrator picks it up on its next poll.
 */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { openSagaStore, SAGA_STATUSES, SagaStoreUnavailableError, type SagaStatus, type SagaStore } from '../../../runtime/src/saga/index.js';
import { runAction } from '../../run.js';
import { EXIT } from '../../report.js';
import type { CommandContext, GlobalArgs } from '../../context.js';
import { formatInstance, formatInstanceTable } from './format.js';

interface SagaArgs extends GlobalArgs {
  db: string;
  schema?: string;
  table?: string;
}
interface ListArgs extends SagaArgs {
  status?: string[];
  saga?: string;
  limit: number;
}
interface IdArgs extends SagaArgs {
  id: string;
}

const dbOptions = <T>(y: Argv<T>) =>
  y
    .option('db', { type: 'string', demandOption: true, describe: 'postgres://… URL, or a PGlite data directory' })
    .option('schema', { type: 'string', describe: 'Schema of the saga tables (default public)' })
    .option('table', { type: 'string', describe: 'Instance table (default contractkit_sagas)' });

/** The URL as it may be printed: a password becomes `***`. */
function withoutPassword(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/** Opens the store and checks it answers, turning connection failures into a clear usage error. */
async function withStore<T>(args: SagaArgs, work: (store: SagaStore) => Promise<T>): Promise<T> {
  let store: SagaStore | undefined;
  try {
    store = await openSagaStore(args.db, { schema: args.schema, table: args.table });
    await store.init();
  } catch (err) {
    await store?.close().catch(() => undefined);
    const where = JSON.stringify(withoutPassword(args.db));
    // the PostgreSQL store names host and port and says what to check; other failures get the general advice
    if (err instanceof SagaStoreUnavailableError) throw new UsageError(`Cannot open the saga store ${where}: ${err.reason}`);
    const reason = ((err as Error)?.message || String(err)).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
    throw new UsageError(`Cannot open the saga store ${where}: ${reason}. Check that the database is up and the URL (or PGlite directory) is right.`);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function print(ctx: CommandContext, json: unknown, text: string) {
  ctx.out(ctx.format === 'json' ? JSON.stringify(json, null, 2) : text);
}

const list: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list',
  describe: 'List saga instances, newest first: status, step, age, last error',
  builder: (y) =>
    dbOptions(y)
      .option('status', { type: 'string', array: true, choices: [...SAGA_STATUSES], describe: 'Only these statuses' })
      .option('saga', { type: 'string', describe: 'Only this saga' })
      .option('limit', { type: 'number', default: 50, describe: 'At most this many' }) as Argv<ListArgs>,
  handler: (args) =>
    runAction(args, (ctx) =>
      withStore(args, async (store) => {
        const rows = await store.list({ status: args.status as SagaStatus[] | undefined, saga: args.saga, limit: args.limit });
        const counts = await store.counts();
        const summary = SAGA_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ') || 'empty';
        print(ctx, { counts, instances: rows }, formatInstanceTable(rows) + `\n${summary}\n`);
        return EXIT.clean;
      }),
    ),
};

const show: CommandModule<GlobalArgs, IdArgs> = {
  command: 'show <id>',
  describe: 'Show one saga instance in full',
  builder: (y) => dbOptions(y).positional('id', { type: 'string', demandOption: true, describe: 'Saga instance id' }) as Argv<IdArgs>,
  handler: (args) =>
    runAction(args, (ctx) =>
      withStore(args, async (store) => {
        const i = await store.get(args.id);
        if (!i) throw new UsageError(`No saga instance ${JSON.stringify(args.id)} in ${args.db}.`);
        print(ctx, i, formatInstance(i));
        return EXIT.clean;
      }),
    ),
};

const retry: CommandModule<GlobalArgs, IdArgs> = {
  command: 'retry <id>',
  describe: 'Resume a parked instance (compensation_failed or failed)',
  builder: (y) => dbOptions(y).positional('id', { type: 'string', demandOption: true, describe: 'Saga instance id' }) as Argv<IdArgs>,
  handler: (args) =>
    runAction(args, (ctx) =>
      withStore(args, async (store) => {
        const resumed = await store.resume(args.id);
        if (!resumed) {
          const i = await store.get(args.id);
          throw new UsageError(
            i
              ? `Saga instance ${JSON.stringify(args.id)} is ${i.status}, not parked: only compensation_failed or failed instances can be retried.`
              : `No saga instance ${JSON.stringify(args.id)} in ${args.db}.`,
          );
        }
        print(ctx, resumed, `Resumed ${resumed.id} (${resumed.saga}@${resumed.version}): now ${resumed.status} at ${resumed.stepName || '-'}; a running orchestrator picks it up on its next poll.\n`);
        return EXIT.clean;
      }),
    ),
};

/** The `saga` command with its `list`, `show` and `retry` subcommands. */
export const sagaCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'saga <command>',
  describe: 'Inspect and resume saga instances in a store (--db)',
  builder: (y) =>
    y
      .command(list as never)
      .command(show as never)
      .command(retry as never)
      .demandCommand(1, 'Name a subcommand: list, show or retry.'),
  handler: () => undefined,
};
