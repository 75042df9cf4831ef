import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffOpenApi } from './index.js';
import { openApiContractFromFile } from './contract-from-file.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/breaking/openapi');
const NOW = new Date('2025-06-01T00:00:00Z');

function diffPair(name: string, level?: 'error' | 'warning' | 'info') {
  const prev = openApiContractFromFile(join(FIXTURES, name, 'previous.yaml'));
  const curr = openApiContractFromFile(join(FIXTURES, name, 'current.yaml'));
  return diffOpenApi(prev, curr, { now: NOW, level });
}

function ids(name: string): string[] {
  return diffPair(name)
    .map((f) => `${f.ruleId} ${f.severity}`)
    .sort();
}

function times(n: number, id: string): string[] {
  return Array.from({ length: n }, () => id);
}

/** Fixture pair → the exact findings (id and severity) it must give, the versioning error left out. */
const CASES: Record<string, string[]> = {
  'no-change': [],
  'renamed-path-parameter': [],
  'api-removed-after-sunset': [],
  'stability-draft-relaxed': [],
  'api-path-removed-without-deprecation': ['api-path-removed-without-deprecation error', 'api-path-removed-without-deprecation error'],
  'api-removed-without-deprecation': ['api-removed-without-deprecation error'],
  'api-removed-with-deprecation': ['api-removed-with-deprecation info'],
  'api-removed-before-sunset': ['api-removed-before-sunset error'],
  'endpoint-added': ['endpoint-added info'],
  'endpoint-deprecated-with-sunset': ['endpoint-deprecated-with-sunset info'],
  'api-stability-decreased': ['api-stability-decreased error'],
  'request-parameter-became-required': ['request-parameter-became-required error'],
  'new-required-request-parameter': ['new-required-request-parameter error'],
  'new-optional-request-parameter': ['new-optional-request-parameter info'],
  'path-level-parameter-added': [
    ...times(2, 'new-required-request-default-parameter-to-existing-path error'),
    ...times(3, 'new-optional-request-default-parameter-to-existing-path info'),
  ],
  'request-parameter-removed': ['request-parameter-removed warning'],
  'request-parameter-enum-value-removed': ['request-parameter-enum-value-removed error'],
  'request-parameter-max-decreased': ['request-parameter-max-decreased error'],
  // The same schema under JSON (a type change) and XML (values are text: integer → string is compatible).
  'request-property-type-changed': ['request-property-type-changed error', 'request-property-type-compatible info'],
  'request-property-max-length-decreased': times(2, 'request-property-max-length-decreased error'),
  'new-required-request-property': times(2, 'new-required-request-property error'),
  'request-property-removed': times(2, 'request-property-removed warning'),
  'request-body-became-required': ['request-body-became-required error'],
  'request-body-media-type-removed': ['request-body-media-type-removed error'],
  'response-required-property-removed': times(3, 'response-required-property-removed error'),
  'response-optional-property-added': times(3, 'response-optional-property-added info'),
  'response-property-enum-value-added': times(3, 'response-property-enum-value-added warning'),
  'response-property-type-changed': times(3, 'response-property-type-changed error'),
  'response-property-became-optional': ['response-property-became-optional error'],
  'response-property-became-nullable': ['response-property-became-nullable error'],
  'response-success-status-removed': ['response-success-status-added info', 'response-success-status-removed error'],
  'response-media-type-removed': ['response-media-type-removed error'],
  'required-response-header-removed': ['required-response-header-removed error'],
  'api-security-removed': ['api-security-removed error'],
  'api-security-scope-added': ['api-security-scope-added error'],
  'api-global-security-removed': ['api-global-security-added info', 'api-global-security-removed error'],
};

describe('diffOpenApi: one fixture pair per rule', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, () => {
      const want = [...expected];
      if (expected.some((e) => e.endsWith(' error'))) want.push('breaking-change-needs-new-version error');
      expect(ids(name)).toEqual(want.sort());
    });
  }
});

describe('diffOpenApi: parameters added on the path item', () => {
  it('reports each operation of the path, pointing at the parameter as written (through its $ref)', () => {
    const found = diffPair('path-level-parameter-added').filter((f) => f.ruleId === 'new-required-request-default-parameter-to-existing-path');
    expect(found.map((f) => f.message).sort()).toEqual([
      'Required header parameter `X-Tenant` was added to the path /v1/items/{itemId}, which DELETE /v1/items/{itemId} inherits',
      'Required header parameter `X-Tenant` was added to the path /v1/items/{itemId}, which GET /v1/items/{itemId} inherits',
    ]);
    expect(found[0].pointer).toBe('/components/parameters/Tenant');
  });

  it('does not report a parameter an operation already had on its own', () => {
    const locale = diffPair('path-level-parameter-added').filter((f) => f.message.includes('`locale`'));
    expect(locale.map((f) => f.message)).toEqual(['Optional query parameter `locale` was added to the path /v1/items/{itemId}, which DELETE /v1/items/{itemId} inherits']);
  });
});
