import { describe, expect, it } from 'vitest';
import { runRedoclyLint } from '../redocly/run.js';
import { openApiRulesForPreset } from './index.js';

/** Documents that are structurally wrong or unusual; the rules must not throw on any of them. */
const ODD: Record<string, string> = {
  'paths is null': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: null\n`,
  'path item is a string': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: { /orders: nope }\n`,
  'operation is a list': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: { /orders: { get: [1, 2] } }\n`,
  'responses is a list': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: { /orders: { post: { responses: [a] } } }\n`,
  'parameters is an object': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: { /orders: { get: { parameters: { a: 1 }, responses: { '200': { description: ok } } } } }\n`,
  'parameter without name': `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: { /orders: { get: { parameters: [{ in: query }, null, 3], responses: { '200': { description: ok } } } } }\n`,
  'unresolved refs everywhere': `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /orders:
    $ref: '#/nope'
  /customers:
    post:
      parameters: [{ $ref: '#/components/parameters/Missing' }]
      requestBody: { $ref: '#/components/requestBodies/Missing' }
      responses:
        '202': { $ref: '#/components/responses/Missing' }
        '500': { content: { application/json: { schema: { $ref: './missing.yaml' } } } }
`,
  'cyclic allOf': `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /orders:
    get:
      parameters: [{ name: cursor, in: query, schema: { type: string } }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }
        '202': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }
components:
  schemas:
    A: { allOf: [{ $ref: '#/components/schemas/B' }], properties: { data: { $ref: '#/components/schemas/A' } } }
    B: { allOf: [{ $ref: '#/components/schemas/A' }] }
`,
  'odd keys and values': `openapi: 3.1.0
info: { title: t, version: '1' }
servers: [{ url: 42 }, null, { url: '{a}/{b}', variables: { a: null } }]
paths:
  /: { get: { responses: { '200': { description: ok, headers: null, content: null } } } }
  //a//{}/: { delete: { responses: { '2XX': { description: ok }, x-ext: 1 } } }
  /orders/{id}:orders.json: { post: { responses: { default: { description: e, content: { '*/*': {} } } } } }
webhooks: { orderPlaced: { post: { responses: { '200': { description: ok } } } } }
`,
  'swagger 2': `swagger: '2.0'
info: { title: t, version: '1' }
basePath: /v1
paths:
  /orders:
    get:
      parameters: [{ name: page, in: query, type: integer }, { name: per_page, in: query, type: integer }]
      responses: { '200': { description: ok, schema: { type: array, items: { type: object } } } }
    post:
      parameters: [{ name: body, in: body, schema: { type: object } }]
      responses: { '200': { description: ok } }
`,
};

describe('rules on odd documents', () => {
  it.each(Object.entries(ODD))('%s: no rule throws', async (name, source) => {
    const findings = await runRedoclyLint({
      source,
      absoluteRef: `/virtual/odd-${name.replace(/\W+/g, '-')}.yaml`,
      rules: openApiRulesForPreset('strict'),
    });
    expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  });

  it('still finds problems in Swagger 2 documents', async () => {
    const findings = await runRedoclyLint({ source: ODD['swagger 2']!, absoluteRef: '/virtual/odd-swagger2.yaml', rules: openApiRulesForPreset('strict') });
    const ids = new Set(findings.map((f) => f.ruleId));
    expect(ids).toEqual(new Set(['paginate-collections', 'pagination-cursor', 'pagination-limit-bounded', 'operation-success-status', 'operation-error-responses', 'idempotency-key']));
  });
});
