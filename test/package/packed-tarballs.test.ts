/**
 * contractkit as a user outside this repository gets it. Both packages are
 * packed (`npm pack`), installed from the tarballs into a scratch git project
 * under the OS temp dir (the warm npm cache, `--prefer-offline`), and used
 * through `npx`: init, lint, breaking --against HEAD, generate for every
 * target; the output is compiled by plain `tsc` under the strictest settings
 * users turn on, and the compiled clients call small REST and gRPC servers.
 *
 * Each expensive step runs once, in order; a step that fails shows the
 * command's stderr. The tarballs hold the build in dist/ as it is (`npm test`
 * builds it first), so packing does not build twice.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { explain, git, run, scratchDir, succeeded } from './user-shell.js';

const ROOT = packageRoot();
const EXAMPLE = join(ROOT, 'examples', 'orders');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
/** The version this repository installs of `name`, so the scratch install is answered from the warm cache. */
const locked = (name: string) => `${name}@${lock.packages[`node_modules/${name}`]!.version}`;
/** One step's limit: installs and whole-project runs on a busy 2-core machine. */
const STEP_MS = 180_000;
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface PackedFile {
  path: string;
}
interface Packed {
  tarball: string;
  files: string[];
}

/** `npm pack` of the package in `dir` into `dest`, without lifecycle scripts (dist/ is already built). */
function pack(dir: string, dest: string): Packed {
  const r = succeeded(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], dir), `npm pack in ${dir}`);
  const [info] = JSON.parse(r.stdout) as [{ filename: string; files: PackedFile[] }];
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path) };
}

const work = scratchDir('contractkit-user-');
const project = join(work, 'project');
// npx as users type it; `yes=false` makes a missing install fail instead of fetching a package of that name
const npx = (...args: string[]) => run('npx', args, project, { npm_config_yes: 'false' });
let packed: { cli: Packed; runtime: Packed } | undefined;

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('contractkit installed from its packed tarballs into a project outside the repository', () => {
  it('npm pack: contractkit ships bin, the built dist, schemas, templates and docs, and no tests, fixtures or sources', () => {
    for (const built of ['dist/cli/index.js', 'runtime/dist/saga/index.d.ts']) {
      expect(existsSync(join(ROOT, built)), `${built} is missing: run \`npm run build\` first (\`npm test\` does)`).toBe(true);
    }
    const dest = join(work, 'tarballs');
    mkdirSync(dest);
    packed = { cli: pack(ROOT, dest), runtime: pack(join(ROOT, 'runtime'), dest) };
    const files = packed.cli.files;
    for (const f of ['bin/contractkit.js', 'dist/cli/index.js', 'dist/cli/config/config-validator.cjs', 'schema/contractkit.schema.json', 'schema/saga.schema.json', 'templates/init/contractkit.yaml', 'docs/rules/path-no-verbs.md', 'README.md']) {
      expect(files, f).toContain(f);
    }
    const unwanted = files.filter((f) => /(^|\/)(test|tests|fixtures|__tests__)\/|\.test\.[jt]s$|test-support|support\/testing|^dist\/(bench|examples)\/|\.ts$/.test(f) && !f.endsWith('.d.ts'));
    expect(unwanted).toEqual([]);
  }, STEP_MS);

  it('npm pack: @contractkit/runtime ships its built dist with types for every export, and no sources or tests', () => {
    const files = packed!.runtime.files;
    const exportsMap = (JSON.parse(readFileSync(join(ROOT, 'runtime', 'package.json'), 'utf8')) as { exports: Record<string, { types: string; import: string }> }).exports;
    for (const [sub, e] of Object.entries(exportsMap)) {
      expect(files, `${sub} types`).toContain(e.types.replace(/^\.\//, ''));
      expect(files, `${sub} code`).toContain(e.import.replace(/^\.\//, ''));
    }
    expect(files.filter((f) => f.startsWith('src/') || /\.test\./.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  }, STEP_MS);

  it('contractkit installs from its tarball alone (no @contractkit/runtime from a registry) and `npx contractkit --help` runs', () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch-user-project', version: '1.0.0', private: true, type: 'module' }, null, 2));
    succeeded(run('npm', [...NPM_INSTALL, '--save-dev', packed!.cli.tarball], project), 'npm install <contractkit tarball>');
    const help = succeeded(npx('contractkit', '--help'));
    expect(help.stdout).toContain('contractkit <command>');
    expect(help.stdout).toContain('generate');
  }, STEP_MS);

  it('npx contractkit init writes contractkit.yaml and a starter contract into an empty project', () => {
    const r = npx('contractkit', 'init');
    expect(r.code, explain(r)).toBe(0);
    for (const f of ['contractkit.yaml', 'contracts/openapi/api.yaml']) expect(existsSync(join(project, f)), f).toBe(true);
    expect(readFileSync(join(project, 'contractkit.yaml'), 'utf8')).toContain('node_modules/contractkit/schema/contractkit.schema.json');
    expect(existsSync(join(project, 'node_modules/contractkit/schema/contractkit.schema.json'))).toBe(true);
  }, STEP_MS);

  it('npx contractkit lint passes on the starter contract and the example contracts (OpenAPI, proto, AsyncAPI, saga)', () => {
    // the user's contracts: init's starter plus the example domain, each with a generate target
    for (const d of ['openapi', 'proto', 'asyncapi', 'sagas']) cpSync(join(EXAMPLE, d), join(project, 'contracts', d), { recursive: true });
    writeFileSync(join(project, 'contractkit.yaml'), CONFIG);
    writeFileSync(join(project, '.gitignore'), 'node_modules/\ndist/\n.contractkit-cache/\n');
    git(project, 'init', '-q', '-b', 'main');
    git(project, 'add', '.');
    git(project, 'commit', '-qm', 'contracts');
    const r = npx('contractkit', 'lint');
    expect(r.code, explain(r)).toBe(0);
  }, STEP_MS);

  it('npx contractkit breaking --against HEAD reports a response property removed since the commit', () => {
    const api = join(project, 'contracts/openapi/api.yaml');
    const committed = readFileSync(api, 'utf8');
    writeFileSync(api, committed.replace('required: [id, name]', 'required: [id]').replace(/\n\s+name: \{ type: string \}/, ''));
    try {
      const r = npx('contractkit', 'breaking', '--against', 'HEAD');
      expect(r.code, explain(r)).toBe(1);
      expect(r.stdout, explain(r)).toContain('response-required-property-removed');
      expect(r.stdout).toContain('contracts/openapi/api.yaml');
    } finally {
      writeFileSync(api, committed);
    }
  }, STEP_MS);

  it('npx contractkit generate writes every target: rest-client, grpc, events and saga', () => {
    // the user has filled in the saga's steps (the example's); generate keeps that file and writes the rest
    cpSync(join(EXAMPLE, 'generated/saga/place-order.steps.ts'), join(project, 'src/generated/saga/place-order.steps.ts'));
    const r = npx('contractkit', 'generate');
    expect(r.code, explain(r)).toBe(0);
    for (const f of ['api/client.ts', 'orders-api/client.ts', 'grpc/orders/v1/orders_grpc.ts', 'grpc/orders/v1/orders_pb.ts', 'events/producers.ts', 'events/consumers.ts', 'saga/place-order.saga.ts', 'saga/place-order.participants.ts', 'saga/place-order.steps.ts']) {
      expect(existsSync(join(project, 'src/generated', f)), f).toBe(true);
    }
  }, STEP_MS);

  it('the output compiles with plain tsc (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck: false) with the runtime tarball and only the gRPC peers installed', () => {
    // no broker, database or ajv packages and no @types but node's: generated code must not need a transport's types it does not use
    succeeded(run('npm', [...NPM_INSTALL, packed!.runtime.tarball, locked('@grpc/grpc-js'), locked('@bufbuild/protobuf'), locked('typescript'), locked('@types/node')], project), 'npm install <runtime tarball> and the gRPC peers');
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(project, 'src/main.ts'), MAIN);
    const r = npx('tsc', '-p', '.');
    expect(r.code, explain(r)).toBe(0);
    expect(existsSync(join(project, 'dist/main.js'))).toBe(true);
  }, STEP_MS);

  it('the compiled clients make a REST call and a gRPC call against small servers', () => {
    const r = run('node', ['dist/main.js'], project, {}, 60_000);
    expect(r.code, explain(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({
      rest: { id: 'item-1', name: 'A thing' },
      grpc: { orderId: 'order-7', customerId: 'customer-3', status: 'PENDING' },
    });
  }, STEP_MS);

  it('the generated saga test skeleton (node:test) compiled with the rest and passes on plain node --test', () => {
    const r = run('node', ['--test', 'dist/generated/saga/place-order.saga-test.js'], project, {}, 60_000);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/# pass [1-9]/);
    expect(r.stdout).toContain('# fail 0');
  }, STEP_MS);
});

/** The user's contractkit.yaml: init's starter contract and the example domain, every target generated under src/generated. */
const CONFIG = `# yaml-language-server: $schema=./node_modules/contractkit/schema/contractkit.schema.json
version: 1
contracts:
  api:
    openapi: contracts/openapi/api.yaml
    generate:
      - { target: rest-client, out: src/generated/api }
  orders-api:
    openapi: contracts/openapi/orders.yaml
    generate:
      - { target: rest-client, out: src/generated/orders-api }
  orders-grpc:
    proto: contracts/proto
    generate:
      - { target: grpc, out: src/generated/grpc }
  order-events:
    asyncapi: contracts/asyncapi/order-events.yaml
    generate:
      - { target: events, out: src/generated/events }
  inventory-events:
    asyncapi: contracts/asyncapi/inventory-events.yaml
  payment-events:
    asyncapi: contracts/asyncapi/payment-events.yaml
  notification-events:
    asyncapi: contracts/asyncapi/notification-events.yaml
  place-order:
    saga: contracts/sagas/place-order.saga.yaml
    generate:
      - { target: saga, out: src/generated/saga }
lint:
  preset: recommended
breaking:
  against: origin/main
`;

/** The strictest settings users turn on (@tsconfig/strictest's checks), with the libraries' declarations checked too. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    rootDir: 'src',
    outDir: 'dist',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    noPropertyAccessFromIndexSignature: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    forceConsistentCasingInFileNames: true,
    skipLibCheck: false,
  },
  include: ['src'],
};

/** The user's code: a tiny REST server and gRPC server, called through the generated clients. */
const MAIN = `import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { createExampleAPIClient } from './generated/api/index.js';
import { OrderStatus } from './generated/grpc/orders/v1/orders_pb.js';
import { createOrderServiceClient, registerOrderService } from './generated/grpc/orders/v1/orders_grpc.js';

const http = createServer((req, res) => {
  const id = /^\\/items\\/([^/]+)$/.exec(req.url ?? '')?.[1];
  res.setHeader('content-type', id ? 'application/json' : 'application/problem+json');
  res.statusCode = id ? 200 : 404;
  res.end(JSON.stringify(id ? { id, name: 'A thing' } : { title: 'Not found', status: 404 }));
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const api = createExampleAPIClient({ baseUrl: \`http://127.0.0.1:\${(http.address() as AddressInfo).port}\` });
const item = await api.items.getItem({ path: { itemId: 'item-1' } });

const server = new grpc.Server();
registerOrderService(server, {
  getOrder: async (request) => ({ order: { orderId: request.orderId, customerId: 'customer-3', status: OrderStatus.PENDING } }),
  listOrders: async () => ({ orders: [] }),
  createOrder: async () => ({}),
  async *streamOrders() {},
});
const port = await new Promise<number>((resolve, reject) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
);
const orders = createOrderServiceClient(\`127.0.0.1:\${port}\`);
const reply = await orders.getOrder({ orderId: 'order-7' });
orders.close();
server.forceShutdown();
http.close();

console.log(JSON.stringify({
  rest: item,
  grpc: { orderId: reply.order?.orderId, customerId: reply.order?.customerId, status: OrderStatus[reply.order?.status ?? OrderStatus.UNSPECIFIED] },
}));
`;
