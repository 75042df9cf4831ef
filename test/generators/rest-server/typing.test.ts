/**
 * The generated server's types hold at the use site: a handler receives
 * exactly the operation's typed parameters and body, and can answer only a
 * status the contract declares, with that status's body and headers; the
 * security hooks the contract needs are required options. Misuse is checked
 * with `@ts-expect-error` (an unused one fails the type-check too).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restServerGenerator } from '../../../generators/rest-server/index.js';
import { loadContract, root, typeCheck, writeFiles } from '../rest-client/helpers.js';

const usage = `
import { createMemoryIdempotencyStore, problem } from '@contractkit/runtime/http-server';
import { createOrdersAPIServer, type OrdersAPIHandlers, type Order, type GetOrderHandler, type ListCustomerOrdersHandler, type DeleteOrderHandler, type CreateOrderExportHandler } from './index.js';

declare const order: Order;

export const getOrder: GetOrderHandler = (req) => {
  const id: string = req.path.orderId;
  // @ts-expect-error getOrder has no query parameter
  void req.query.limit;
  if (id === 'x') return problem(404, 'No such order.');
  return { status: 200, body: order };
};

// @ts-expect-error 201 is not a status getOrder declares
export const undeclaredStatus: GetOrderHandler = () => ({ status: 201, body: order });

// @ts-expect-error the 200 body is an Order, not a string
export const wrongBody: GetOrderHandler = () => ({ status: 200, body: 'order' });

// @ts-expect-error an Order lacks required members
export const partialBody: GetOrderHandler = async () => ({ status: 200, body: { id: 'x' } });

// @ts-expect-error Retry-After is a number
export const wrongHeader: GetOrderHandler = () => ({ status: 429, body: { type: 'about:blank', title: 'Slow down', status: 429 }, headers: { 'Retry-After': 'soon' } });

export const list: ListCustomerOrdersHandler = (req) => {
  const limit: number | undefined = req.query.limit;
  // @ts-expect-error status is an enum of order statuses
  const s: 'nope' | undefined = req.query.status;
  void limit, s;
  return { status: 200, body: { data: [], nextCursor: null, hasMore: false } };
};

export const del: DeleteOrderHandler = () => ({ status: 204 });
// @ts-expect-error a 204 has no body
export const delWithBody: DeleteOrderHandler = () => ({ status: 204, body: order });

// 202-and-poll: ctx.accept answers the 202 with the contract's body, typed
export const exportOrder: CreateOrderExportHandler = (req, ctx) =>
  ctx.accept(async () => ({ downloadUrl: 'https://x.test/f.pdf' }), { body: (job, statusUrl) => ({ requestId: job.id, statusUrl }) });
// @ts-expect-error the 202 body is an ExportAccepted
export const exportWrong: CreateOrderExportHandler = (req, ctx) => ctx.accept(async () => 1, { body: (job) => ({ id: job.id }) });
// @ts-expect-error only the 202 operation has accept
export const noAccept: GetOrderHandler = (req, ctx) => ctx.accept(async () => 1, { body: () => ({}) });

declare const handlers: OrdersAPIHandlers;
const idempotency = { store: createMemoryIdempotencyStore() };
export const server = createOrdersAPIServer(handlers, { security: { bearerAuth: (token) => (token === 'ok' ? { user: 'u' } : undefined) }, idempotency });
// @ts-expect-error the bearerAuth hook is required
export const noHook = createOrdersAPIServer(handlers, { idempotency });
// @ts-expect-error operations declare Idempotency-Key: a store is required
export const noStore = createOrdersAPIServer(handlers, { security: { bearerAuth: () => true } });
// @ts-expect-error the options (with their hooks) are required
export const noOptions = createOrdersAPIServer(handlers);
// @ts-expect-error every operation needs its handler
export const missing = createOrdersAPIServer({ getOrder }, { security: { bearerAuth: () => true }, idempotency });
`;

describe('generated server typing', () => {
  it('types handler inputs and results by the contract (misuse fails)', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = await restServerGenerator.generate({ contracts: [contract] }, { out: '/unused', options: {} });
    const dir = writeFiles(files);
    writeFileSync(join(dir, 'use.ts'), usage);
    expect(typeCheck(dir)).toBe('');
  });
});
