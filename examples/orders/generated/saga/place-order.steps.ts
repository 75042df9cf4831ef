/**
 * The place-order saga's steps: yours to edit. For each step, the request it
 * sends and how the response changes the saga's data; for each compensation,
 * its request. `contractkit generate` adds stubs for new steps here and never
 * changes what you wrote.
 */
import type { PlaceOrderSteps } from './place-order.saga.js';

// The example keeps the whole order in the saga's data under `order`; the
// data schema names only the ids the compensations need.
type Draft = {
  customerId: string;
  lineItems: { productId: string; quantity: number; unitPrice: { amount: string; currency: string } }[];
  shippingAddress: { line1: string; city: string; postalCode: string; country: string };
  paymentToken: string;
};
const draft = (data: object) => (data as { order?: Draft }).order;

export const placeOrderSteps: PlaceOrderSteps = {
  'create-order': {
    request: (data) => {
      const o = draft(data);
      return {
        body: {
          customerId: o?.customerId ?? '',
          lineItems: o?.lineItems ?? [],
          shippingAddress: o?.shippingAddress ?? { line1: '', city: '', postalCode: '', country: '' },
          paymentMethod: { type: 'card', token: o?.paymentToken ?? '' },
        },
      };
    },
    apply: (data, response) => ({ ...data, orderId: response.id }),
    compensate: {
      request: (data) => ({ orderId: data.orderId ?? '', body: { reason: 'other', comment: 'place-order saga compensation' } }),
    },
  },
  'process-payment': {
    request: (data) => {
      const o = draft(data);
      const first = o?.lineItems[0]?.unitPrice;
      // proto3 strings: empty is unset; fields left out rather than set to undefined (exactOptionalPropertyTypes)
      return {
        orderId: data.orderId ?? '',
        customerId: o?.customerId ?? '',
        ...(first && { amount: { currencyCode: first.currency, units: BigInt(Math.trunc(Number(first.amount))), nanos: 0 } }),
        paymentMethodToken: o?.paymentToken ?? '',
      };
    },
    apply: (data, response) => ({ ...data, paymentId: response.payment?.paymentId ?? '' }),
    compensate: {
      request: (data) => ({ paymentId: data.paymentId ?? '', reason: 'place-order saga compensation' }),
    },
  },
  'reserve-inventory': {
    // eventId and correlationId are set by the participants module: the eventId
    // from the step's idempotency key, the correlationId to the saga's id
    request: (data) => ({
      eventId: '',
      eventType: 'reserve.inventory',
      eventVersion: 1,
      timestamp: new Date().toISOString(),
      aggregateId: data.orderId ?? '',
      correlationId: '',
      payload: { orderId: data.orderId ?? '', items: (draft(data)?.lineItems ?? []).map((i) => ({ productId: i.productId, quantity: i.quantity })) },
    }),
    apply: (data) => data,
  },
  'create-shipment': {
    request: (data) => ({ orderId: data.orderId ?? '', body: { carrier: 'dhl', serviceLevel: 'standard' } }),
    apply: (data) => data,
  },
};
