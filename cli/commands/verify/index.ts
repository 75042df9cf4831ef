/**
 * `contractkit verify <contract> --url …`: checks a running provider against
 * its contract (property-based requests, every answer checked) and reports
 * the violations in the common report formats. Exit 1 on a violation, 2 when
 * nothing could be verified (the provider unreachable, no operations, a
 * contract that does not load), 0 when clean.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { OpenApiContract, ProtoContract } from '../../../contracts/model/types.js';
import { runAction } from '../../run.js';
import { EXIT, exitCodeFor, printFindings } from '../../report.js';
import { selectContracts } from '../../select-contracts.js';
import type { CommandContext, GlobalArgs } from '../../context.js';

interface VerifyArgs extends GlobalArgs {
  contract?: string;
  url?: string;
  target?: string;
  service?: string;
  runs: number;
  seed?: number;
  header: string[];
  timeout: number;
  consumer?: string;
  provider?: string;
}

/** The `verify` command. */
export const verifyCommand: CommandModule<GlobalArgs, VerifyArgs> = {
  command: 'verify [contract]',
  describe: 'Check a running provider against its contract (OpenAPI: --url, proto: --target)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('contract', { type: 'string', describe: 'The contract the provider implements (an OpenAPI file, or a proto file or buf module)' })
      .option('url', { type: 'string', describe: 'Base URL of the running HTTP provider (the contract paths are appended)' })
      .option('target', { type: 'string', describe: 'host:port of the running gRPC provider (plaintext)' })
      .option('service', { type: 'string', describe: 'With --target: verify only this service (pkg.Service)' })
      .option('runs', { type: 'number', default: 25, describe: 'Requests drawn per operation' })
      .option('seed', { type: 'number', describe: 'Seed of the drawn requests (a finding prints the seed that replays it; default: random)' })
      .option('header', { type: 'string', array: true, default: [] as string[], describe: "A header (gRPC: metadata) sent with every request, 'Name: value' (repeatable; for Authorization)" })
      .option('timeout', { type: 'number', default: 5000, describe: 'Per-request timeout in milliseconds' })
      .option('consumer', { type: 'string', describe: 'Offline check: a folder of consumer source (or a generated REST client) whose operation calls must exist in --provider' })
      .option('provider', { type: 'string', describe: 'With --consumer: the provider OpenAPI contract' }) as Argv<VerifyArgs>,
  handler: (args) =>
    runAction(args, async (ctx) => {
      if (args.consumer !== undefined) return verifyConsumer(ctx, args);
      if (!args.contract) throw new UsageError('Name the contract to verify: contractkit verify <contract> --url http://host:port');
      if (!Number.isInteger(args.runs) || args.runs < 1) throw new UsageError(`--runs must be a whole number of at least 1 (got ${args.runs}).`);
      const specs = selectContracts(ctx, [args.contract]);
      if (specs.length !== 1) throw new UsageError(`${args.contract} holds ${specs.length} contracts; name one file to verify.`);
      const spec = specs[0]!;
      if (spec.kind === 'proto') return verifyGrpc(ctx, args, specs);
      if (spec.kind !== 'openapi') throw new UsageError(`${args.contract} is a ${spec.kind} contract; verify checks OpenAPI providers (--url) and gRPC providers (--target).`);
      if (args.target !== undefined) throw new UsageError(`--target is for gRPC providers of a proto contract; ${args.contract} is OpenAPI: pass --url http://host:port.`);
      if (!args.url) throw new UsageError('An OpenAPI provider is verified over HTTP: pass --url http://host:port (its base URL).');
      if (!/^https?:\/\//.test(args.url)) throw new UsageError(`--url must be an http(s) URL (got '${args.url}').`);
      const loaded = await loadContracts(specs, ctx.loadOptions);
      if (!loaded.usable) {
        printFindings(loaded.findings, ctx, 'verify');
        return EXIT.usage;
      }
      const contract = loaded.model.contracts[0] as OpenApiContract;
      const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31);
      const { verifyOpenApi } = await import('../../../verify/openapi/verify-openapi.js');
      const result = await verifyOpenApi(contract, { url: args.url, runs: args.runs, seed, headers: parseHeaders(args.header), timeoutMs: args.timeout, log: args.quiet ? undefined : (l) => ctx.err(`  ${l}`) });
      printFindings(result.findings, ctx, 'verify');
      ctx.err(`verify: ${result.operations} operation(s), ${result.requests} request(s), seed ${seed}: ${result.findings.length === 0 ? 'no violations' : `${result.findings.length} violation(s)`}.`);
      return exitCodeFor(result.findings, ctx.failOn);
    }),
};

/** `verify <proto> --target host:port`: a running gRPC provider against its proto contract. */
async function verifyGrpc(ctx: CommandContext, args: VerifyArgs, specs: ReturnType<typeof selectContracts>): Promise<number> {
  if (args.url !== undefined) throw new UsageError(`--url is for HTTP providers; ${args.contract} is a proto contract: pass --target host:port.`);
  if (!args.target) throw new UsageError('A gRPC provider is verified over gRPC: pass --target host:port.');
  if (!/^[^\s/:]+:\d+$|^\[[0-9a-f:]+\]:\d+$/i.test(args.target)) throw new UsageError(`--target must be host:port (got '${args.target}').`);
  const loaded = await loadContracts(specs, ctx.loadOptions);
  if (!loaded.usable) {
    printFindings(loaded.findings, ctx, 'verify');
    return EXIT.usage;
  }
  const contract = loaded.model.contracts[0] as ProtoContract;
  const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31);
  const { verifyProto } = await import('../../../verify/proto/verify-proto.js');
  const metadata = Object.fromEntries(Object.entries(parseHeaders(args.header)).map(([k, v]) => [k.toLowerCase(), v]));
  const result = await verifyProto(contract, { target: args.target, runs: args.runs, seed, service: args.service, metadata, timeoutMs: args.timeout, log: args.quiet ? undefined : (l) => ctx.err(`  ${l}`) });
  printFindings(result.findings, ctx, 'verify');
  const statuses = Object.entries(result.statuses).map(([k, n]) => `${k} ${n}`).join(', ');
  ctx.err(`verify: ${result.operations} rpc(s), ${result.requests} call(s) (${statuses}), seed ${seed}: ${result.findings.length === 0 ? 'no violations' : `${result.findings.length} violation(s)`}.`);
  return exitCodeFor(result.findings, ctx.failOn);
}

/** `--consumer <dir> --provider <openapi>`: the operations the consumer calls, against the provider's contract. */
async function verifyConsumer(ctx: CommandContext, args: VerifyArgs): Promise<number> {
  const providerPath = args.provider ?? args.contract;
  if (!providerPath) throw new UsageError('Name the provider contract: contractkit verify --consumer <dir> --provider <openapi>');
  const dir = resolve(ctx.cwd, args.consumer!);
  if (!existsSync(dir)) throw new UsageError(`--consumer ${args.consumer}: no such file or folder.`);
  const specs = selectContracts(ctx, [providerPath]);
  if (specs.length !== 1 || specs[0]!.kind !== 'openapi') throw new UsageError(`--provider ${providerPath} must be one OpenAPI contract.`);
  const loaded = await loadContracts(specs, ctx.loadOptions);
  if (!loaded.usable) {
    printFindings(loaded.findings, ctx, 'verify');
    return EXIT.usage;
  }
  const { usedOperations } = await import('../../../verify/consumer/used-operations.js');
  const { checkConsumer } = await import('../../../verify/consumer/check-consumer.js');
  const used = usedOperations(dir);
  if (used.length === 0) throw new UsageError(`${args.consumer} calls no operation (no callOperation, callAccepted or paginateOperation with a literal method and path): nothing to check. Point --consumer at a generated REST client or the code that uses one.`);
  const findings = checkConsumer(used, loaded.model.contracts[0] as OpenApiContract);
  printFindings(findings, ctx, 'verify');
  ctx.err(`verify: ${used.length} operation call(s) in ${args.consumer} against ${providerPath}: ${findings.length === 0 ? 'all declared' : `${findings.length} missing`}.`);
  return exitCodeFor(findings, ctx.failOn);
}

/** `Name: value` strings as a header record. */
function parseHeaders(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at <= 0) throw new UsageError(`--header '${line}' is not 'Name: value'.`);
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}
