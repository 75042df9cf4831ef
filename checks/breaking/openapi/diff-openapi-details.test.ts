import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffOpenApi } from './index.js';
import { majorVersionOf } from './versioning.js';
import { openApiContractFromDocument, openApiContractFromFile } from './contract-from-file.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/breaking/openapi');
const NOW = new Date('2025-06-01T00:00:00Z');

function pair(name: string) {
  return [openApiContractFromFile(join(FIXTURES, name, 'previous.yaml')), openApiContractFromFile(join(FIXTURES, name, 'current.yaml'))] as const;
}

describe('diffOpenApi messages and locations', () => {
  it('names the element in the past tense and points into the current document', () => {
    const [prev, curr] = pair('response-property-type-changed');
    const f = diffOpenApi(prev, curr, { now: NOW }).find((x) => x.message.includes('GET /v1/orders/{orderId}'))!;
    expect(f.message).toBe('Response property `total` of GET /v1/orders/{orderId} 200 changed type from number to string');
    expect(f.file).toBe(curr.file);
    expect(f.pointer).toBe('/components/schemas/Order/properties/total');
    expect(f.kind).toBe('openapi');
    expect(f.hint).toBeTruthy();
  });

  it('points a removal at the nearest element the current document still has, keeping where it was', () => {
    const [prev, curr] = pair('response-required-property-removed');
    const f = diffOpenApi(prev, curr, { now: NOW }).find((x) => x.ruleId === 'response-required-property-removed')!;
    expect(f.file).toBe(curr.file);
    expect(f.pointer).toBe('/components/schemas/Order/properties');
    expect(f.onKey).toBe(true);
    expect(f.previous).toEqual({ file: prev.file, pointer: '/components/schemas/Order/properties/total' });
    expect(f.message).toMatch(/^Response property `(items\/items\/)?total` of .* was removed$/);
  });

  it('gives nested property paths through arrays', () => {
    const [prev, curr] = pair('response-required-property-removed');
    const messages = diffOpenApi(prev, curr, { now: NOW }).map((x) => x.message);
    expect(messages).toContain('Response property `items/items/total` of GET /v1/orders 200 was removed');
  });

  it('points a removed operation at its path item, and at its previous location as `previous`', () => {
    const [prev, curr] = pair('api-removed-without-deprecation');
    const f = diffOpenApi(prev, curr, { now: NOW })[0];
    expect(f).toMatchObject({ ruleId: 'api-removed-without-deprecation', file: curr.file, pointer: '/paths/~1v1~1orders~1{orderId}' });
    expect(f.previous).toEqual({ file: prev.file, pointer: '/paths/~1v1~1orders~1{orderId}/delete' });
    expect(f.message).toBe('DELETE /v1/orders/{orderId} was removed without deprecation');
  });
});

describe('levels', () => {
  it('drops findings below the requested level', () => {
    const [prev, curr] = pair('response-optional-property-added');
    expect(diffOpenApi(prev, curr, { level: 'warning' })).toEqual([]);
    const [p2, c2] = pair('request-parameter-removed');
    expect(diffOpenApi(p2, c2, { level: 'warning' }).map((f) => f.ruleId)).toEqual(['request-parameter-removed']);
    expect(diffOpenApi(p2, c2, { level: 'error' })).toEqual([]);
  });
});

describe('versioning', () => {
  it('adds one error saying to publish /v2 when breaking changes keep the major version', () => {
    const [prev, curr] = pair('request-parameter-became-required');
    const v = diffOpenApi(prev, curr, { now: NOW }).filter((f) => f.ruleId === 'breaking-change-needs-new-version');
    expect(v).toHaveLength(1);
    expect(v[0].severity).toBe('error');
    expect(v[0].hint).toContain('/v2');
  });

  it('is quiet when the major version went up (path prefix /v1 → /v2)', () => {
    const [prev, curr] = pair('major-version-bumped');
    const f = diffOpenApi(prev, curr, { now: NOW });
    expect(f.some((x) => x.ruleId === 'api-path-removed-without-deprecation')).toBe(true);
    expect(f.some((x) => x.ruleId === 'breaking-change-needs-new-version')).toBe(false);
  });

  it('reads the major version from paths, servers, then info.version', () => {
    expect(majorVersionOf({ paths: { '/api/v3/orders': {} } }).major).toBe(3);
    expect(majorVersionOf({ paths: { '/orders': {} }, servers: [{ url: 'https://x.example.com/v2' }] }).major).toBe(2);
    expect(majorVersionOf({ paths: {}, info: { version: '4.1.0' } })).toMatchObject({ major: 4, source: 'info.version' });
  });
});

describe('deprecation and sunset', () => {
  it('requires a sunset date with enough notice when minSunsetDays is set', () => {
    const [prev, curr] = pair('endpoint-deprecated-with-sunset');
    expect(diffOpenApi(prev, curr, { now: NOW, minSunsetDays: 30 }).map((f) => f.ruleId)).toEqual(['endpoint-deprecated-with-sunset']);
    const late = new Date('2998-12-15T00:00:00Z');
    expect(diffOpenApi(prev, curr, { now: late, minSunsetDays: 30 }).map((f) => f.ruleId)).toContain('api-sunset-date-too-small');
  });

  it('allows removal once the sunset date has passed', () => {
    const [prev, curr] = pair('api-removed-before-sunset');
    expect(diffOpenApi(prev, curr, { now: new Date('3000-01-02T00:00:00Z') })).toEqual([]);
  });
});

describe('recursive schemas', () => {
  it('terminates on mutually recursive schemas and reports the change once per path', () => {
    const [prev, curr] = pair('recursive-schemas');
    const f = diffOpenApi(prev, curr, { now: NOW }).filter((x) => x.ruleId === 'response-required-property-removed');
    expect(f.length).toBeGreaterThan(0);
    expect(f.map((x) => x.message)).toContain('Response property `products/items/sku` of GET /v1/categories/{id} 200 was removed');
    expect(new Set(f.map((x) => x.previous?.pointer))).toEqual(new Set(['/components/schemas/Product/properties/sku']));
  });

  it('diffs hundreds of mutually recursive schemas', () => {
    const build = (changed: boolean) => {
      const schemas: Record<string, unknown> = {};
      const n = 300;
      for (let i = 0; i < n; i++) {
        const properties: Record<string, unknown> = { id: { type: 'string' } };
        for (let k = 1; k <= 3; k++) properties[`next${k}`] = { $ref: `#/components/schemas/S${(i + k * 7) % n}` };
        if (i === 150) properties.extra = { type: changed ? 'integer' : 'string' };
        schemas[`S${i}`] = { type: 'object', properties };
      }
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < 20; i++)
        paths[`/v1/r${i}`] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/S${i * 13}` } } } } } } };
      return openApiContractFromDocument({ openapi: '3.0.3', info: { title: 'R', version: '1.0.0' }, paths, components: { schemas } }, '/tmp/recursive.yaml');
    };
    const same = diffOpenApi(build(false), build(false), { now: NOW });
    expect(same).toEqual([]);
    const changed = diffOpenApi(build(false), build(true), { level: 'error', now: NOW });
    const ids = new Set(changed.map((f) => f.ruleId));
    expect(ids).toEqual(new Set(['response-property-type-changed', 'breaking-change-needs-new-version']));
  });
});
