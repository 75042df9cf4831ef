/**
 * The `js+dts` target: JavaScript and declaration files instead of TypeScript.
 * The declarations type-check under strict with `skipLibCheck: false` (typed
 * members, misuse rejected), and the JavaScript runs against the orders server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { parseRestClientOptions } from '../../../generators/rest-client/options.js';
import { loadContract, root, writeFiles } from './helpers.js';
import { startOrdersServer, type OrdersServer } from './orders-server.js';

let server: OrdersServer;
let dir: string;
beforeAll(async () => {
  server = await startOrdersServer();
  // inside the package, so `@contractkit/runtime/http` resolves for the generated JavaScript as in a user's project
  dir = mkdtempSync(join(root, 'node_modules', '.cache-jsdts-'));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("rest-client target 'js+dts'", () => {
  it('emits .js and .d.ts for every file; the declarations type-check strictly and reject misuse', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = generateRestClient(contract, parseRestClientOptions({ target: 'js+dts', validate: true }));
    expect(files.map((f) => f.path).sort()).toEqual(['client.d.ts', 'client.js', 'index.d.ts', 'index.js', 'types.d.ts', 'types.js', 'validators.d.ts', 'validators.js']);
    const client = files.find((f) => f.path === 'client.d.ts')!.content;
    expect(client).toContain('export declare function getOrder(client: HttpClient, args: GetOrderArgs, options?: CallOptions): Promise<GetOrderResult>;');
    expect(client).toContain('* Get an order'); // JSDoc kept
    writeFiles(files, dir);
    writeFileSync(
      join(dir, 'usage.ts'),
      [
        "import { createOrdersAPIClient, type Order } from './index.js';",
        "const api = createOrdersAPIClient({ baseUrl: 'http://127.0.0.1:1' });",
        'export async function f(): Promise<Order> {',
        "  for await (const item of api.orders.listCustomerOrders.all({ path: { customerId: 'c' } })) void item.id;",
        "  return api.orders.getOrder({ path: { orderId: 'x' } });",
        '}',
        '// @ts-expect-error: the path parameter is required',
        'void api.orders.getOrder({ path: {} });',
        '',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      include: ['usage.ts', '*.d.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect((r.stdout + r.stderr).trim()).toBe('');
  });

  it('the JavaScript runs: creates and reads an order on the orders server', async () => {
    expect(readFileSync(join(dir, 'client.js'), 'utf8')).not.toMatch(/: HttpClient/);
    const mod = (await import(join(dir, 'index.js'))) as { createOrdersAPIClient(o: object): any };
    const api = mod.createOrdersAPIClient({ baseUrl: server.url, retry: false });
    const created = await api.orders.createOrder({
      body: {
        customerId: '6c1f3a2e-4b7d-4f0a-9a61-2f9d1c8e7b34',
        lineItems: [{ productId: 'sku-1', quantity: 1, unitPrice: { amount: '1.00', currency: 'USD' } }],
        shippingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
        paymentMethod: { type: 'card', token: 'tok_visa' },
      },
    });
    expect((await api.orders.getOrder({ path: { orderId: created.id } })).id).toBe(created.id);
  });

  it('an unknown target is a usage error naming the choices', () => {
    expect(() => parseRestClientOptions({ target: 'js' })).toThrow(/option `target` is "js"; use one of 'ts', 'js\+dts'/);
  });
});
