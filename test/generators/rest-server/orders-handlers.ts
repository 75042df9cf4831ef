/**
 * Test support: handlers of the generated orders server where every
 * operation a test does not give answers 503 problem details.
 */
import { problem } from '@contractkit/runtime/http-server';
import type { OrdersAPIHandlers } from '../../../examples/orders/generated/rest-server/index.js';

const OPERATIONS = ['createOrder', 'getOrder', 'replaceOrder', 'deleteOrder', 'updateOrderStatus', 'cancelOrder', 'createShipment', 'getShipment', 'createOrderExport', 'getExportStatus', 'listCustomerOrders'] as const satisfies readonly (keyof OrdersAPIHandlers)[];

/** `given`, and a 503 refusal for every other operation. */
export function ordersHandlers(given: Partial<OrdersAPIHandlers>): OrdersAPIHandlers {
  const refuse = () => problem(503, 'not in this test');
  return Object.fromEntries(OPERATIONS.map((op) => [op, given[op] ?? refuse])) as unknown as OrdersAPIHandlers;
}
