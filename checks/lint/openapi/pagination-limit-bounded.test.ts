import { describe, expect, it } from 'vitest';
import { paginationLimitBounded } from './pagination-limit-bounded.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

describe('pagination-limit-bounded', () => {
  it('flags a page-size parameter without maximum or default, once per shared parameter', async () => {
    const doc = openapi(`  /orders:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer, default: 20 } }
      responses: { '200': { description: ok } }
  /customers:
    get:
      parameters: [{ $ref: '#/components/parameters/PageSize' }]
      responses: { '200': { description: ok } }
  /payments:
    get:
      parameters: [{ $ref: '#/components/parameters/PageSize' }]
      responses: { '200': { description: ok } }
`, `components:
  parameters:
    PageSize: { name: pageSize, in: query, schema: { type: integer } }
`);
    const findings = await lintWithRule(doc, paginationLimitBounded);
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['pagination-limit-bounded', '/paths/~1orders/get/parameters/0'],
      ['pagination-limit-bounded', '/components/parameters/PageSize'],
    ]);
    expect(findings[0]!.message).toContain('has no maximum');
    expect(findings[1]!.message).toContain('no maximum and no default');
    expect(lineOf(findings[1]!)).toBe(21);
  });

  it('passes a bounded limit, also through a schema $ref', async () => {
    const doc = openapi(`  /orders:
    get:
      parameters:
        - { name: limit, in: query, schema: { $ref: '#/components/schemas/Limit' } }
      responses: { '200': { description: ok } }
`, `components:
  schemas:
    Limit: { type: integer, minimum: 1, maximum: 100, default: 20 }
`);
    expect(await lintWithRule(doc, paginationLimitBounded)).toEqual([]);
  });

  it('checks only the configured names', async () => {
    const doc = openapi(`  /orders:
    get:
      parameters: [{ name: size, in: query, schema: { type: integer } }]
      responses: { '200': { description: ok } }
`);
    expect(await lintWithRule(doc, paginationLimitBounded)).toEqual([]);
    expect(await lintWithRule(doc, paginationLimitBounded, { limitParams: ['size'] })).toHaveLength(1);
  });
});
