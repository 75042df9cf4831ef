/**
 * `contractkit mock <contract>`: serves a mock of an OpenAPI (or proto) contract until
 * Ctrl-C (mock/ holds the server; this file is arguments and printing).
 */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { startMock } from '../../../mock/index.js';
import { runAction } from '../../run.js';
import { EXIT, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { GlobalArgs } from '../../context.js';

interface MockArgs extends GlobalArgs {
  contract: string;
  port: number;
  host: string;
  seed: number;
  stateful: boolean;
  scenarios?: string;
  latency: number;
  'failure-rate': number;
}

/** The `mock` command. */
export const mockCommand: CommandModule<GlobalArgs, MockArgs> = {
  command: 'mock <contract>',
  describe: 'Serve a mock of an OpenAPI contract (examples or seeded samples, state, scenarios, failure injection) or of a proto contract (grpc-js)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('contract', { type: 'string', demandOption: true, describe: 'The OpenAPI contract (or proto directory) to mock' })
      .option('port', { type: 'number', default: 4010, describe: 'Port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
      .option('seed', { type: 'number', default: 1, describe: 'Seed of the generated samples and of --failure-rate' })
      .option('stateful', { type: 'boolean', default: false, describe: 'Keep what is POSTed or PUT; GET, PATCH and DELETE act on it' })
      .option('scenarios', { type: 'string', describe: 'A YAML file of scenarios (given state, when request, then response)' })
      .option('latency', { type: 'number', default: 0, describe: 'Delay every answer by this many milliseconds' })
      .option('failure-rate', { type: 'number', default: 0, describe: 'Share of requests (0-1) answered 503 with Retry-After (seeded)' }) as Argv<MockArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      if (!(args['failure-rate'] >= 0 && args['failure-rate'] <= 1)) throw new UsageError(`--failure-rate must be between 0 and 1 (got ${args['failure-rate']}).`);
      if (!(args.latency >= 0)) throw new UsageError(`--latency must be 0 or more milliseconds (got ${args.latency}).`);
      const specs = selectContracts(ctx, [args.contract]);
      if (specs.length === 0) throw new UsageError(`No contract found at ${args.contract}.`);
      if (specs.length > 1) throw new UsageError(`${args.contract} holds ${specs.length} contracts; mock one file at a time.`);
      const loaded = await loadContracts(specs, ctx.loadOptions);
      if (!loaded.usable) {
        printFindings(loaded.findings, ctx, 'mock');
        return EXIT.usage;
      }
      const mock = await startMock(loaded.model.contracts[0]!, {
        port: args.port,
        host: args.host,
        seed: args.seed,
        stateful: args.stateful,
        scenarios: args.scenarios,
        latencyMs: args.latency,
        failureRate: args['failure-rate'],
        log: (line) => ctx.err(line),
      });
      ctx.out(`Mock of ${specs[0]!.path} listening on ${mock.url}\n${mock.routes.map((r) => `  ${r}`).join('\n')}`);
      // serve until Ctrl-C (or SIGTERM), then close the server and exit clean
      await new Promise<void>((resolve) => {
        const stop = () => void mock.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return EXIT.clean;
    }),
};
