import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './idempotency-key.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

describe('idempotency-key', () => {
  it('flags a creating POST without the header, at the method key', async () => {
    const doc = openapi(`  /orders:
    post:
      responses: { '201': { description: created } }
  /orders/{orderId}/cancel:
    post:
      responses: { '200': { description: ok } }
`);
    const findings = await lintWithRule(doc, idempotencyKey);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([['idempotency-key', '/paths/~1orders/post', true]]);
    expect(findings[0]!.message).toContain('create it twice');
    expect(lineOf(findings[0]!)).toBe(6);
  });

  it('passes when the header is declared (case-insensitive, through $ref)', async () => {
    const doc = openapi(`  /orders:
    post:
      parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }]
      responses: { '201': { description: created } }
`, `components:
  parameters:
    IdempotencyKey: { name: idempotency-key, in: header, required: true, schema: { type: string } }
`);
    expect(await lintWithRule(doc, idempotencyKey)).toEqual([]);
  });

  it('honors header and methods options', async () => {
    const doc = openapi(`  /orders/{orderId}:
    patch:
      parameters: [{ name: X-Request-Id, in: header, schema: { type: string } }]
      responses: { '200': { description: ok } }
`);
    expect(await lintWithRule(doc, idempotencyKey)).toEqual([]);
    expect(await lintWithRule(doc, idempotencyKey, { methods: ['patch'] })).toHaveLength(1);
    expect(await lintWithRule(doc, idempotencyKey, { methods: ['patch'], header: 'X-Request-Id' })).toEqual([]);
  });
});
