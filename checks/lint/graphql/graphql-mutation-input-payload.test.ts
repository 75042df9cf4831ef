import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlMutationInputPayload } from './graphql-mutation-input-payload.js';
import { sdlModel } from './support/testing.js';

const types = 'type Query { a: Int }\ntype Order { id: ID! }\ninput PlaceOrderInput { sku: String! }\ntype PlaceOrderPayload { order: Order! }\n';

describe('graphql-mutation-input-payload', () => {
  it('passes one non-null input argument and a payload result', () => {
    expect(runModelRule(graphqlMutationInputPayload, sdlModel({ shop: `${types}type Mutation { placeOrder(input: PlaceOrderInput!): PlaceOrderPayload! }\n` }))).toEqual([]);
  });

  it('reports scalar arguments, a nullable input and a bare entity result', () => {
    const sdl = `${types}type Mutation {\n  cancelOrder(orderId: ID!, reason: String): Order\n  placeOrder(input: PlaceOrderInput): PlaceOrderPayload!\n  shipOrder: [Order]\n}\n`;
    const findings = runModelRule(graphqlMutationInputPayload, sdlModel({ shop: sdl }));
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [6, 'Mutation `Mutation.cancelOrder` in subgraph `shop` takes `orderId`, `reason` instead of one `input` argument and returns `Order`, not a `…Payload` object type.'],
      [7, 'Mutation `Mutation.placeOrder` in subgraph `shop` has `input: PlaceOrderInput`, not a non-null input object type.'],
      [8, 'Mutation `Mutation.shipOrder` in subgraph `shop` takes no `input` argument and returns `[Order]`, not a `…Payload` object type.'],
    ]);
    expect(findings[0]!.hint).toBe('Write it as `cancelOrder(input: CancelOrderInput!): CancelOrderPayload!`: new input fields and new payload fields can then be added without breaking clients.');
  });

  it('takes the payload suffix from its options', () => {
    const sdl = 'type Query { a: Int }\ninput PlaceOrderInput { a: Int }\ntype PlaceOrderResult { a: Int }\ntype Mutation { placeOrder(input: PlaceOrderInput!): PlaceOrderResult! }\n';
    expect(runModelRule(graphqlMutationInputPayload, sdlModel({ shop: sdl }), { options: { payloadSuffix: 'Result' } })).toEqual([]);
    expect(runModelRule(graphqlMutationInputPayload, sdlModel({ shop: sdl }))).toHaveLength(1);
  });
});
