import { describe, expect, it } from 'vitest';
import { asyncAcceptedStatus } from './async-accepted-status.js';
import { lineOf, lintWithRule, openapi } from './support/testing.js';

describe('async-accepted-status', () => {
  it('flags a 202 without Location header or status URL + request id, at the status code', async () => {
    const doc = openapi(`  /orders:
    post:
      responses:
        '202': { description: accepted }
  /reports:
    post:
      responses:
        '202':
          description: accepted
          content: { application/json: { schema: { type: object, properties: { statusUrl: { type: string } } } } }
`);
    const findings = await lintWithRule(doc, asyncAcceptedStatus);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.onKey])).toEqual([
      ['async-accepted-status', '/paths/~1orders/post/responses/202', true],
      ['async-accepted-status', '/paths/~1reports/post/responses/202', true],
    ]);
    expect(findings[0]!.message).toContain('no `Location` header and no body');
    expect(findings[1]!.message).toContain('no request id');
    expect(lineOf(findings[0]!)).toBe(8);
  });

  it('passes a Location header or the seed body { requestId, statusUrl }', async () => {
    const doc = openapi(`  /orders:
    post:
      responses:
        '202':
          description: accepted
          headers: { Location: { schema: { type: string } } }
  /reports:
    post:
      responses:
        '202':
          description: accepted
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Accepted' }
`, `components:
  schemas:
    Accepted: { type: object, properties: { requestId: { type: string }, statusUrl: { type: string } } }
`);
    expect(await lintWithRule(doc, asyncAcceptedStatus)).toEqual([]);
  });

  it('uses the configured header and field names', async () => {
    const doc = openapi(`  /jobs:
    post:
      responses:
        '202':
          description: accepted
          headers: { X-Job-Status: { schema: { type: string } } }
`);
    expect(await lintWithRule(doc, asyncAcceptedStatus)).toHaveLength(1);
    expect(await lintWithRule(doc, asyncAcceptedStatus, { headers: ['X-Job-Status'] })).toEqual([]);
  });
});
