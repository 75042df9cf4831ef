import { describe, expect, it } from 'vitest';
import { pathSegmentCase } from './path-segment-case.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const get = `    get: { responses: { '200': { description: ok } } }`;

describe('path-segment-case', () => {
  it('flags segments not in kebab-case and singular collection names, at the path key', async () => {
    const doc = openapi(`  /lineItems:
${get}
  /order/{orderId}:
${get}
  /orders/{orderId}/shipping-labels:
${get}
`);
    const findings = await lintWithRule(doc, pathSegmentCase);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['path-segment-case', '/paths/~1lineItems', true],
      ['path-segment-case', '/paths/~1order~1{orderId}', true],
    ]);
    expect(findings[0]!.hint).toContain('line-items');
    expect(findings[1]!.message).toContain('singular');
    expect(findings[1]!.hint).toContain('`orders`');
    expect(lineOf(findings[1]!)).toBe(7);
  });

  it('treats a path with an item path beside it as a collection', async () => {
    const doc = openapi(`  /order:
${get}
  /order/{id}:
${get}
`);
    const findings = await lintWithRule(doc, pathSegmentCase);
    expect(findings.map((f) => f.pointer)).toEqual(['/paths/~1order', '/paths/~1order~1{id}']);
  });

  it('passes the seed paths', async () => {
    const doc = openapi(`  /api/v1/customers/{customerId}/orders:
${get}
  /api/v1/orders/{orderId}/status:
${get}
  /.well-known/openapi.json:
${get}
`);
    expect(await lintWithRule(doc, pathSegmentCase)).toEqual([]);
  });

  it('honors case, plural and pluralExceptions options', async () => {
    const doc = openapi(`  /line_items/{id}:
${get}
  /inventory/{sku}:
${get}
`);
    expect(await lintWithRule(doc, pathSegmentCase, { case: 'snake_case', pluralExceptions: ['inventory'] })).toEqual([]);
    expect(await lintWithRule(doc, pathSegmentCase, { case: 'snake_case', plural: false })).toEqual([]);
    const kebab = await lintWithRule(doc, pathSegmentCase);
    expect(kebab.map((f) => f.message)).toEqual([
      'Path segment `line_items` in `/line_items/{id}` is not kebab-case.',
      'Collection segment `inventory` in `/inventory/{sku}` is singular.',
    ]);
  });
});
