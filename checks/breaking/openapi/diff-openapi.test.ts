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

/** `id severity pointer` of each finding (`← pointer` where a removed element was), the versioning error apart. */
function found(name: string): { findings: string[]; versioning: boolean } {
  const all = diffPair(name);
  return {
    findings: all
      .filter((f) => f.ruleId !== 'breaking-change-needs-new-version')
      .map((f) => `${f.ruleId} ${f.severity} ${f.pointer}${f.previous ? ` ← ${f.previous.pointer}` : ''}`)
      .sort(),
    versioning: all.some((f) => f.ruleId === 'breaking-change-needs-new-version'),
  };
}

/**
 * Fixture pair → the exact findings it must give: id, severity and the pointer
 * reported at (`← pointer` in the previous document for a removal), the
 * versioning error left out.
 */
const CASES: Record<string, string[]> = {
  'no-change': [],
  'renamed-path-parameter': [],
  'api-removed-after-sunset': [],
  'stability-draft-relaxed': [],
  'api-path-removed-without-deprecation': [
    'api-path-removed-without-deprecation error /paths ← /paths/~1v1~1orders~1{orderId}/delete',
    'api-path-removed-without-deprecation error /paths ← /paths/~1v1~1orders~1{orderId}/get',
  ],
  'api-removed-without-deprecation': [
    'api-removed-without-deprecation error /paths/~1v1~1orders~1{orderId} ← /paths/~1v1~1orders~1{orderId}/delete',
  ],
  'api-removed-with-deprecation': [
    'api-removed-with-deprecation info /paths/~1v1~1orders~1{orderId} ← /paths/~1v1~1orders~1{orderId}/delete',
  ],
  'api-removed-before-sunset': [
    'api-removed-before-sunset error /paths/~1v1~1orders~1{orderId} ← /paths/~1v1~1orders~1{orderId}/delete',
  ],
  'endpoint-added': [
    'endpoint-added info /paths/~1v1~1orders~1{orderId}/put',
  ],
  'endpoint-deprecated-with-sunset': [
    'endpoint-deprecated-with-sunset info /paths/~1v1~1orders~1{orderId}/delete',
  ],
  'api-stability-decreased': [
    'api-stability-decreased error /paths/~1v1~1orders~1{orderId}/get',
  ],
  'request-parameter-became-required': [
    'request-parameter-became-required error /paths/~1v1~1orders/get/parameters/0',
  ],
  'new-required-request-parameter': [
    'new-required-request-parameter error /paths/~1v1~1orders/get/parameters/2',
  ],
  'new-optional-request-parameter': [
    'new-optional-request-parameter info /paths/~1v1~1orders/get/parameters/2',
  ],
  'path-level-parameter-added': [
    'new-optional-request-default-parameter-to-existing-path info /paths/~1v1~1items~1{itemId}/parameters/2',
    'new-optional-request-default-parameter-to-existing-path info /paths/~1v1~1items~1{itemId}/parameters/2',
    'new-optional-request-default-parameter-to-existing-path info /paths/~1v1~1items~1{itemId}/parameters/3',
    'new-required-request-default-parameter-to-existing-path error /components/parameters/Tenant',
    'new-required-request-default-parameter-to-existing-path error /components/parameters/Tenant',
  ],
  'request-parameter-removed': [
    'request-parameter-removed warning /paths/~1v1~1orders/get/parameters ← /paths/~1v1~1orders/get/parameters/1',
  ],
  'request-parameter-enum-value-removed': [
    'request-parameter-enum-value-removed error /paths/~1v1~1orders/get/parameters/1/schema',
  ],
  'request-parameter-max-decreased': [
    'request-parameter-max-decreased error /paths/~1v1~1orders/get/parameters/0/schema',
  ],
  'request-property-type-changed': [
    'request-property-type-changed error /components/schemas/NewOrder/properties/quantity',
    'request-property-type-compatible info /components/schemas/NewOrder/properties/quantity',
  ],
  'request-property-max-length-decreased': [
    'request-property-max-length-decreased error /components/schemas/NewOrder/properties/customerId',
    'request-property-max-length-decreased error /components/schemas/NewOrder/properties/customerId',
  ],
  'new-required-request-property': [
    'new-required-request-property error /components/schemas/NewOrder/properties/currency',
    'new-required-request-property error /components/schemas/NewOrder/properties/currency',
  ],
  'request-property-removed': [
    'request-property-removed warning /components/schemas/NewOrder/properties ← /components/schemas/NewOrder/properties/note',
    'request-property-removed warning /components/schemas/NewOrder/properties ← /components/schemas/NewOrder/properties/note',
  ],
  'request-body-became-required': [
    'request-body-became-required error /paths/~1v1~1orders/post/requestBody',
  ],
  'request-body-media-type-removed': [
    'request-body-media-type-removed error /paths/~1v1~1orders/post/requestBody/content ← /paths/~1v1~1orders/post/requestBody/content/application~1xml',
  ],
  'response-required-property-removed': [
    'response-required-property-removed error /components/schemas/Order/properties ← /components/schemas/Order/properties/total',
    'response-required-property-removed error /components/schemas/Order/properties ← /components/schemas/Order/properties/total',
    'response-required-property-removed error /components/schemas/Order/properties ← /components/schemas/Order/properties/total',
  ],
  'response-optional-property-added': [
    'response-optional-property-added info /components/schemas/Order/properties/currency',
    'response-optional-property-added info /components/schemas/Order/properties/currency',
    'response-optional-property-added info /components/schemas/Order/properties/currency',
  ],
  'response-property-enum-value-added': [
    'response-property-enum-value-added warning /components/schemas/Order/properties/status',
    'response-property-enum-value-added warning /components/schemas/Order/properties/status',
    'response-property-enum-value-added warning /components/schemas/Order/properties/status',
  ],
  'response-property-type-changed': [
    'response-property-type-changed error /components/schemas/Order/properties/total',
    'response-property-type-changed error /components/schemas/Order/properties/total',
    'response-property-type-changed error /components/schemas/Order/properties/total',
  ],
  'response-property-became-optional': [
    'response-property-became-optional error /components/schemas/OrderPage/properties/hasMore',
  ],
  'response-property-became-nullable': [
    'response-property-became-nullable error /components/schemas/OrderPage/properties/nextCursor',
  ],
  'response-success-status-removed': [
    'response-success-status-added info /paths/~1v1~1orders~1{orderId}/delete/responses/200',
    'response-success-status-removed error /paths/~1v1~1orders~1{orderId}/delete/responses ← /paths/~1v1~1orders~1{orderId}/delete/responses/204',
  ],
  'response-media-type-removed': [
    'response-media-type-removed error /paths/~1v1~1orders~1{orderId}/get/responses/200/content ← /paths/~1v1~1orders~1{orderId}/get/responses/200/content/application~1xml',
  ],
  'required-response-header-removed': [
    'required-response-header-removed error /paths/~1v1~1orders/get/responses/200 ← /paths/~1v1~1orders/get/responses/200/headers/X-Rate-Limit',
  ],
  'api-security-removed': [
    'api-security-removed error /paths/~1v1~1orders/post/security ← /paths/~1v1~1orders/post/security/1',
  ],
  'api-security-scope-added': [
    'api-security-scope-added error /paths/~1v1~1orders/post/security/0',
  ],
  'request-parameter-type-loosely-typed': [
    'request-parameter-type-generalized info /paths/~1v1~1items/get/parameters/0/schema',
    'request-parameter-type-generalized info /paths/~1v1~1items/get/parameters/1/schema',
    'request-parameter-type-changed error /paths/~1v1~1items/get/parameters/2/schema',
    'request-parameter-property-type-changed warning /paths/~1v1~1items/get/parameters/3/schema/properties/size',
    'request-parameter-property-type-specialized error /paths/~1v1~1items/get/parameters/3/schema/properties/kind',
  ],
  'request-parameter-became-form-array': [
    'request-parameter-type-generalized info /paths/~1v1~1items/get/parameters/0/schema',
    'request-parameter-type-generalized info /paths/~1v1~1items/get/parameters/1/schema',
    'request-parameter-type-generalized info /paths/~1v1~1items/get/parameters/2/schema',
    'request-parameter-type-changed error /paths/~1v1~1items/get/parameters/3/schema',
    'request-parameter-type-changed error /paths/~1v1~1items/get/parameters/4/schema',
    'request-parameter-type-changed error /paths/~1v1~1items/get/parameters/5/schema',
  ],
  'global-security-and-components-changed': [
    'api-global-security-scope-added error /security/0',
    'api-global-security-scope-removed info /security/1',
    'api-security-component-oauth-url-changed info /components/securitySchemes/oauth/flows/authorizationCode',
    'api-schema-removed info /components/schemas ← /components/schemas/LegacyItem',
  ],
  'api-global-security-removed': [
    'api-global-security-added info /security/0',
    'api-global-security-removed error /security/0 ← /security/0',
  ],
};

describe('diffOpenApi: one fixture pair per rule', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, () => {
      const { findings, versioning } = found(name);
      expect(findings).toEqual([...expected].sort());
      // an error under an unchanged major version also fails the versioning rule
      expect(versioning).toBe(expected.some((e) => e.split(' ')[1] === 'error'));
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
