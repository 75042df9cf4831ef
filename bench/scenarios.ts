/**
 * The benchmark scenarios: each runs contractkit and one or more peer tools
 * on the same input. Inputs come from npm packages (devDependencies), never
 * from the network at run time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../contracts/source/package-files.js';

/** A command to time. */
export interface BenchCommand {
  tool: string;
  label: string;
  cmd: string;
  args: string[];
  /** Runs of this command, when fewer than BENCH_RUNS make sense (a peer that takes a minute). */
  maxRuns?: number;
}

/** contractkit beside its peers on one input. */
export interface Scenario {
  name: string;
  description: string;
  cwd: string;
  ours: BenchCommand;
  peers: BenchCommand[];
  /** The target ratio from the issue, printed beside the measured one. */
  target?: string;
  /** Returns a reason to skip, or undefined when ready. */
  setup?: () => string | undefined;
}

const root = packageRoot();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const ck = join(root, 'bin', 'contractkit.js');
const spectralRuleset = join(root, 'bench', 'spectral-oas.yaml');
const github = join(root, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
const benchOut = join(tmpdir(), 'contractkit-bench');
const ghesDir = join(root, 'node_modules', '@octokit', 'openapi', 'generated');
const needs = (...files: string[]) => (): string | undefined => {
  const missing = files.find((f) => !existsSync(f));
  return missing ? `missing ${missing}` : undefined;
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'saga-postgres',
    description: 'Saga steps per second (no-op participants, 2 orchestrator processes × 4 workers, PostgreSQL) beside `pgbench -N -c 8` on the same server in the same run, then on embedded PGlite. The rates and their ratio are printed by `node dist/bench/saga-throughput.js` (this scenario only times it).',
    cwd: root,
    ours: { tool: 'contractkit', label: 'saga runtime, steps/s (see output)', cmd: process.execPath, args: [join(root, 'dist/bench/saga-throughput.js')] },
    peers: [],
    target: 'saga steps/s ≥ 0.5× pgbench tps',
  },
  ...(['rabbitmq', 'nats'] as const).map((broker): Scenario => ({
    name: `events-${broker}`,
    description: `Publish + consume 50,000 order.placed events through the generated events code (validated, confirmed) on ${broker === 'nats' ? 'NATS JetStream' : 'RabbitMQ'}, beside plain ${broker === 'nats' ? 'nats' : 'amqplib'} code.`,
    cwd: root,
    ours: { tool: 'contractkit', label: `generated events on ${broker}`, cmd: process.execPath, args: [join(root, 'dist/bench/events-throughput.js'), '--side', 'generated', '--broker', broker] },
    peers: [{ tool: broker === 'nats' ? 'nats' : 'amqplib', label: `plain ${broker === 'nats' ? 'nats' : 'amqplib'}`, cmd: process.execPath, args: [join(root, 'dist/bench/events-throughput.js'), '--side', 'plain', '--broker', broker] }],
    target: 'throughput ≥ 0.9× (wall ≤ 1.11×)',
  })),
  {
    name: 'breaking-ghes',
    description: 'Breaking changes from GitHub Enterprise Server 3.18 to 3.19 (ghes-3.18.json → ghes-3.19.json, 11 MB each, @octokit/openapi), full changelog (--level info); Redocly CLI 2\'s `redocly diff` (experimental) rates every change the same way.',
    cwd: ghesDir,
    ours: { tool: 'contractkit', label: 'contractkit breaking --level info', cmd: process.execPath, args: [ck, 'breaking', 'ghes-3.19.json', '--against', 'ghes-3.18.json', '--level', 'info', '--format', 'json'] },
    peers: [{ tool: 'redocly', label: 'redocly diff', cmd: bin('redocly'), args: ['diff', 'ghes-3.18.json', 'ghes-3.19.json', '--format', 'json', '--fail-on', 'none', '--lint-config', 'off'] }],
    target: 'wall ≤ 0.5×, memory ≤ 1×',
    setup: needs(join(ghesDir, 'ghes-3.18.json'), join(ghesDir, 'ghes-3.19.json'), bin('redocly')),
  },
  {
    name: 'lint-github',
    description: "Lint GitHub's REST description (13 MB, @octokit/openapi) with the recommended preset; Redocly with its recommended rules.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit lint (recommended), cold', cmd: process.execPath, args: [ck, 'lint', '--no-cache', '--format', 'json', github] },
    peers: [
      { tool: 'redocly', label: 'redocly lint (recommended)', cmd: bin('redocly'), args: ['lint', '--format', 'json', '--max-problems', '100000', github] },
      // about 47 s and 2.3 GB per run on this machine kind: once is enough
      { tool: 'spectral', label: 'spectral lint (spectral:oas)', cmd: bin('spectral'), args: ['lint', '--ruleset', spectralRuleset, '--format', 'json', '--quiet', github], maxRuns: 1 },
    ],
    target: 'wall ≤ 0.5× Redocly, memory ≤ 1× Redocly',
    setup: needs(github, bin('redocly')),
  },
  {
    name: 'lint-github-warm',
    description: "The same lint with nothing changed since the last run (content-hash cache), beside Redocly's full run.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit lint, warm cache', cmd: process.execPath, args: [ck, 'lint', '--format', 'json', github] },
    peers: [{ tool: 'redocly', label: 'redocly lint (recommended)', cmd: bin('redocly'), args: ['lint', '--format', 'json', '--max-problems', '100000', github] }],
    target: 'wall ≤ 0.1×',
    setup: () => {
      const missing = needs(github, bin('redocly'))();
      if (missing) return missing;
      // fill the cache once, so the measured runs find it
      spawnSync(process.execPath, [ck, 'lint', '--format', 'json', github], { cwd: root, stdio: 'ignore' });
      return undefined;
    },
  },
  {
    name: 'rest-client-github-vs-openapi-typescript',
    description: "Generate a typed client from GitHub's REST description (13 MB, 1,200+ operations); openapi-typescript generates types only.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit generate rest-client', cmd: process.execPath, args: [ck, 'generate', 'rest-client', github, '--out', join(benchOut, 'ck-fresh'), '--no-cache'] },
    peers: [{ tool: 'openapi-ts', label: 'openapi-typescript (types)', cmd: bin('openapi-typescript'), args: [github, '-o', join(benchOut, 'oats', 'github.ts')] }],
    target: 'wall ≤ 1.0×',
    setup: needs(github, bin('openapi-typescript')),
  },
  {
    name: 'rest-client-github-vs-hey-api',
    description: "Generate a typed client from GitHub's REST description; @hey-api/openapi-ts generates types + SDK (client-fetch).",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit generate rest-client', cmd: process.execPath, args: [ck, 'generate', 'rest-client', github, '--out', join(benchOut, 'ck-fresh2'), '--no-cache'] },
    peers: [{ tool: 'hey-api', label: '@hey-api/openapi-ts (types + sdk)', cmd: bin('openapi-ts'), args: ['-i', github, '-o', join(benchOut, 'hey'), '--silent', '--no-log-file'] }],
    target: 'wall ≤ 0.65×',
    setup: needs(github, bin('openapi-ts')),
  },
  {
    name: 'rest-client-github-regenerate',
    description: "`generate rest-client` on GitHub's description with nothing changed since the last run (content-hash cache; the whole CLI run). No peer caches generation.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'contractkit generate (cached)', cmd: process.execPath, args: [ck, 'generate', 'rest-client', github, '--out', join(benchOut, 'ck-regen')] },
    peers: [],
    target: 'wall ≤ 200 ms',
    setup: () => {
      const missing = needs(github)();
      if (missing) return missing;
      // generate once and once more (the second run finds its output unchanged and records it as settled)
      for (let i = 0; i < 2; i++) spawnSync(process.execPath, [ck, 'generate', 'rest-client', github, '--out', join(benchOut, 'ck-regen'), ...(i ? ['--no-cache'] : [])], { cwd: root, stdio: 'ignore' });
      return undefined;
    },
  },
  {
    name: 'rest-client-github-tsc',
    description: "tsc --noEmit (strict) on the generated GitHub client (types, 1,200+ operation functions, the grouped factory) vs on openapi-typescript's types for the same description used through openapi-fetch.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'tsc on contractkit client', cmd: process.execPath, args: [bin('tsc').replace(/\.bin\/tsc$/, 'typescript/bin/tsc'), '-p', join(benchOut, 'ck-tsc', 'tsconfig.json')] },
    peers: [{ tool: 'openapi-ts', label: 'tsc on openapi-typescript types', cmd: process.execPath, args: [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(benchOut, 'oats-tsc', 'tsconfig.json')] }],
    target: 'wall ≤ 1.0×',
    setup: () => needs(github, bin('openapi-typescript'))() || prepareTscBench(),
  },
  {
    name: 'rest-client-github-tsc-js-dts',
    description:
      "The same tsc --noEmit, with the client generated with `target: 'js+dts'` (JavaScript + declarations, as protoc-gen-es's target=js+dts; skipLibCheck as in most projects) vs openapi-typescript's types through openapi-fetch.",
    cwd: root,
    ours: { tool: 'contractkit', label: 'tsc on contractkit client (js+dts)', cmd: process.execPath, args: [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(benchOut, 'ck-tsc-dts', 'tsconfig.json')] },
    peers: [{ tool: 'openapi-ts', label: 'tsc on openapi-typescript types', cmd: process.execPath, args: [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(benchOut, 'oats-tsc', 'tsconfig.json')] }],
    target: 'wall ≤ 1.0×',
    setup: () => needs(github, bin('openapi-typescript'))() || prepareTscBench() || prepareJsDtsBench(),
  },
  {
    name: 'rest-client-runtime-throughput',
    description:
      '20,000 GETs on loopback at concurrency 64: the http runtime (timeout, retry policy, breaker) vs plain fetch and openapi-fetch. `node dist/bench/rest-client-throughput.js interleaved` compares the three in alternating rounds in one process (steadier on a busy machine).',
    cwd: root,
    ours: { tool: 'contractkit', label: '@contractkit/runtime/http', cmd: process.execPath, args: [join(root, 'dist/bench/rest-client-throughput.js'), 'runtime'] },
    peers: [
      { tool: 'fetch', label: 'plain fetch', cmd: process.execPath, args: [join(root, 'dist/bench/rest-client-throughput.js'), 'fetch'] },
      { tool: 'openapi-fetch', label: 'openapi-fetch', cmd: process.execPath, args: [join(root, 'dist/bench/rest-client-throughput.js'), 'openapi-fetch'] },
    ],
    target: 'wall ≤ 1.05× fetch, ≤ 1.0× openapi-fetch',
  },
  {
    name: 'rest-server-throughput',
    description:
      'The generated REST server (routing, bearer hook, ajv parameter and body validation) beside plain node:http and fastify on the same two routes of the orders contract (GET an order, POST a new one), each server in its own process, loaded by autocannon on loopback in alternating rounds. The rates and ratios are printed by `node dist/bench/rest-server.js` (this scenario only times it).',
    cwd: root,
    ours: { tool: 'contractkit', label: 'generated server vs node:http, fastify (see output)', cmd: process.execPath, args: [join(root, 'dist/bench/rest-server.js')] },
    peers: [],
    target: 'generated ≥ 0.9× fastify requests/s',
  },
  {
    name: 'tracing-overhead',
    description:
      'REST (runtime http client → node:http server) and gRPC unary (generated OrderService stubs) on loopback with tracing on (the default: spans through @opentelemetry/api, W3C propagator registered, no SDK) beside `tracing: false` on both ends (and a second `tracing: false` side as a noise control), in one process, rotating rounds, then the hooks alone per call. The rates and the median per-round ratios are printed by `node dist/bench/tracing-overhead.js` (this scenario only times it).',
    cwd: root,
    ours: { tool: 'contractkit', label: 'tracing on / off, no SDK (see output)', cmd: process.execPath, args: [join(root, 'dist/bench/tracing-overhead.js')] },
    peers: [],
    target: 'throughput on / off ≥ 0.98×',
    setup: needs(join(root, 'node_modules', '@grpc', 'grpc-js', 'package.json')),
  },
  {
    name: 'grpc-stubs-vs-grpc-js',
    description:
      'gRPC on loopback: unary GetOrder calls (concurrency 64) and server-streamed orders through the generated stubs (deadlines, retry config, breaker) beside a hand-written grpc-js client/server with the same protobuf-es serializers, each side in its own process doing the same fixed work (16 rounds of 2,000 calls and 20,000 messages), so the wall-time ratio is the throughput ratio. Steadier on a busy machine: `node dist/bench/grpc-throughput.js` runs both sides in one process, alternating over 15 rounds, and prints the median of the per-round ratios over wall and CPU time.',
    cwd: root,
    ours: { tool: 'contractkit', label: 'generated grpc stubs', cmd: process.execPath, args: [join(root, 'dist', 'bench', 'grpc-throughput.js'), '--side', 'generated'] },
    peers: [{ tool: 'grpc-js', label: 'hand-written grpc-js', cmd: process.execPath, args: [join(root, 'dist', 'bench', 'grpc-throughput.js'), '--side', 'handwritten'] }],
    target: 'throughput ≥ 0.95× (wall ≤ 1.05×)',
    setup: needs(join(root, 'node_modules', '@grpc', 'grpc-js', 'package.json')),
  },
  {
    name: 'grpc-codec-protobuf-es-vs-protobufjs',
    description:
      'Encode/decode of small (orders.v1.Order, 162 bytes), large (ListOrdersResponse, 200 orders), repeated-heavy (bench.v1.Series) and map-heavy (bench.v1.Attributes) messages with protobuf-es, the generated `codec: fast` codecs and protobufjs static code (pbjs static-module), all built at run time and measured in one process over rotating rounds. Rates and ratios are printed by bench/grpc-throughput.ts --side codec.',
    cwd: root,
    ours: { tool: 'contractkit', label: 'protobuf-es, codec: fast, protobufjs rates', cmd: process.execPath, args: [join(root, 'dist', 'bench', 'grpc-throughput.js'), '--side', 'codec'] },
    peers: [],
    target: 'codec: fast ≥ 1.0× protobufjs static, encode and decode',
    setup: needs(join(root, 'node_modules', 'protobufjs-cli', 'bin', 'pbjs')),
  },
  {
    name: 'grpc-codecs-vs-grpc-js',
    description:
      'gRPC unary and server-streaming throughput on loopback with each codec beside hand-written grpc-js in one process (alternating rounds): hand-written grpc-js with protobuf-es serializers (baseline), the generated stubs with protobuf-es, the generated stubs with `codec: fast`, hand-written grpc-js with the `codec: fast` serializers. Ratios are printed by bench/grpc-throughput.ts.',
    cwd: root,
    ours: {
      tool: 'contractkit',
      label: 'grpc throughput per codec (see output)',
      cmd: process.execPath,
      args: [join(root, 'dist', 'bench', 'grpc-throughput.js'), '--sides', 'handwritten,generated,generated-fast,handwritten-fast'],
    },
    peers: [],
    setup: needs(join(root, 'node_modules', '@grpc', 'grpc-js', 'package.json')),
  },
];

/** Generates the GitHub client with `target: 'js+dts'` (through a config, where generator options live) and a tsconfig like the others. */
function prepareJsDtsBench(): string | undefined {
  const dir = join(benchOut, 'ck-tsc-dts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'contractkit.yaml'), `contracts:\n  github:\n    openapi: ${JSON.stringify(github)}\n    generate:\n      - target: rest-client\n        out: .\n        options: { target: js+dts }\n`);
  const r = spawnSync(process.execPath, [ck, 'generate'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) return `contractkit generate (js+dts) failed: ${r.stderr}`;
  writeFileSync(join(dir, 'use.ts'), "import { createGitHubSOfficialOpenAPISpecOctokitExtensionClient } from './index.js';\nexport const client = createGitHubSOfficialOpenAPISpecOctokitExtensionClient();\n");
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')], baseUrl: '.', paths: { '@contractkit/runtime/http': [join(root, 'runtime/dist/http/index.d.ts')] } }, include: ['*.ts'] }),
  );
  return undefined;
}

/** Generates both outputs once and writes a strict tsconfig beside each (runtime resolved to its sources). */
function prepareTscBench(): string | undefined {
  const ours = join(benchOut, 'ck-tsc');
  const theirs = join(benchOut, 'oats-tsc');
  const a = spawnSync(process.execPath, [ck, 'generate', 'rest-client', github, '--out', ours], { encoding: 'utf8' });
  if (a.status !== 0) return `contractkit generate failed: ${a.stderr}`;
  mkdirSync(theirs, { recursive: true });
  const b = spawnSync(bin('openapi-typescript'), [github, '-o', join(theirs, 'github.ts')], { encoding: 'utf8' });
  if (b.status !== 0) return `openapi-typescript failed: ${b.stderr}`;
  const tsconfig = (extra: object) =>
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [], typeRoots: [join(root, 'node_modules/@types')], ...extra }, include: ['*.ts'] });
  // both sides as a service sees them: the runtime through its published declarations (runtime/dist, built by `npm run bench`),
  // openapi-typescript's types through openapi-fetch (the way they are used), Node's types on both
  writeFileSync(join(theirs, 'use.ts'), "import createClient from 'openapi-fetch';\nimport type { paths } from './github.js';\nexport const client = createClient<paths>({ baseUrl: 'https://api.github.com' });\n");
  writeFileSync(join(ours, 'tsconfig.json'), tsconfig({ types: ['node'], baseUrl: '.', paths: { '@contractkit/runtime/http': [join(root, 'runtime/dist/http/index.d.ts')] } }));
  writeFileSync(join(theirs, 'tsconfig.json'), tsconfig({ types: ['node'], baseUrl: '.', paths: { 'openapi-fetch': [join(root, 'node_modules/openapi-fetch/dist/index.d.ts')] } }));
  return undefined;
}
