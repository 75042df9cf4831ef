/**
 * The provider side of the orders contract, as `npm run demo` shows it: every
 * step is the real CLI, as a user would type it.
 *
 * 1. `contractkit mock openapi/orders.yaml --stateful`: a consumer's stand-in
 *    for the orders service; an order is created on it and read back (state),
 *    and a `Prefer: status=503` answer shows what a client's retries meet.
 * 2. `contractkit verify openapi/orders.yaml --url <the mock>`: the mock
 *    itself holds to the contract it serves.
 * 3. `contractkit verify openapi/orders.yaml --url <the orders service>`: the
 *    example's orders service (on the generated server) holds to its contract.
 *
 *   node --import ./examples/orders/services/register-ts.js examples/orders/services/demo-mock-verify.ts
 *
 * Exits 1 when a verify run reports a finding or a step fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOrdersService } from './orders-service.js';

const example = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(example, '..', '..', 'bin', 'contractkit.js');
const contract = 'openapi/orders.yaml';
// the orders contract's bearer scheme: the example service's hook accepts any token
const auth = 'Bearer demo';

/** Starts `contractkit mock` and resolves with its URL, read from the line it prints when listening. */
async function startMockCli(): Promise<{ url: string; child: ChildProcess }> {
  const args = ['mock', contract, '--port', '0', '--seed', '42', '--stateful'];
  console.log(`$ contractkit ${args.join(' ')} &`);
  const child = spawn(process.execPath, [cli, ...args], { cwd: example, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`contractkit mock exited ${code} before listening:\n${out}${err}`)));
  });
  console.log(out.trimEnd().split('\n').slice(0, 4).join('\n') + '\n  …');
  return { url, child };
}

/** Runs a CLI command in the example, its output shown, and returns its exit code. */
function runCli(args: string[]): Promise<number | null> {
  console.log(`$ contractkit ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}`);
  // asynchronous: the orders service runs in this process and must keep answering
  const child = spawn(process.execPath, [cli, ...args], { cwd: example, stdio: 'inherit' });
  return once(child, 'exit').then(([code]) => code as number | null);
}

async function main(): Promise<number> {
  let failed = 0;
  const mock = await startMockCli();
  try {
    const draft = {
      customerId: '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34',
      lineItems: [{ productId: 'sku-1', quantity: 2, unitPrice: { amount: '9.99', currency: 'USD' } }],
      shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      paymentMethod: { type: 'card', token: 'tok_visa' },
    };
    const headers = { 'content-type': 'application/json', authorization: auth, 'idempotency-key': 'demo-order-1' };
    const created = await fetch(`${mock.url}/api/v1/orders`, { method: 'POST', headers, body: JSON.stringify(draft) });
    const order = (await created.json()) as { id: string; status: string };
    console.log(`POST /api/v1/orders → ${created.status}, order ${order.id} (${order.status})`);
    const read = await fetch(`${mock.url}/api/v1/orders/${order.id}`, { headers: { authorization: auth } });
    const back = (await read.json()) as { id: string };
    console.log(`GET /api/v1/orders/${order.id} → ${read.status}, the same order: ${back.id === order.id} (--stateful)`);
    const busy = await fetch(`${mock.url}/api/v1/orders/${order.id}`, { headers: { authorization: auth, prefer: 'status=503' } });
    console.log(`GET with Prefer: status=503 → ${busy.status}, Retry-After: ${busy.headers.get('retry-after')}`);
    await busy.arrayBuffer();

    console.log('');
    const onMock = await runCli(['verify', contract, '--url', mock.url, '--runs', '10', '--seed', '42', '--header', `Authorization: ${auth}`]);
    console.log(`(exit code ${onMock})`);
    if (onMock !== 0) failed++;
  } finally {
    mock.child.kill('SIGTERM');
    await once(mock.child, 'exit');
  }

  const service = await startOrdersService();
  try {
    console.log(`\nThe example's orders service (on the generated server) at ${service.url}:`);
    const onService = await runCli(['verify', contract, '--url', service.url, '--runs', '10', '--seed', '42', '--header', `Authorization: ${auth}`]);
    console.log(`(exit code ${onService})`);
    if (onService !== 0) failed++;
  } finally {
    await service.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
