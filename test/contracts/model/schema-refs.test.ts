import { describe, expect, it } from 'vitest';
import { hasSchemaRefs, resolveSchemaRef, schemaAtRef } from '../../../contracts/model/schema-refs.js';
import type { Contract, OpenApiContract, SagaContract } from '../../../contracts/model/types.js';

const openapi = {
  kind: 'openapi',
  name: 'orders',
  document: { components: { schemas: { Order: { type: 'object' }, 'a/b': { type: 'string' }, Any: true } }, paths: { '/orders/{id}': { get: { x: 1 } } } },
} as unknown as OpenApiContract;
const saga = { kind: 'saga', name: 'place-order', document: { definitions: { Money: { type: 'integer' } }, saga: 'place-order' } } as unknown as SagaContract;
const proto = { kind: 'proto', name: 'billing', root: '/x' } as unknown as Contract;

describe('schema refs', () => {
  it('follows a local ref into the contract it lives in', () => {
    expect(schemaAtRef(openapi, '#/components/schemas/Order')).toEqual({ type: 'object' });
    expect(schemaAtRef(openapi, '#/components/schemas/a~1b')).toEqual({ type: 'string' });
    expect(schemaAtRef(openapi, '#/components/schemas/Any')).toBe(true);
    expect(schemaAtRef(openapi, '#/paths/~1orders~1%7Bid%7D/get')).toEqual({ x: 1 });
    expect(resolveSchemaRef(saga, '#/definitions/Money')).toEqual({ type: 'integer' });
  });

  it('`#` names the whole document', () => {
    expect(resolveSchemaRef(saga, '#')).toBe(saga.document);
  });

  it('dangling refs, non-schema values, other files and malformed escapes give undefined (no throw)', () => {
    expect(schemaAtRef(openapi, '#/components/schemas/Missing')).toBeUndefined();
    expect(resolveSchemaRef(saga, '#/saga')).toBeUndefined();
    expect(schemaAtRef(openapi, 'other.yaml#/components/schemas/Order')).toBeUndefined();
    expect(schemaAtRef(openapi, '#/components/schemas/%E0%A4%A')).toBeUndefined();
  });

  it('contracts without JSON Schemas, or none, resolve nothing', () => {
    expect(hasSchemaRefs(proto)).toBe(false);
    expect(hasSchemaRefs(openapi)).toBe(true);
    expect(resolveSchemaRef(proto, '#')).toBeUndefined();
    expect(resolveSchemaRef(undefined, '#/components/schemas/Order')).toBeUndefined();
  });
});
