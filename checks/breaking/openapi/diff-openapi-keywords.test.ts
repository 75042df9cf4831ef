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

/** Fixture pair → the exact findings (id and severity) it must give, the versioning error left out. */
const CASES: Record<string, string[]> = {
  'const-changed': [
    'request-property-const-added error',
    'request-property-const-changed error',
    'request-property-const-removed info',
    'response-property-const-added info',
    'response-property-const-removed error',
  ],
  'exclusive-bounds-changed': [
    'request-parameter-exclusive-max-set error',
    'request-property-exclusive-min-set error',
    'request-property-exclusive-max-decreased error',
    'request-property-exclusive-min-decreased info',
    'response-property-exclusive-max-increased error',
    'response-property-exclusive-min-decreased error',
  ],
  'exclusive-min-set-openapi-3-0': ['request-property-exclusive-min-set error'],
  'multiple-of-changed': [
    'request-property-multiple-of-set error',
    'request-property-multiple-of-generalized info',
    'request-property-multiple-of-changed error',
    'request-property-multiple-of-unset info',
    'response-property-multiple-of-specialized info',
    'response-property-multiple-of-changed error',
    'response-property-multiple-of-unset error',
  ],
  'object-and-array-bounds-changed': [
    'request-property-unique-items-set error',
    'request-property-max-properties-set error',
    'request-property-min-properties-increased error',
    'request-property-max-properties-increased info',
    'request-property-unique-items-unset info',
    'response-property-unique-items-unset error',
    'response-property-max-properties-increased error',
    'response-property-min-properties-decreased error',
  ],
  'pattern-properties-changed': ['request-property-pattern-property-added error', 'response-property-pattern-property-removed error'],
  'discriminator-changed': [
    'request-body-discriminator-property-name-changed info',
    'request-body-discriminator-mapping-added info',
    'request-body-discriminator-mapping-changed info',
    'response-property-discriminator-added info',
  ],
  'pattern-generalized': [
    'request-parameter-pattern-generalized info',
    'request-property-pattern-generalized info',
    'request-property-pattern-changed warning',
    'response-property-pattern-changed warning',
  ],
  'body-wrapped-in-one-of': ['request-body-wrapped-in-one-of error', 'response-body-wrapped-in-one-of error'],
  // One alternative is the previous schema (annotations aside): a warning, not an error.
  'body-wrapped-in-one-of-original-preserved': ['request-body-wrapped-in-one-of-original-preserved warning', 'response-body-wrapped-in-one-of-original-preserved warning'],
  'property-deprecated-and-stability': [
    'request-property-deprecated info',
    'request-property-deprecated-with-sunset info',
    'request-property-stability-increased info',
    'response-property-reactivated info',
    'response-property-stability-decreased error',
  ],
  'request-header-property-changed': [
    'new-required-request-header-property error',
    'request-header-property-became-required error',
    'request-header-property-became-enum error',
  ],
  'security-components-changed': [
    'api-security-component-removed info',
    'api-security-component-added info',
    'api-security-component-type-changed info',
    'api-security-component-oauth-token-url-changed info',
    'api-security-component-oauth-scope-added info',
    'api-security-component-oauth-scope-removed info',
    'api-security-component-oauth-scope-changed info',
  ],
  'webhooks-changed': ['webhook-removed error', 'webhook-added info'],
  'json-schema-applicators-changed': [
    'request-body-if-added error',
    'request-body-then-added error',
    'request-body-dependent-required-added error',
    'request-property-contains-added error',
    'response-body-unevaluated-properties-removed error',
    'response-property-prefix-items-added error',
    'response-property-property-names-removed error',
    'response-property-content-media-type-changed error',
  ],
  'media-type-schema-changed': ['request-body-media-type-schema-added error', 'response-body-media-type-schema-removed error'],
  'request-parameter-sunset-changed': ['request-parameter-sunset-deleted error', 'request-parameter-sunset-date-changed-too-small error'],
  'response-header-added': ['response-header-added info'],
  'read-write-only-changed': [
    'request-required-property-became-read-only info',
    'request-optional-property-became-not-read-only info',
    'request-optional-property-became-write-only info',
    'request-read-only-property-enum-value-removed info',
    'request-read-only-property-max-length-decreased info',
    'response-required-property-became-not-write-only warning',
    'response-optional-property-became-read-only info',
    'response-optional-write-only-property-removed info',
    'response-write-only-property-became-required info',
    'response-write-only-property-enum-value-added info',
    'response-optional-write-only-property-added info',
  ],
  'list-of-types-changed': [
    'request-parameter-list-of-types-widened info',
    'request-property-list-of-types-widened info',
    'request-property-list-of-types-narrowed error',
    'response-property-list-of-types-widened error',
    'response-property-list-of-types-narrowed info',
    // Response headers have no list-of-types id: the plain type change stands.
    'response-header-type-generalized error',
  ],
  // allOf members holding annotations only (title, description, examples, $comment, x-…): info, both ways.
  'all-of-annotation-only': [
    'request-body-all-of-removed-annotation-only info',
    'request-property-all-of-added-annotation-only info',
    'response-body-all-of-added-annotation-only info',
    'response-property-all-of-removed-annotation-only info',
  ],
  // Where values travel as text (XML, text/plain, headers) a swap to string (requests) or from string (responses) is compatible.
  'type-compatible': [
    'request-property-type-compatible info',
    'request-property-type-changed error',
    // The same swap in JSON stays a type change.
    'request-property-type-changed error',
    'response-body-type-compatible info',
    'response-header-type-compatible info',
    'response-header-type-changed error',
  ],
  // The boolean schema `false` (3.1) accepts nothing: becoming it narrows, ceasing to be it widens.
  'schema-became-false': [
    'request-parameter-schema-became-false error',
    'request-parameter-property-schema-became-false error',
    'request-property-schema-became-false error',
    'request-property-schema-became-not-false info',
    // items appearing as `false` (a closed tuple).
    'request-property-schema-became-false error',
    'request-body-schema-became-false error',
    'response-header-schema-became-false info',
    'response-header-schema-became-not-false error',
    'response-property-schema-became-false info',
    'response-property-schema-became-not-false error',
    'response-body-schema-became-not-false info',
  ],
  // Clients never send a read-only property: narrowing it is info under oasdiff's read-only ids.
  'read-only-property-narrowed': ['request-read-only-property-max-items-decreased info', 'request-read-only-property-max-properties-decreased info'],
  'response-media-type-name-changed': [
    'response-media-type-name-generalized error',
    // The renamed media type's schemas are compared with each other.
    'response-property-max-increased error',
    'response-media-type-name-specialized info',
    'response-media-type-parameter-removed error',
    'response-media-type-parameter-added info',
    'response-media-type-parameter-changed error',
    // A wildcard is no rename in oasdiff: removed and added.
    'response-media-type-removed error',
    'response-media-type-added info',
    'response-body-media-type-item-schema-removed-untyped error',
    'response-body-media-type-item-schema-removed error',
    'request-body-media-type-item-schema-added error',
  ],
};

describe('diffOpenApi: schema keywords, lifecycle and components (one fixture pair each)', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, () => {
      const want = [...expected];
      if (expected.some((e) => e.endsWith(' error'))) want.push('breaking-change-needs-new-version error');
      expect(ids(name)).toEqual(want.sort());
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
