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
${list('[{ name: cursor, in: query, schema: { type: string } }]', '{ type: object, properties: { data: { type: array, items: { type: object } }, nextCursor: { type: string } } }')}
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

  it('flags a paginated GET whose 200 is a bare array: there is nowhere to put the next cursor', async () => {
    const cursor = '[{ name: cursor, in: query, schema: { type: string } }, { name: limit, in: query, schema: { type: integer, maximum: 100 } }]';
    const doc = openapi(`  /orders:
${list(cursor, '{ type: array, items: { type: object } }')}
  /pages:
${list('[{ name: page, in: query, schema: { type: integer } }]', '{ type: array, items: { type: object } }')}
  /bounded:
${list(cursor, '{ type: array, maxItems: 100, items: { type: object } }')}
`);
    const findings = await lintWithRule(doc, paginateCollections);
    expect(findings.map((f) => [f.pointer, f.onKey])).toEqual([
      ['/paths/~1orders/get/responses/200/content/application~1json', true],
      ['/paths/~1pages/get/responses/200/content/application~1json', true],
      ['/paths/~1bounded/get/responses/200/content/application~1json', true],
    ]);
    expect(findings[0]!.message).toBe('GET /orders is paginated (`cursor`) but its 200 response is a bare array: there is nowhere to put the next cursor.');
    expect(findings[1]!.message).toBe('GET /pages is paginated (`page`) but its 200 response is a bare array: a page cannot say whether another follows.');
    expect(findings[0]!.hint).toContain('Link');
  });

  it('passes a paginated bare array with a Link header, and a wrapped page', async () => {
    const doc = openapi(`  /orders:
    get:
      parameters: [{ name: cursor, in: query, schema: { type: string } }]
      responses:
        '200':
          description: ok
          headers: { Link: { schema: { type: string } } }
          content: { application/json: { schema: { type: array, items: { type: object } } } }
  /customers:
${list('[{ name: cursor, in: query, schema: { type: string } }]', '{ type: object, properties: { data: { type: array, items: {} }, nextCursor: { type: string } } }')}
`);
    expect(await lintWithRule(doc, paginateCollections)).toEqual([]);
  });
});
