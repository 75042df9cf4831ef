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
});
