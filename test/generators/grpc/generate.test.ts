/**
 * The grpc generator: committed output is current (the CI diff check), output
 * type-checks under strict together with code that uses it, `paths` filters
 * like `buf generate --path`, unsupported services fail with located
 * findings, and bad protos fail the CLI with exit 2.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../../contracts/errors.js';
import { generateGrpc } from '../../../generators/grpc/index.js';
import { manifestFile } from '../../../generators/core/writer.js';
import { runCli } from '../../cli/run-cli.js';
import { loadContract, readTree, root, scratchDir, typeCheck, writeFiles } from './helpers.js';

describe('committed output is current', () => {
  // the example is written by `contractkit generate`, so it holds the target's manifest; the fixture is not
  it.each([
    ['examples/orders/proto', 'examples/orders/generated/grpc', true],
    ['test/fixtures/grpc/echo', 'test/fixtures/grpc/echo-generated', false],
  ])('%s regenerates byte-identical to %s', async (proto, committed, withManifest) => {
    const files = await generateGrpc(await loadContract(proto));
    const regenerated = Object.fromEntries([...files, ...(withManifest ? [manifestFile('grpc', files)] : [])].map((f) => [f.path, f.content]));
    expect(regenerated).toEqual(readTree(join(root, committed)));
  });
});

const usage = `
import * as grpc from '@grpc/grpc-js';
import { GrpcError, Status } from '@contractkit/runtime/grpc';
import { OrderStatus } from './orders/v1/orders_pb.js';
import { createOrderServiceClient, registerOrderService, type OrderServiceHandlers } from './orders/v1/orders_grpc.js';
import { createPaymentServiceClient } from './payments/v1/payments_grpc.js';

const handlers: OrderServiceHandlers = {
  async getOrder(req, ctx) {
    if (ctx.signal.aborted) throw new GrpcError(Status.CANCELLED, 'gone');
    return { order: { orderId: req.orderId, status: OrderStatus.PENDING } };
  },
  async listOrders(req) {
    return { orders: [], nextPageToken: req.pageToken };
  },
  async createOrder(req) {
    const method: string = req.paymentMethod.case ?? 'none';
    return { order: { orderId: req.requestId, customerId: method } };
  },
  async *streamOrders(req) {
    yield { order: { customerId: req.customerId } };
  },
};
registerOrderService(new grpc.Server(), handlers);
export async function use(): Promise<string> {
  const orders = createOrderServiceClient('127.0.0.1:1', { defaultTimeoutMs: 500 });
  const res = await orders.getOrder({ orderId: '1' }, { metadata: { 'x-request-id': 'r' }, signal: AbortSignal.timeout(100) });
  for await (const m of orders.streamOrders({ customerId: 'c' })) void m.order?.orderId;
  // @ts-expect-error: requests are typed
  await orders.getOrder({ orderId: 1 });
  createPaymentServiceClient('127.0.0.1:1').close();
  return res.order?.orderId ?? '';
}
`;

describe('type-checks under strict', () => {
  it('the example output with code that serves and calls it', () => {
    const dir = scratchDir();
    cpSync(join(root, 'examples/orders/generated/grpc'), dir, { recursive: true });
    writeFileSync(join(dir, 'usage.ts'), usage);
    cpSync(join(root, 'test/fixtures/grpc/echo-generated'), join(dir, 'echo-out'), { recursive: true });
    expect(typeCheck(dir)).toBe('');
  });
});

/** What `paths: [payments/v1]` generates: with the default `codec: fast`, the imported files (and the well-known type they use) get codecs too. */
const PAYMENTS_FILES = [
  'google/protobuf/timestamp_codec.ts',
  'money/v1/money_codec.ts',
  'money/v1/money_pb.ts',
  'payments/v1/payments_codec.ts',
  'payments/v1/payments_grpc.ts',
  'payments/v1/payments_pb.ts',
];

describe('options and bad input', () => {
  it('paths restricts generation like buf --path, keeping the files it imports', async () => {
    const files = await generateGrpc(await loadContract('examples/orders/proto'), { paths: ['payments/v1'] });
    expect(files.map((f) => f.path)).toEqual(PAYMENTS_FILES);
  });

  it('paths that match nothing is a usage error', async () => {
    await expect(generateGrpc(await loadContract('examples/orders/proto'), { paths: ['nope/v1'] })).rejects.toThrow(/no proto file .* matches paths nope\/v1/);
  });

  it('the CLI takes --path (repeatable) for the grpc target and refuses it elsewhere', () => {
    const out = scratchDir('ck-grpc-path-');
    const r = runCli(['generate', 'grpc', 'examples/orders/proto', '--path', 'payments/v1', '--path', 'money/v1/money.proto', '--out', out, '--no-cache', '--allow-outside-out'], root);
    expect(r.stderr).toContain('grpc');
    expect(r.code).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()).toEqual(PAYMENTS_FILES);
    const elsewhere = runCli(['generate', 'rest-client', 'examples/orders/openapi/orders.yaml', '--path', 'x', '--out', out], root);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('--path selects proto files and applies to the grpc target only');
  });

  it('an unsupported service fails with findings naming each element and its line', async () => {
    const contract = await loadContract('test/fixtures/grpc/unsupported');
    const error = await generateGrpc(contract).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    const findings = (error as UsageError).findings;
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['generate/grpc-unsupported', 10],
      ['generate/grpc-unsupported', 11],
    ]);
    expect(findings[0]!.message).toMatch(/shop\.v1\.ShopService: methods GetItem and getItem both become `getItem`/);
    expect(findings[1]!.message).toMatch(/ShopService\.Close becomes `close`/);
    expect(findings[0]!.file).toBe(join(root, 'test/fixtures/grpc/unsupported/shop/v1/shop.proto'));
  });

  it('the CLI exits 2 on an unsupported service and on a proto compile error, writing nothing', () => {
    const out = scratchDir('ck-grpc-cli-');
    const unsupported = runCli(['generate', 'grpc', 'test/fixtures/grpc/unsupported', '--out', out, '--format', 'json', '--allow-outside-out'], root);
    expect(unsupported.code).toBe(2);
    expect(unsupported.stdout + unsupported.stderr).toContain('generate/grpc-unsupported');
    const broken = runCli(['generate', 'grpc', 'test/fixtures/proto/broken', '--out', out, '--format', 'json', '--allow-outside-out'], root);
    expect(broken.code).toBe(2);
    expect(broken.stdout + broken.stderr).toContain('load/proto-compile');
    expect(readdirSync(out)).toEqual([]);
  });
});
