/**
 * `contractkit verify <proto> --target` end to end (the built CLI, as a child
 * process while this process serves the providers): exit 0 on the example's
 * payments service, 1 on a wrong OrderService (findings at the proto line of
 * each rpc), 2 when nothing could be verified.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentsService, type PaymentsService } from '../../examples/orders/services/payments-service.js';
import { loadContract } from '../generators/grpc/helpers.js';
import { startWrongOrderServer, type TestGrpcServer } from './grpc-servers.js';
import { ROOT } from './support.js';

const PROTO = 'examples/orders/proto';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'contractkit.js'), 'verify', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('contractkit verify <proto> --target', () => {
  let payments: PaymentsService;
  let wrong: TestGrpcServer;
  beforeAll(async () => {
    payments = await startPaymentsService();
    wrong = await startWrongOrderServer(await loadContract(PROTO, 'orders-proto'));
  }, 60_000);
  afterAll(async () => {
    await payments?.close();
    await wrong?.close();
  });

  it("exits 0 on the example's payments service and says what it did", async () => {
    const r = await run([PROTO, '--target', payments.target, '--service', 'payments.v1.PaymentService', '--runs', '10', '--seed', '3']);
    expect(r.stderr).toContain('2 rpc(s), 20 call(s)');
    expect(r.stderr).toContain('no violations');
    expect(r.code).toBe(0);
  });

  it('exits 1 on the wrong OrderService, each finding at its rpc line in orders.proto (json)', async () => {
    const r = await run([PROTO, '--target', wrong.target, '--service', 'orders.v1.OrderService', '--runs', '3', '--seed', '1', '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; file: string; line: number }[];
    // orders.proto: GetOrder line 12, ListOrders 18, CreateOrder 25, StreamOrders 29
    expect(findings.map((f) => [f.ruleId, f.line]).sort()).toEqual([
      ['verify/grpc-stack-trace', 25],
      ['verify/grpc-undeclared-enum', 29],
      ['verify/grpc-unimplemented', 18],
      ['verify/grpc-unknown-field', 12],
    ]);
    expect(findings.every((f) => f.file.endsWith('orders.proto'))).toBe(true);
  });

  it('exits 2 when the target cannot be reached', async () => {
    const r = await run([PROTO, '--target', '127.0.0.1:9', '--timeout', '500']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not be reached');
  });

  it('exits 2 for a contract with no rpc, a service it lacks, --url on a proto, or no --target', async () => {
    const empty = await run(['test/fixtures/verify/proto-empty', '--target', payments.target]);
    expect(empty.code).toBe(2);
    expect(empty.stdout + empty.stderr).toContain('nothing to verify');
    const lacking = await run([PROTO, '--target', payments.target, '--service', 'nope.v1.Nothing']);
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toContain('no such service');
    expect((await run([PROTO, '--url', 'http://127.0.0.1:1'])).code).toBe(2);
    expect((await run([PROTO])).code).toBe(2);
  });
});
