import { describe, expect, it } from 'vitest';
import { operationSuccessStatus } from './operation-success-status.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const r = (code: string) => `{ responses: { '${code}': { description: ok } } }`;

describe('operation-success-status', () => {
  it('flags wrong success codes per method, at the status code', async () => {
    const doc = openapi(`  /orders:
    get: ${r('201')}
    post: ${r('200')}
  /orders/{orderId}:
    delete: ${r('201')}
    put: ${r('202')}
    patch: ${r('201')}
`);
    const findings = await lintWithRule(doc, operationSuccessStatus);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['operation-success-status', '/paths/~1orders/get/responses/201', true],
      ['operation-success-status', '/paths/~1orders/post/responses/200', true],
      ['operation-success-status', '/paths/~1orders~1{orderId}/delete/responses/201', true],
      ['operation-success-status', '/paths/~1orders~1{orderId}/patch/responses/201', true],
    ]);
    expect(findings[1]!.message).toBe('POST /orders creates a resource but answers 200; expected 201 or 202.');
    expect(lineOf(findings[1]!)).toBe(7);
  });

  it('passes the seed operations and POST actions that do not create', async () => {
    const doc = openapi(`  /orders:
    post: ${r('201')}
  /orders/{orderId}:
    get: ${r('200')}
    put: ${r('200')}
    delete: ${r('204')}
  /orders/{orderId}/status:
    patch: ${r('204')}
  /orders/{orderId}/cancel:
    post: ${r('200')}
  /bulk-orders:
    post: ${r('202')}
`);
    expect(await lintWithRule(doc, operationSuccessStatus)).toEqual([]);
  });

  it('flags a POST that creates whatever its path is called: a Location header, a listing GET beside it, a body with an id', async () => {
    const created = (extra: string) => `{ responses: { '200': { description: ok${extra} } } }`;
    const withId = "{ application/json: { schema: { type: object, properties: { id: { type: string }, total: { type: number } } } } }";
    const doc = openapi(`  /order:
    post: ${created(', headers: { Location: { schema: { type: string } } }')}
  /inventory:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array, items: {} } } } } } }
    post: ${r('200')}
  /cart/checkout:
    post: ${created(`, content: ${withId}`)}
`);
    const findings = await lintWithRule(doc, operationSuccessStatus);
    expect(findings.map((f) => f.pointer)).toEqual([
      '/paths/~1order/post/responses/200',
      '/paths/~1inventory/post/responses/200',
      '/paths/~1cart~1checkout/post/responses/200',
    ]);
    expect(findings[2]!.message).toBe('POST /cart/checkout creates a resource but answers 200; expected 201 or 202.');
  });

  it('passes POST actions on an item and POSTs that return no resource', async () => {
    const order = "{ application/json: { schema: { type: object, properties: { id: { type: string }, status: { type: string } } } } }";
    const doc = openapi(`  /orders/{orderId}/cancel:
    post: { responses: { '200': { description: ok, content: ${order} } } }
  /search:
    post: { responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { results: { type: array, items: {} } } } } } } } }
  /login:
    post: { responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { token: { type: string } } } } } } } }
`);
    expect(await lintWithRule(doc, operationSuccessStatus)).toEqual([]);
  });
});
