import { describe, expect, it } from 'vitest';
import { operationErrorResponses } from './operation-error-responses.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

describe('operation-error-responses', () => {
  it('flags missing 4xx, 5xx, 404 and 400 at the responses key', async () => {
    const doc = openapi(`  /orders/{orderId}:
    put:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        '200': { description: ok }
`);
    const findings = await lintWithRule(doc, operationErrorResponses);
    expect(findings.map((f) => f.message)).toEqual([
      'PUT /orders/{orderId} documents no 4xx response: clients cannot tell which mistakes are theirs.',
      'PUT /orders/{orderId} documents no 5xx response: clients cannot tell which failures are worth a retry.',
      'PUT /orders/{orderId} documents no 404 response: the path names something that may not exist.',
      'PUT /orders/{orderId} documents no 400 response: the request has a body that can be invalid.',
    ]);
    expect(findings.every((f) => f.pointer === '/paths/~1orders~1{orderId}/put/responses' && f.onKey)).toBe(true);
    expect(lineOf(findings[0]!)).toBe(8);
  });

  it('passes complete error documentation; ranges and default count', async () => {
    const doc = openapi(`  /orders/{orderId}:
    put:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        '200': { description: ok }
        '400': { description: bad }
        '404': { description: missing }
        '5XX': { description: broken }
  /orders:
    get:
      responses:
        '200': { description: ok }
        default: { description: error }
`);
    expect(await lintWithRule(doc, operationErrorResponses)).toEqual([]);
  });

  it('honors defaultCoversClasses and bodyErrorStatuses', async () => {
    const doc = openapi(`  /orders:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        '201': { description: ok }
        '422': { description: invalid }
        default: { description: error }
`);
    expect((await lintWithRule(doc, operationErrorResponses)).map((f) => f.message)).toEqual([
      'POST /orders documents no 400 response: the request has a body that can be invalid.',
    ]);
    expect(await lintWithRule(doc, operationErrorResponses, { bodyErrorStatuses: ['400', '422'] })).toEqual([]);
    const strict = await lintWithRule(doc, operationErrorResponses, { defaultCoversClasses: false, bodyErrorStatuses: ['422'] });
    expect(strict.map((f) => f.message)).toEqual(['POST /orders documents no 5xx response: clients cannot tell which failures are worth a retry.']);
  });
});
