import { describe, expect, it } from 'vitest';
import { paginateCollections } from './paginate-collections.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const list = (params: string, schema: string) => `    get:
      parameters: ${params}
      responses:
        '200':
          description: ok
          content: { application/json: { schema: ${schema} } }`;

describe('paginate-collections', () => {
  it('flags a GET returning an array or an array under data/items without pagination, at the method key', async () => {
    const doc = openapi(`  /orders:
${list('[]', '{ type: array, items: { type: object } }')}
  /customers:
${list('[]', '{ $ref: "#/components/schemas/CustomerList" }')}
`, `components:
  schemas:
    CustomerList:
      type: object
      properties: { data: { type: array, items: { type: string } } }
`);
    const findings = await lintWithRule(doc, paginateCollections);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['paginate-collections', '/paths/~1orders/get', true],
      ['paginate-collections', '/paths/~1customers/get', true],
    ]);
    expect(findings[1]!.message).toContain('under `data`');
    expect(lineOf(findings[0]!)).toBe(6);
  });

  it('passes paginated, bounded and single-item responses', async () => {
    const doc = openapi(`  /orders:
${list('[{ name: cursor, in: query, schema: { type: string } }]', '{ type: array, items: { type: object } }')}
  /colors:
${list('[]', '{ type: array, maxItems: 10, items: { type: string } }')}
  /orders/{orderId}:
${list('[]', '{ type: object, properties: { id: { type: string } } }')}
`);
    expect(await lintWithRule(doc, paginateCollections)).toEqual([]);
  });

  it('honors collectionFields and paginationParams', async () => {
    const doc = openapi(`  /orders:
${list('[{ name: after, in: query, schema: { type: string } }]', '{ type: object, properties: { results: { type: array, items: {} } } }')}
`);
    expect(await lintWithRule(doc, paginateCollections)).toEqual([]);
    const findings = await lintWithRule(doc, paginateCollections, { collectionFields: ['results'], paginationParams: ['cursor'] });
    expect(findings).toHaveLength(1);
  });
});
