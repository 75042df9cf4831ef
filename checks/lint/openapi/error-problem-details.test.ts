import { describe, expect, it } from 'vitest';
import { errorProblemDetails } from './error-problem-details.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

const json = (schema: string) => `{ application/json: { schema: ${schema} } }`;

describe('error-problem-details', () => {
  it('flags error bodies that are neither problem+json nor the shared error schema, once per component', async () => {
    const doc = openapi(`  /orders/{orderId}:
    get:
      responses:
        '200': { description: ok }
        '404': { $ref: '#/components/responses/NotFound' }
        '500': { description: broken, content: { application/json: { schema: { type: object } } } }
  /customers/{customerId}:
    get:
      responses:
        '200': { description: ok }
        '404': { $ref: '#/components/responses/NotFound' }
`, `components:
  responses:
    NotFound: { description: missing, content: { application/json: { schema: { type: object, properties: { msg: { type: string } } } } } }
`);
    const findings = await lintWithRule(doc, errorProblemDetails);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['error-problem-details', '/components/responses/NotFound/content/application~1json', true],
      ['error-problem-details', '/paths/~1orders~1{orderId}/get/responses/500/content/application~1json', true],
    ]);
    expect(findings[0]!.message).toContain('with an inline schema');
    expect(lineOf(findings[0]!)).toBe(19);
    expect(lineOf(findings[1]!)).toBe(10);
  });

  it('passes problem+json, and one shared error schema', async () => {
    const problem = openapi(`  /orders:
    get:
      responses:
        '200': { description: ok }
        '400': { description: bad, content: { application/problem+json: { schema: { type: object } } } }
`);
    expect(await lintWithRule(problem, errorProblemDetails)).toEqual([]);
    const shared = openapi(`  /orders:
    get:
      responses:
        '200': { description: ok }
        '400': { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '500': { description: broken, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
`, `components:
  schemas:
    Error: { type: object, properties: { code: { type: string } } }
`);
    expect(await lintWithRule(shared, errorProblemDetails)).toEqual([]);
    const off = await lintWithRule(shared, errorProblemDetails, { allowSharedSchema: false });
    expect(off).toHaveLength(2);
  });

  it('names the shared schema when one response strays from it', async () => {
    const doc = openapi(`  /orders:
    get:
      responses:
        '400': { description: x, content: ${json("{ $ref: '#/components/schemas/Error' }")} }
        '404': { description: x, content: ${json("{ $ref: '#/components/schemas/Error' }")} }
        '500': { description: x, content: ${json('{ type: string }')} }
`, `components:
  schemas:
    Error: { type: object }
`);
    const findings = await lintWithRule(doc, errorProblemDetails);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointer).toBe('/paths/~1orders/get/responses/500/content/application~1json');
    expect(findings[0]!.message).toContain('the shared error schema `#/components/schemas/Error`');
  });
});
