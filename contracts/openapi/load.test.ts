import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../load/types.js';
import type { HttpOperation, OpenApiContract } from '../model/types.js';
import { positionOf } from '../source/positions.js';
import { loadOpenApi } from './load.js';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/openapi');
const options: LoadOptions = { cwd: fixtures, rootDir: fixtures, allowRemoteRefs: false };

async function load(file: string): Promise<OpenApiContract> {
  const outcome = await loadOpenApi({ name: 'api', kind: 'openapi', path: path.join(fixtures, file) }, options);
  expect(outcome.findings).toEqual([]);
  expect(outcome.contract).toBeDefined();
  return outcome.contract!;
}

function op(contract: OpenApiContract, operationId: string): HttpOperation {
  const found = contract.operations.find((o) => o.operationId === operationId);
  expect(found, operationId).toBeDefined();
  return found!;
}

describe('loadOpenApi on valid documents', () => {
  it('keeps server variables and tags in the model (generators read them there)', async () => {
    const c = await load('servers-tags.yaml');
    expect(c.servers).toEqual([
      {
        url: 'https://{region}.api.example.com/{version}',
        description: 'Regional',
        variables: { region: { default: 'eu', enum: ['eu', 'us'], description: 'Where the data lives.' }, version: { default: '2' } },
      },
    ]);
    expect(c.tags).toEqual([{ name: 'orders', description: 'Orders and their lines.' }, { name: 'admin' }]);
  });

  it('normalizes an OpenAPI 3.0 YAML document', async () => {
    const c = await load('valid-3.0.yaml');
    const file = path.join(fixtures, 'valid-3.0.yaml');
    expect(c).toMatchObject({ kind: 'openapi', specVersion: '3.0.3', title: 'Orders API', apiVersion: '1.2.0', files: [file] });
    expect(c.servers).toEqual([{ url: 'https://api.example.com/v1', description: 'Production' }]);
    expect(c.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(c.schemas.map((s) => s.name)).toEqual(['Order', 'OrderPage']);
    expect(c.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'get /customers/{customerId}/orders',
      'get /orders',
      'post /orders',
      'get /orders/{orderId}',
    ]);

    const list = op(c, 'listCustomerOrders');
    // Path-level parameters (one via $ref) merged with operation-level ones; the operation's X-Trace wins.
    expect(list.parameters.map((p) => [p.in, p.name, p.required])).toEqual([
      ['path', 'customerId', true],
      ['header', 'X-Trace', true],
      ['query', 'cursor', false],
    ]);
    expect(list.parameters[0]!.location).toEqual({ file, pointer: '/components/parameters/CustomerId' });
    expect(list.tags).toEqual(['orders']);
    expect(list.extensions).toEqual({ 'x-internal': false });
    expect(list.security).toEqual([{ bearerAuth: [] }]);
    expect(list.pagination).toBe('cursor');
    expect(list.responses.map((r) => r.status)).toEqual(['200', 'default']);
    expect(list.responses[0]!.content[0]).toMatchObject({ mediaType: 'application/json', schema: { $ref: '#/components/schemas/OrderPage' } });
    expect(list.responses[1]).toMatchObject({ description: 'Problem details', location: { file, pointer: '/components/responses/Problem' } });
    expect(positionOf(file, list.location.pointer).line).toBe(19);

    expect(op(c, 'listOrders').pagination).toBe('offset');
    const create = op(c, 'createOrder');
    expect(create.security).toEqual([]);
    expect(create.async).toBe(true);
    expect(create.requestBody).toMatchObject({ required: true, content: [{ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Order' } }] });
    expect(create.responses[0]!.headers).toMatchObject([{ name: 'Location', required: true, schema: { type: 'string' } }]);
    expect(op(c, 'getOrder')).toMatchObject({ deprecated: true, async: false, pagination: 'none' });
    expect(c.document.openapi).toBe('3.0.3');
  });

  it('normalizes an OpenAPI 3.1 JSON document', async () => {
    const c = await load('valid-3.1.json');
    const file = path.join(fixtures, 'valid-3.1.json');
    expect(c.specVersion).toBe('3.1.0');
    expect(c.schemas[0]).toMatchObject({ name: 'Pet', schema: { type: ['object', 'null'] }, location: { file, pointer: '/components/schemas/Pet' } });
    const list = op(c, 'listPets');
    expect(list.pagination).toBe('page');
    expect(positionOf(file, list.parameters[0]!.location.pointer)).toMatchObject({ line: 9, column: 11 });
  });

  it('loads OpenAPI 3.2', async () => {
    const c = await load('valid-3.2.yaml');
    expect(c.specVersion).toBe('3.2.0');
    expect(op(c, 'listThings').pagination).toBe('cursor');
  });

  it('bundles a multi-file document and locates elements in the files that write them', async () => {
    const c = await load('multi/openapi.yaml');
    const at = (rel: string) => path.join(fixtures, 'multi', rel);
    expect(c.files.sort()).toEqual(
      ['openapi.yaml', 'paths/order.yaml', 'schemas/order.yaml', 'schemas/money.yaml', 'schemas/problem.yaml', 'common/parameters.yaml', 'common/responses.yaml'].map(at).sort(),
    );
    const get = op(c, 'getOrder');
    expect(get.path).toBe('/orders/{orderId}');
    expect(get.location).toEqual({ file: at('paths/order.yaml'), pointer: '/get' });
    expect(get.parameters).toMatchObject([{ name: 'orderId', in: 'path', location: { file: at('common/parameters.yaml'), pointer: '/OrderId' } }]);
    const notFound = get.responses.find((r) => r.status === '404')!;
    expect(notFound.location).toEqual({ file: at('common/responses.yaml'), pointer: '/NotFound' });
    expect(positionOf(notFound.location.file, notFound.location.pointer).line).toBe(2);

    // The bundle holds no external refs: every $ref left is internal and resolves inside it.
    const refs = JSON.stringify(c.document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.startsWith('"$ref":"#/'))).toBe(true);
    const schema = get.responses[0]!.content[0]!.schema as { $ref: string };
    const name = schema.$ref.split('/').pop()!;
    const bundled = c.schemas.find((s) => s.name === name)!;
    // Nested refs (order → money, order → itself) were pulled in too.
    expect(bundled.location).toEqual({ file: at('schemas/order.yaml'), pointer: '' });
    expect(JSON.stringify(bundled.schema)).toContain('#/components/schemas/money');
    expect(c.schemas.find((s) => s.name === 'money')!.location.file).toBe(at('schemas/money.yaml'));
  });

  it('loads circular schemas without hanging', async () => {
    const c = await load('circular.yaml');
    expect(c.schemas.map((s) => s.name)).toEqual(['Node', 'Person']);
    expect(op(c, 'listNodes').responses[0]!.content[0]!.schema).toEqual({ $ref: '#/components/schemas/Node' });
  });

  it('bundles schemas that refer to each other across files', async () => {
    const c = await load('cycle/openapi.yaml');
    expect(c.schemas.map((s) => s.name).sort()).toEqual(['company', 'person']);
    const person = c.schemas.find((s) => s.name === 'person')!;
    expect(person.location).toEqual({ file: path.join(fixtures, 'cycle/person.yaml'), pointer: '' });
    expect(person.schema).toEqual({ type: 'object', properties: { employer: { $ref: '#/components/schemas/company' } } });
  });

  it('loads Swagger 2.0 into the same model', async () => {
    const c = await load('swagger2.yaml');
    expect(c).toMatchObject({ specVersion: '2.0', title: 'Legacy orders', servers: [{ url: 'https://legacy.example.com/api' }] });
    expect(c.securitySchemes).toEqual({ apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } });
    expect(c.schemas).toMatchObject([{ name: 'Order', location: { pointer: '/definitions/Order' } }]);
    const list = op(c, 'listOrders');
    expect(list.parameters).toMatchObject([{ name: 'page_token', in: 'query', schema: { type: 'string' } }]);
    expect(list.pagination).toBe('cursor');
    expect(list.security).toEqual([{ apiKey: [] }]);
    expect(list.responses[0]!.content).toMatchObject([{ mediaType: 'application/json', schema: { type: 'array' } }]);
    const create = op(c, 'createOrder');
    expect(create.parameters).toEqual([]);
    expect(create.requestBody).toMatchObject({ required: true, content: [{ mediaType: 'application/json', schema: { $ref: '#/definitions/Order' } }] });
    expect(create.responses[0]!.headers).toMatchObject([{ name: 'Location', schema: { type: 'string' } }]);
  });
});

describe('loadOpenApi on refs naming their own file', () => {
  it('resolves `file.yaml#/…` refs written in that same file', async () => {
    const c = await load('self-file-ref.yaml');
    const file = path.join(fixtures, 'self-file-ref.yaml');
    expect(op(c, 'listItems').parameters).toMatchObject([{ name: 'limit', in: 'query', location: { file, pointer: '/components/parameters/Limit' } }]);
  });
});
