import { describe, expect, it } from 'vitest';
import { openApiContractFromDocument } from './contract-from-file.js';
import { createDiffContext, report } from './context.js';
import type { OpenApiBreakingId } from './catalogue.js';

const doc = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };
const context = (level: 'info' | 'error' = 'info') => createDiffContext(openApiContractFromDocument(doc, '/prev.yaml'), openApiContractFromDocument(doc, '/curr.yaml'), { level });

describe('report()', () => {
  it('throws on an id outside the catalogue instead of dropping the finding', () => {
    const ctx = context();
    expect(() => report(ctx, 'request-property-teleported' as OpenApiBreakingId, 'x', 'curr', '/paths')).toThrow(/request-property-teleported.*not in the OpenAPI breaking catalogue/);
    expect(ctx.findings).toEqual([]);
  });

  it('reports a catalogued id, and leaves one below the threshold out', () => {
    const ctx = context('error');
    report(ctx, 'endpoint-added', 'GET /a was added', 'curr', '/paths/~1a/get');
    report(ctx, 'api-path-removed-without-deprecation', 'GET /b was removed without deprecation', 'curr', '/paths/~1b/get');
    expect(ctx.findings.map((f) => [f.ruleId, f.pointer])).toEqual([['api-path-removed-without-deprecation', '/paths/~1b/get']]);
  });
});
