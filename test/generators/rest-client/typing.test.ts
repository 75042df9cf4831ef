/**
 * The generated client's types hold at the use site: the grouped factory
 * members (typed through the runtime's mapped type) take exactly the
 * operation's args, return its result, and paginated members iterate typed
 * items. Misuse is checked with `@ts-expect-error` (an unused one fails too).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restClientGenerator } from '../../../generators/rest-client/index.js';
import { loadContract, root, typeCheck, writeFiles } from './helpers.js';

const usage = `
import { createOrdersAPIClient, getOrder, type Order, type ExportStatus } from './index.js';
import { createHttpClient } from '@contractkit/runtime/http';

export async function use(): Promise<void> {
  const api = createOrdersAPIClient({ baseUrl: 'http://localhost' });
  const order: Order = await api.orders.getOrder({ path: { orderId: 'x' } }, { timeoutMs: 5 });
  const again: Order = await getOrder(createHttpClient({ baseUrl: 'http://x' }), { path: { orderId: order.id } });
  void again;
  // @ts-expect-error the path parameter is required
  await api.orders.getOrder({});
  // @ts-expect-error args are required when a member is required
  await api.orders.getOrder();
  // @ts-expect-error unknown parameter
  await api.orders.getOrder({ path: { orderId: 'x', other: 1 } });
  // @ts-expect-error the result is an Order, not a string
  const wrong: string = await api.orders.getOrder({ path: { orderId: 'x' } });
  void wrong;
  for await (const o of api.orders.listCustomerOrders.all({ path: { customerId: 'c' }, query: { limit: 5 } })) {
    const id: string = o.id;
    // @ts-expect-error items are orders
    const n: number = o.id;
    void id, n;
  }
  // @ts-expect-error status is an enum
  await api.orders.listCustomerOrders({ path: { customerId: 'c' }, query: { status: 'nope' } });
  const handle = await api.exports.createOrderExport({ path: { orderId: 'x' }, body: { format: 'pdf' } });
  const status: number = handle.status;
  // the final result is typed by the status operation (GET …/exports/{exportId})
  const done: ExportStatus = await handle.wait();
  void status, done;
  // @ts-expect-error the factory has no such group
  api.nothing;
  const http = api.client;
  void http.options.baseUrl;
  const s: ExportStatus | undefined = undefined;
  void s;
}
`;

describe('generated client typing', () => {
  it('types factory members, standalone functions and paginated items (misuse fails)', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = await restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: {} });
    const dir = writeFiles(files);
    writeFileSync(join(dir, 'use.ts'), usage);
    expect(typeCheck(dir)).toBe('');
  });
});
