import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffOpenApi } from './index.js';
import { openApiContractFromFile } from './contract-from-file.js';
import { OPENAPI_LEVELS, type OpenApiBreakingId } from './catalogue.js';
import type { DiffOptions } from './context.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/breaking/openapi');
const NOW = new Date('2025-06-01T00:00:00Z');

function diffPair(name: string, options: DiffOptions = {}) {
  const prev = openApiContractFromFile(join(FIXTURES, name, 'previous.yaml'));
  const curr = openApiContractFromFile(join(FIXTURES, name, 'current.yaml'));
  return diffOpenApi(prev, curr, { now: NOW, ...options });
}

function ids(name: string, options?: DiffOptions): string[] {
  return diffPair(name, options)
    .map((f) => `${f.ruleId} ${f.severity}`)
    .sort();
}

/** `id severity pointer` of each finding (`← pointer` where a removed element was), the versioning error left out. */
function placed(name: string): string[] {
  return diffPair(name)
    .filter((f) => f.ruleId !== 'breaking-change-needs-new-version')
    .map((f) => `${f.ruleId} ${f.severity} ${f.pointer}${f.previous ? ` ← ${f.previous.pointer}` : ''}`)
    .sort();
}

/**
 * Fixture pair → the exact findings it must give: id, severity and the pointer
 * reported at (`← pointer` in the previous document for a removal), the
 * versioning error left out.
 */
const CASES: Record<string, string[]> = {
  'const-changed': [
    'request-property-const-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/kind',
    'request-property-const-changed error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/mode',
    'request-property-const-removed info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tier',
    'response-property-const-added info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/source',
    'response-property-const-removed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/status',
  ],
  'exclusive-bounds-changed': [
    'request-parameter-exclusive-max-set error /paths/~1v1~1items/post/parameters/0/schema',
    'request-property-exclusive-max-decreased error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/qty',
    'request-property-exclusive-min-decreased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/weight',
    'request-property-exclusive-min-set error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/price',
    'response-property-exclusive-max-increased error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/score',
    'response-property-exclusive-min-decreased error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/rank',
  ],
  'exclusive-min-set-openapi-3-0': [
    'request-property-exclusive-min-set error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/price',
  ],
  'multiple-of-changed': [
    'request-property-multiple-of-changed error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/c',
    'request-property-multiple-of-generalized info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/b',
    'request-property-multiple-of-set error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/a',
    'request-property-multiple-of-unset info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/d',
    'response-property-multiple-of-changed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/f',
    'response-property-multiple-of-specialized info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/e',
    'response-property-multiple-of-unset error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/g',
  ],
  'object-and-array-bounds-changed': [
    'request-property-max-properties-increased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/attrs',
    'request-property-max-properties-set error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/meta',
    'request-property-min-properties-increased error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/labels',
    'request-property-unique-items-set error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tags',
    'request-property-unique-items-unset info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/ids',
    'response-property-max-properties-increased error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/meta',
    'response-property-min-properties-decreased error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/labels',
    'response-property-unique-items-unset error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/list',
  ],
  'pattern-properties-changed': [
    'request-property-pattern-property-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/meta/patternProperties/^x-',
    'response-property-pattern-property-removed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/meta',
  ],
  'discriminator-changed': [
    'request-body-discriminator-mapping-added info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/discriminator',
    'request-body-discriminator-mapping-changed info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/discriminator',
    'request-body-discriminator-property-name-changed info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/discriminator',
    'response-property-discriminator-added info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/pet/discriminator',
  ],
  'pattern-generalized': [
    'request-parameter-pattern-generalized info /paths/~1v1~1items/post/parameters/0/schema',
    'request-property-pattern-changed warning /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/code',
    'request-property-pattern-generalized info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/name',
    'response-property-pattern-changed warning /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/ref',
  ],
  'body-wrapped-in-one-of': [
    'request-body-wrapped-in-one-of error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/oneOf',
    'response-body-wrapped-in-one-of error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/oneOf',
  ],
  'body-wrapped-in-one-of-original-preserved': [
    'request-body-wrapped-in-one-of-original-preserved warning /paths/~1v1~1items/post/requestBody/content/application~1json/schema/oneOf',
    'response-body-wrapped-in-one-of-original-preserved warning /paths/~1v1~1items/post/responses/200/content/application~1json/schema/oneOf',
  ],
  'property-deprecated-and-stability': [
    'request-property-deprecated info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/note',
    'request-property-deprecated-with-sunset info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/legacy',
    'request-property-stability-increased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/flag',
    'response-property-reactivated info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/old',
    'response-property-stability-decreased error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/beta',
  ],
  'request-header-property-changed': [
    'new-required-request-header-property error /paths/~1v1~1items/post/parameters/0/schema/properties/region',
    'request-header-property-became-enum error /paths/~1v1~1items/post/parameters/0/schema/properties/mode',
    'request-header-property-became-required error /paths/~1v1~1items/post/parameters/0/schema/properties/tenant',
  ],
  'security-components-changed': [
    'api-security-component-added info /components/securitySchemes/bearer',
    'api-security-component-oauth-scope-added info /components/securitySchemes/oauth/flows/clientCredentials/scopes/items:admin',
    'api-security-component-oauth-scope-changed info /components/securitySchemes/oauth/flows/clientCredentials/scopes/items:read',
    'api-security-component-oauth-scope-removed info /components/securitySchemes/oauth/flows',
    'api-security-component-oauth-token-url-changed info /components/securitySchemes/oauth/flows/clientCredentials',
    'api-security-component-removed info /components/securitySchemes ← /components/securitySchemes/apiKey',
    'api-security-component-type-changed info /components/securitySchemes/legacy/type',
  ],
  'webhooks-changed': [
    'webhook-added info /webhooks/itemDeleted',
    'webhook-removed error /webhooks ← /webhooks/itemCreated',
  ],
  'json-schema-applicators-changed': [
    'request-body-dependent-required-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema',
    'request-body-if-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema',
    'request-body-then-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema',
    'request-property-contains-added error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tags',
    'response-body-unevaluated-properties-removed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema',
    'response-property-content-media-type-changed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/blob',
    'response-property-prefix-items-added error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/parts',
    'response-property-property-names-removed error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/meta',
  ],
  'media-type-schema-changed': [
    'request-body-media-type-schema-added error /paths/~1v1~1items/post/requestBody/content/text~1plain/schema',
    'response-body-media-type-schema-removed error /paths/~1v1~1items/post/responses/200/content/application~1octet-stream ← /paths/~1v1~1items/post/responses/200/content/application~1octet-stream/schema',
  ],
  'request-parameter-sunset-changed': [
    'request-parameter-sunset-date-changed-too-small error /paths/~1v1~1items/post/parameters/1/x-sunset',
    'request-parameter-sunset-deleted error /paths/~1v1~1items/post/parameters/0',
  ],
  'response-header-added': [
    'response-header-added info /paths/~1v1~1items/post/responses/200/headers/X-Request-Id',
  ],
  'read-write-only-changed': [
    'request-optional-property-became-not-read-only info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/note',
    'request-optional-property-became-write-only info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/secret',
    'request-read-only-property-enum-value-removed info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/code',
    'request-read-only-property-max-length-decreased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/label',
    'request-required-property-became-read-only info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/id',
    'response-optional-property-became-read-only info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/created',
    'response-optional-write-only-property-added info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/hint',
    'response-optional-write-only-property-removed info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties ← /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/password',
    'response-required-property-became-not-write-only warning /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/token',
    'response-write-only-property-became-required info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/pin',
    'response-write-only-property-enum-value-added info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/kind',
  ],
  'list-of-types-changed': [
    'request-parameter-list-of-types-widened info /paths/~1v1~1items/post/parameters/0/schema',
    'request-property-list-of-types-narrowed error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/ref',
    'request-property-list-of-types-widened info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/amount',
    'response-header-type-generalized error /paths/~1v1~1items/post/responses/200/headers/X-Count/schema',
    'response-property-list-of-types-narrowed info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/code',
    'response-property-list-of-types-widened error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/value',
  ],
  'all-of-annotation-only': [
    'request-body-all-of-removed-annotation-only info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/allOf ← /paths/~1v1~1items/post/requestBody/content/application~1json/schema/allOf/1',
    'request-property-all-of-added-annotation-only info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tag/allOf/1',
    'response-body-all-of-added-annotation-only info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/allOf/1',
    'response-property-all-of-removed-annotation-only info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/size/allOf ← /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/size/allOf/1',
  ],
  'type-compatible': [
    'request-property-type-changed error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/qty',
    'request-property-type-changed error /paths/~1v1~1items/post/requestBody/content/application~1xml/schema/properties/code',
    'request-property-type-compatible info /paths/~1v1~1items/post/requestBody/content/application~1xml/schema/properties/qty',
    'response-body-type-compatible info /paths/~1v1~1items/post/responses/200/content/text~1plain/schema',
    'response-header-type-changed error /paths/~1v1~1items/post/responses/200/headers/X-Id/schema',
    'response-header-type-compatible info /paths/~1v1~1items/post/responses/200/headers/X-Count/schema',
  ],
  'schema-became-false': [
    'request-body-schema-became-false error /paths/~1v1~1items/post/requestBody/content/application~1x-legacy/schema',
    'request-parameter-property-schema-became-false error /paths/~1v1~1items/post/parameters/1/schema/properties/old',
    'request-parameter-schema-became-false error /paths/~1v1~1items/post/parameters/0/schema',
    'request-property-schema-became-false error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/note',
    'request-property-schema-became-false error /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tags/items',
    'request-property-schema-became-not-false info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/closed',
    'response-body-schema-became-not-false info /paths/~1v1~1items/post/responses/200/content/text~1plain/schema',
    'response-header-schema-became-false info /paths/~1v1~1items/post/responses/200/headers/X-Trace/schema',
    'response-header-schema-became-not-false error /paths/~1v1~1items/post/responses/200/headers/X-Debug/schema',
    'response-property-schema-became-false info /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/secret',
    'response-property-schema-became-not-false error /paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/extra',
  ],
  'read-only-property-narrowed': [
    'request-read-only-property-max-items-decreased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/ids',
    'request-read-only-property-max-properties-decreased info /paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/meta',
  ],
  'response-media-type-name-changed': [
    'request-body-media-type-item-schema-added error /paths/~1v1~1export/post/requestBody/content/application~1jsonl/itemSchema',
    'response-body-media-type-item-schema-removed error /paths/~1v1~1export/get/responses/200/content/application~1x-ndjson ← /paths/~1v1~1export/get/responses/200/content/application~1x-ndjson/itemSchema',
    'response-body-media-type-item-schema-removed-untyped error /paths/~1v1~1export/get/responses/200/content/application~1jsonl ← /paths/~1v1~1export/get/responses/200/content/application~1jsonl/itemSchema',
    'response-media-type-added info /paths/~1v1~1items~1{id}/get/responses/200/content/image~1*',
    'response-media-type-name-generalized error /paths/~1v1~1items/get/responses/200/content/application~1json',
    'response-media-type-name-specialized info /paths/~1v1~1items/get/responses/400/content/application~1problem+json',
    'response-media-type-parameter-added info /paths/~1v1~1items~1{id}/get/responses/200/content/text~1csv; header=present',
    'response-media-type-parameter-changed error /paths/~1v1~1items~1{id}/get/responses/200/content/application~1xml; charset=ascii',
    'response-media-type-parameter-removed error /paths/~1v1~1items~1{id}/get/responses/200/content/text~1plain',
    'response-media-type-removed error /paths/~1v1~1items~1{id}/get/responses/200/content ← /paths/~1v1~1items~1{id}/get/responses/200/content/image~1png',
    'response-property-max-increased error /paths/~1v1~1items/get/responses/200/content/application~1json/schema/properties/count',
  ],
};

describe('diffOpenApi: schema keywords, lifecycle and components (one fixture pair each)', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, () => {
      expect(placed(name)).toEqual([...expected].sort());
      // an error under an unchanged major version also fails the versioning rule
      const versioning = ids(name).includes('breaking-change-needs-new-version error');
      expect(versioning).toBe(expected.some((e) => e.split(' ')[1] === 'error'));
    });
  }

  it('uses oasdiff levels for every id it reports', () => {
    for (const name of Object.keys(CASES)) {
      for (const f of diffPair(name)) if (f.ruleId !== 'breaking-change-needs-new-version') expect(OPENAPI_LEVELS.get(f.ruleId as OpenApiBreakingId)).toBe(f.severity);
    }
  });
});

describe('diffOpenApi: details of the keyword checks', () => {
  it('reports a oneOf wrapping once, at the new oneOf, instead of removed properties and a type change', () => {
    const found = diffPair('body-wrapped-in-one-of').filter((f) => f.ruleId === 'request-body-wrapped-in-one-of');
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('Request body of POST /v1/items was restructured into a oneOf of 2 alternatives');
    expect(found[0].pointer).toBe('/paths/~1v1~1items/post/requestBody/content/application~1json/schema/oneOf');
  });

  it('words a oneOf wrapping that keeps the previous schema as an alternative', () => {
    const f = diffPair('body-wrapped-in-one-of-original-preserved').find((x) => x.ruleId === 'response-body-wrapped-in-one-of-original-preserved')!;
    expect(f.message).toBe(
      'Response body of POST /v1/items 200 was restructured into a oneOf of 2 alternatives, one of them the previous schema (a payload matching another one too is now rejected)',
    );
    expect(f.pointer).toBe('/paths/~1v1~1items/post/responses/200/content/application~1json/schema/oneOf');
  });

  it('words an annotation-only allOf member and points at it', () => {
    const f = diffPair('all-of-annotation-only').find((x) => x.ruleId === 'request-property-all-of-added-annotation-only')!;
    expect(f.message).toBe('Request property `tag` of POST /v1/items had the annotation-only allOf member `#1` added');
    expect(f.pointer).toBe('/paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tag/allOf/1');
  });

  it('words a compatible type swap', () => {
    const f = diffPair('type-compatible').find((x) => x.ruleId === 'request-property-type-compatible')!;
    expect(f.message).toBe('Request property `qty` of POST /v1/items (application/xml) changed type from integer to string (compatible: its values travel as text)');
  });

  it('words a schema that became `false` and points at it', () => {
    const found = diffPair('schema-became-false');
    const items = found.find((x) => x.ruleId === 'request-property-schema-became-false' && x.message.includes('tags/items'))!;
    expect(items.message).toBe('Request property `tags/items` of POST /v1/items became the `false` schema (no value is valid any more)');
    expect(items.pointer).toBe('/paths/~1v1~1items/post/requestBody/content/application~1json/schema/properties/tags/items');
    // Through a $ref too, pointing where it is written.
    expect(found.find((x) => x.ruleId === 'request-body-schema-became-false')!.pointer).toBe('/paths/~1v1~1items/post/requestBody/content/application~1x-legacy/schema');
  });

  it('names the header parameter and points at the property', () => {
    const f = diffPair('request-header-property-changed').find((x) => x.ruleId === 'new-required-request-header-property')!;
    expect(f.message).toBe('Property `region` of header parameter `X-Context` of POST /v1/items was added as required');
    expect(f.pointer).toBe('/paths/~1v1~1items/post/parameters/0/schema/properties/region');
  });

  it('asks for a sunset date on a deprecated property when a notice period is configured', () => {
    const got = ids('property-deprecated-and-stability', { minSunsetDays: 30 });
    expect(got).toContain('request-property-deprecated-sunset-missing error');
    expect(got).not.toContain('request-property-deprecated info');
    // 2026-01-31 is more than 30 days after 2025-06-01: still a plain deprecation with sunset.
    expect(got).toContain('request-property-deprecated-with-sunset info');
    const tooSoon = ids('property-deprecated-and-stability', { minSunsetDays: 365 });
    expect(tooSoon).toContain('request-property-sunset-date-too-small error');
  });

  it('keeps only errors at --level error', () => {
    expect(ids('multiple-of-changed', { level: 'error' })).toEqual(
      [
        'breaking-change-needs-new-version error',
        'request-property-multiple-of-changed error',
        'request-property-multiple-of-set error',
        'response-property-multiple-of-changed error',
        'response-property-multiple-of-unset error',
      ].sort(),
    );
  });

  it('reports a readOnly / writeOnly flip at the property, worded and pointing into the current document', () => {
    const found = diffPair('read-write-only-changed');
    const flip = found.find((f) => f.ruleId === 'response-required-property-became-not-write-only')!;
    expect(flip.message).toBe('Response property `token` of POST /v1/items 200 became not write-only');
    expect(flip.pointer).toBe('/paths/~1v1~1items/post/responses/200/content/application~1json/schema/properties/token');
    const enumRemoved = found.find((f) => f.ruleId === 'request-read-only-property-enum-value-removed')!;
    expect(enumRemoved.message).toBe('Request property `code` of POST /v1/items had the enum value `b` removed');
    // A property hidden on this side in both versions gives only its read-only / write-only variant.
    expect(found.map((f) => f.ruleId)).not.toContain('request-property-enum-value-removed');
    expect(found.map((f) => f.ruleId)).not.toContain('response-property-enum-value-added');
  });

  it('reports a list of types once, worded with the types added or removed', () => {
    const found = diffPair('list-of-types-changed');
    expect(found.find((f) => f.ruleId === 'request-property-list-of-types-widened')!.message).toBe('Request property `amount` of POST /v1/items had the type integer added to its list of types');
    expect(found.find((f) => f.ruleId === 'request-property-list-of-types-narrowed')!.message).toBe('Request property `ref` of POST /v1/items had the type integer removed from its list of types');
    // Not also a type change, nor oneOf/anyOf members added or removed.
    expect(found.filter((f) => /type-(changed|generalized|specialized)|-(one|any)-of-/.test(f.ruleId)).map((f) => f.ruleId)).toEqual(['response-header-type-generalized']);
    expect(found.find((f) => f.ruleId === 'response-header-type-generalized')!.message).toMatch(/was widened from integer to any$/);
  });

  it('reports a renamed response media type once, worded and pointing at the new name', () => {
    const found = diffPair('response-media-type-name-changed');
    const generalized = found.find((f) => f.ruleId === 'response-media-type-name-generalized')!;
    expect(generalized.message).toBe('Media type application/vnd.items+json of response GET /v1/items 200 was generalized to application/json');
    expect(generalized.pointer).toBe('/paths/~1v1~1items/get/responses/200/content/application~1json');
    expect(found.find((f) => f.ruleId === 'response-media-type-parameter-removed')!.message).toBe(
      'Media type text/plain; charset=utf-8 of response GET /v1/items/{id} 200 lost the parameter `charset=utf-8`',
    );
    expect(found.find((f) => f.ruleId === 'response-property-max-increased')!.message).toMatch(/^Response property `count` of GET \/v1\/items 200 /);
    // Neither side of a rename is also a removal or an addition.
    expect(found.filter((f) => /^response-media-type-(removed|added)$/.test(f.ruleId)).map((f) => f.message)).toEqual([
      'Media type image/png of response GET /v1/items/{id} 200 was removed',
      'Media type image/* was added to response GET /v1/items/{id} 200',
    ]);
  });

  it('words a 3.0 boolean exclusive bound with the bound it excludes', () => {
    const [f] = diffPair('exclusive-min-set-openapi-3-0');
    expect(f.message).toBe('Request property `price` of POST /v1/items had exclusiveMinimum set (minimum 0 is now excluded)');
  });
});
