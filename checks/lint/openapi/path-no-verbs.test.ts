import { describe, expect, it } from 'vitest';
import { pathNoVerbs, segmentWords } from './path-no-verbs.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const paths = `  /getCustomerOrders:
    get: { responses: { '200': { description: ok } } }
  /customers/{customerId}/orders:
    get: { responses: { '200': { description: ok } } }
  /createOrder:
    post: { responses: { '201': { description: ok } } }
`;

describe('path-no-verbs', () => {
  it('flags segments that start with a verb, at the path key', async () => {
    const findings = await lintWithRule(openapi(paths), pathNoVerbs);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['path-no-verbs', '/paths/~1getCustomerOrders', true],
      ['path-no-verbs', '/paths/~1createOrder', true],
    ]);
    expect(findings[0]!.message).toContain('`get`');
    expect(findings[0]!.hint).toContain('/customer-orders');
    expect(lineOf(findings[0]!)).toBe(5);
    expect(lineOf(findings[1]!)).toBe(9);
  });

  it('passes noun paths, including nouns that contain a verb (`/settings`, `/add-ons`)', async () => {
    const ok = openapi(`  /orders/{orderId}:
    get: { responses: { '200': { description: ok } } }
  /settings:
    get: { responses: { '200': { description: ok } } }
  /add-ons:
    get: { responses: { '200': { description: ok } } }
`);
    expect(await lintWithRule(ok, pathNoVerbs)).toEqual([]);
  });

  it('honors the verbs and allow options', async () => {
    const doc = openapi(`  /search-orders:
    get: { responses: { '200': { description: ok } } }
  /getCustomerOrders:
    get: { responses: { '200': { description: ok } } }
`);
    const findings = await lintWithRule(doc, pathNoVerbs, { verbs: ['search', 'get'], allow: ['getCustomerOrders'] });
    expect(findings.map((f) => f.pointer)).toEqual(['/paths/~1search-orders']);
  });

  it('splits camelCase, kebab-case and snake_case into words', () => {
    expect(segmentWords('getCustomerOrders')).toEqual(['get', 'customer', 'orders']);
    expect(segmentWords('create-order')).toEqual(['create', 'order']);
    expect(segmentWords('delete_item')).toEqual(['delete', 'item']);
  });
});
