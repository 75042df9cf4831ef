/**
 * `verify <proto> --target` against real grpc-js servers on loopback: the
 * example's payments service (on the generated stubs) keeps its contract, an
 * echo server of every rpc kind keeps the fixture's, and a hand-written
 * OrderService with one defect per rpc gets each finding at that rpc.
 */
import fc from 'fast-check';
import { createFileRegistry, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../contracts/errors.js';
import type { ProtoContract } from '../../contracts/model/types.js';
import { messageArbitrary } from '../../verify/proto/arbitrary.js';
import { checkMessage, checkStatus, hasStackTrace } from '../../verify/proto/check-answer.js';
import { verifyProto } from '../../verify/proto/verify-proto.js';
import { startPaymentsService, type PaymentsService } from '../../examples/orders/services/payments-service.js';
import { startMock } from '../../mock/index.js';
import { loadContract } from '../generators/grpc/helpers.js';
import { startEchoServer, startWrongOrderServer, type TestGrpcServer } from './grpc-servers.js';

let orders: ProtoContract;
let kitchen: ProtoContract;

beforeAll(async () => {
  orders = await loadContract('examples/orders/proto', 'orders-proto');
  kitchen = await loadContract('test/fixtures/verify/proto', 'kitchen');
}, 60_000);

const everything = (): DescMessage => createFileRegistry(fromBinary(FileDescriptorSetSchema, kitchen.image)).getMessage('kitchen.v1.Everything')!;

describe('drawn requests', () => {
  it('every drawn message of every field kind encodes, decodes and encodes to the same bytes, and passes the answer checks', () => {
    const desc = everything();
    const rpc = kitchen.services[0]!.methods[0]!;
    const seen = { bigBeyondDouble: false, oneof: false, map: false, level7: false, optional: false };
    for (const m of fc.sample(messageArbitrary(desc), { numRuns: 300, seed: 7 })) {
      const bytes = toBinary(desc, m);
      // re-encoded rather than equals(): NaN is drawn for floats, and NaN !== NaN
      expect(toBinary(desc, fromBinary(desc, bytes))).toEqual(bytes);
      expect(checkMessage(rpc, 'Echo', desc, bytes)).toEqual([]);
      const v = m as unknown as { i64: bigint; choice: { case?: string }; byName: object; level: number; maybe?: string; i64String: string };
      if (v.i64 > 2n ** 53n || v.i64 < -(2n ** 53n)) seen.bigBeyondDouble = true;
      if (v.choice.case) seen.oneof = true;
      if (Object.keys(v.byName).length > 0) seen.map = true;
      if (v.level === 7) seen.level7 = true;
      if (v.maybe !== undefined) seen.optional = true;
      expect(typeof v.i64String).toBe('string');
    }
    expect(seen).toEqual({ bigBeyondDouble: true, oneof: true, map: true, level7: true, optional: true });
  });

  it('enums are drawn from their declared numbers only', () => {
    const desc = everything();
    const levels = new Set<number>();
    for (const m of fc.sample(messageArbitrary(desc), { numRuns: 200, seed: 3 })) levels.add((m as unknown as { level: number }).level);
    expect([...levels].sort()).toEqual([0, 1, 7]);
  });
});

describe('answer checks', () => {
  it('a stack frame is told from a message that only mentions "at"', () => {
    expect(hasStackTrace('TypeError: x\n    at handler (/srv/app.js:12:7)\n    at next (node:internal/x:1:2)')).toBe(true);
    expect(hasStackTrace('Error: boom\n    at file:///srv/app.mjs:3:9')).toBe(true);
    expect(hasStackTrace('the order is at the warehouse since 12:30:00')).toBe(false);
  });

  it('INTERNAL without a stack, and other statuses, are the provider\'s choice', () => {
    const rpc = orders.services[0]!.methods[0]!;
    expect(checkStatus(rpc, 'x', { code: 13, details: 'the database is down' })).toEqual([]);
    expect(checkStatus(rpc, 'x', { code: 3, details: 'order_id is required' })).toEqual([]);
    expect(checkStatus(rpc, 'x', { code: 12, details: '' })[0]?.ruleId).toBe('verify/grpc-unimplemented');
  });
});

describe('against running providers', () => {
  let payments: PaymentsService;
  let echo: TestGrpcServer;
  let wrong: TestGrpcServer;
  beforeAll(async () => {
    payments = await startPaymentsService();
    echo = await startEchoServer();
    wrong = await startWrongOrderServer(orders);
  });
  afterAll(async () => {
    await payments?.close();
    await echo?.close();
    await wrong?.close();
  });

  it("the example's payments service (generated stubs) keeps its contract: no finding", async () => {
    const result = await verifyProto(orders, { target: payments.target, runs: 30, seed: 11, service: 'payments.v1.PaymentService' });
    expect(result.findings).toEqual([]);
    expect(result.operations).toBe(2);
    expect(result.requests).toBe(60);
    // the drawn keys are sometimes empty (INVALID_ARGUMENT), mostly not (OK): both paths were taken
    expect(result.statuses.OK).toBeGreaterThan(0);
  });

  it('an echo server of every rpc kind keeps the fixture contract: no finding', async () => {
    const result = await verifyProto(kitchen, { target: echo.target, runs: 20, seed: 5 });
    expect(result.findings).toEqual([]);
    expect(result.operations).toBe(4);
    expect(result.statuses).toEqual({ OK: 80 });
  });

  it('a wrong OrderService gets each finding at the rpc that has the defect', async () => {
    const result = await verifyProto(orders, { target: wrong.target, runs: 5, seed: 1, service: 'orders.v1.OrderService' });
    const rpcs = Object.fromEntries(orders.services.find((s) => s.name === 'OrderService')!.methods.map((m) => [m.name, m]));
    const byRule = Object.fromEntries(result.findings.map((f) => [f.ruleId, f]));
    expect(Object.keys(byRule).sort()).toEqual(['verify/grpc-stack-trace', 'verify/grpc-undeclared-enum', 'verify/grpc-unimplemented', 'verify/grpc-unknown-field']);
    expect(result.findings).toHaveLength(4);
    const at = (rule: string) => ({ file: byRule[rule]!.file, line: byRule[rule]!.line });
    const where = (name: string) => ({ file: rpcs[name]!.location.file, line: rpcs[name]!.location.line });
    expect(at('verify/grpc-unknown-field')).toEqual(where('GetOrder'));
    expect(byRule['verify/grpc-unknown-field']!.message).toContain('field number 99 (wire type 0) at GetOrderResponse');
    expect(at('verify/grpc-unimplemented')).toEqual(where('ListOrders'));
    expect(at('verify/grpc-stack-trace')).toEqual(where('CreateOrder'));
    expect(byRule['verify/grpc-stack-trace']!.message).toMatch(/INTERNAL with a stack trace .*at /);
    expect(at('verify/grpc-undeclared-enum')).toEqual(where('StreamOrders'));
    expect(byRule['verify/grpc-undeclared-enum']!.message).toContain('message 2: the answer has StreamOrdersResponse.order.status = 9');
    expect(where('GetOrder').line).toBeGreaterThan(1);
  });

  it("the proto mock of the whole orders contract (every service, the server stream too) draws no finding", async () => {
    const mock = await startMock(orders, { port: 0, seed: 2 });
    try {
      const result = await verifyProto(orders, { target: mock.url, runs: 10, seed: 2 });
      expect(result.findings).toEqual([]);
      expect(result.operations).toBe(orders.services.flatMap((s) => s.methods).length);
      expect(result.statuses).toEqual({ OK: result.requests });
    } finally {
      await mock.close();
    }
  });

  it('an unreachable target is a usage error (exit 2), not a clean run', async () => {
    await expect(verifyProto(orders, { target: '127.0.0.1:9', runs: 1, seed: 1, timeoutMs: 500 })).rejects.toThrow(/could not be reached/);
  });

  it('a contract with no rpc, or a --service it does not have, is a usage error', async () => {
    await expect(verifyProto({ ...orders, services: [] }, { target: echo.target, runs: 1, seed: 1 })).rejects.toBeInstanceOf(UsageError);
    await expect(verifyProto(orders, { target: echo.target, runs: 1, seed: 1, service: 'payments.v1.PaymentServic' })).rejects.toThrow(/did you mean payments\.v1\.PaymentService/);
  });
});
