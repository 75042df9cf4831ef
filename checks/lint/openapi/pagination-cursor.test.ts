import { describe, expect, it } from 'vitest';
import { paginationCursor } from './pagination-cursor.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const page = `{ type: object, properties: { data: { type: array, items: {} }, nextCursor: { type: string }, hasMore: { type: boolean } } }`;
const op = (params: string, schema = page) => `    get:
      parameters:
${params}
      responses:
        '200':
          description: ok
          content: { application/json: { schema: ${schema} } }`;

describe('pagination-cursor', () => {
  it('flags offset parameters at the parameter, saying why', async () => {
    const doc = openapi(`  /orders:
${op(`        - { name: page, in: query, schema: { type: integer } }
        - { name: pageSize, in: query, schema: { type: integer } }`)}
`);
    const findings = await lintWithRule(doc, paginationCursor);
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['pagination-cursor', '/paths/~1orders/get/parameters/0'],
      ['pagination-cursor', '/paths/~1orders/get/parameters/1'],
    ]);
    expect(findings[0]!.message).toContain('results shift');
    expect(lineOf(findings[0]!)).toBe(8);
  });

  it('flags a cursor response without nextCursor/hasMore at the response code', async () => {
    const doc = openapi(`  /orders:
${op(`        - { name: cursor, in: query, schema: { type: string } }
        - { name: limit, in: query, schema: { type: integer } }`, '{ type: object, properties: { data: { type: array, items: {} } } }')}
`);
    const findings = await lintWithRule(doc, paginationCursor);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ pointer: '/paths/~1orders/get/responses/200', onKey: true });
    expect(findings[0]!.message).toContain('no `nextCursor` and no `hasMore`');
  });

  it('flags limit without cursor and cursor without limit', async () => {
    const doc = openapi(`  /orders:
${op(`        - { name: limit, in: query, schema: { type: integer } }`)}
  /customers:
${op(`        - { name: cursor, in: query, schema: { type: string } }`)}
`);
    const findings = await lintWithRule(doc, paginationCursor);
    expect(findings.map((f) => f.pointer)).toEqual(['/paths/~1orders/get/parameters/0', '/paths/~1customers/get/parameters/0']);
  });

  it('passes the seed pagination (cursor + limit → data, nextCursor, hasMore)', async () => {
    const doc = openapi(`  /orders:
${op(`        - { name: cursor, in: query, schema: { type: string } }
        - { name: limit, in: query, schema: { type: integer } }`)}
`);
    expect(await lintWithRule(doc, paginationCursor)).toEqual([]);
  });

  it('uses the configured names', async () => {
    const doc = openapi(`  /orders:
${op(`        - { name: page_token, in: query, schema: { type: string } }
        - { name: page_size, in: query, schema: { type: integer } }`, '{ type: object, properties: { next_page_token: { type: string }, meta: { type: object, properties: { has_more: { type: boolean } } } } }')}
`);
    const options = { cursorParam: 'page_token', limitParam: 'page_size', nextCursorField: 'next_page_token', hasMoreField: 'has_more', offsetParams: ['page', 'offset'] };
    expect(await lintWithRule(doc, paginationCursor, options)).toEqual([]);
  });
});
