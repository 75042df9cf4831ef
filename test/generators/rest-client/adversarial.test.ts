/**
 * Generated code compiles whatever a contract holds: reserved words, quotes,
 * `*\/`, unicode, names that differ only in case, duplicate operationIds,
 * recursive and self-referencing schemas, 3.0 and 3.1 features. And Swagger
 * 2.0 is refused with a UsageError that names the contract.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { structuralErrors } from '../../../contracts/openapi/structure.js';
import { loadContract, root, typeCheck, writeFiles } from './helpers.js';

const nasty = "it's a \"quote\" */ /* and \\ backslash\u2028 naïve ✓ ${x} `tick`";

function adversarial(version: '3.0.3' | '3.1.0'): object {
  const v31 = version === '3.1.0';
  const op = (operationId: string, extra: object = {}) => ({
    operationId,
    summary: nasty,
    description: nasty,
    tags: ['default', 'Ünïcødé tag */'],
    responses: { '200': { description: nasty, content: { 'application/json': { schema: { $ref: '#/components/schemas/class' } } } }, default: { description: 'error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    ...extra,
  });
  return {
    openapi: version,
    info: { title: nasty, version: '1' },
    servers: [{ url: 'https://{region}.example.test/v1', variables: { region: { default: 'eu' } } }],
    paths: {
      '/class/{class}/{a-b}': {
        parameters: [
          { name: 'class', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'a-b', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        get: op('delete', { parameters: [{ name: "q'*/", in: 'query', schema: { type: 'array', items: { type: 'string', enum: ['a', "b'", 'ç'] } } }, { name: 'X-Évil', in: 'header', schema: { type: 'string' } }, { name: 'client', in: 'cookie', schema: { type: 'string' } }] }),
        put: op('delete', { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Class' } } } } }),
        post: op('paginate', { deprecated: true }),
        patch: op('Delete'),
      },
      '/no-id/{x}': { parameters: [{ name: 'x', in: 'path', required: true, schema: { type: 'string' } }], get: { responses: { '204': { description: 'none' } } }, delete: { responses: { '200': { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/client': { post: op('createHttpClient', { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { 'file name': { type: 'string', format: 'binary' } } } } } } }) },
      '/void': { get: { operationId: 'void', responses: { '200': { description: 'bin', content: { 'application/pdf': {} } } } } },
    },
    components: {
      schemas: {
        class: { type: 'object', description: nasty, properties: { constructor: { type: 'string' }, __proto__x: { type: 'string' }, 'a-b': { type: 'string', description: '*/ */' }, '': { type: 'string' }, "'": { $ref: '#/components/schemas/Class' } }, additionalProperties: { type: 'integer' } },
        Class: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, self: { $ref: '#/components/schemas/Class' } } },
        CLASS: { type: 'string', enum: ["'", '*/', '\n', 'ü', 'a b'] },
        '123 start': { type: 'integer', enum: [1, 2, -3] },
        'Order*/': { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'pet-type' } },
        Cat: { type: 'object', required: ['pet-type'], properties: { 'pet-type': { type: 'string' }, meow: v31 ? { type: ['string', 'null'] } : { type: 'string', nullable: true } } },
        Dog: { allOf: [{ $ref: '#/components/schemas/Animal' }, { type: 'object', properties: { bark: { const: "wo'of" } } }] },
        Animal: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Animal' } } } },
        Loop: { allOf: [{ $ref: '#/components/schemas/Loop2' }] },
        Loop2: { oneOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'string' }] },
        Json: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Json' } }, { type: 'object', additionalProperties: { $ref: '#/components/schemas/Json' } }] },
        Problem: { type: 'object', properties: { title: { type: 'string' }, 'x-extra': { type: 'object', additionalProperties: true } } },
        Empty: {},
        Never: { type: 'object', additionalProperties: false },
        Tuple: v31 ? { type: ['array', 'null'], items: { type: ['integer', 'string'] } } : { type: 'array', items: {}, nullable: true },
        Delete: { type: 'string', format: 'date-time' },
        Counter: { type: 'integer', format: 'int64' },
        deleteArgs: { type: 'boolean' },
      },
    },
  };
}

describe('adversarial contracts', () => {
  for (const version of ['3.0.3', '3.1.0'] as const) {
    it(`generate code that type-checks under strict (OpenAPI ${version})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ck-adv-'));
      const file = join(dir, 'adversarial.json');
      writeFileSync(file, JSON.stringify(adversarial(version), null, 2));
      const contract = await loadContract(file, 'adversarial');
      // hostile names, but structurally valid: the registered generator must not refuse it
      expect(await structuralErrors(contract)).toEqual([]);
      const files = generateRestClient(contract);
      const client = files.find((f) => f.path === 'client.ts')!.content;
      // duplicate and case-only-different operationIds get distinct functions
      const fns = [...client.matchAll(/export (?:async )?function (\w+)\(/g)].map((m) => m[1]);
      expect(fns.filter((f) => /^delete/i.test(f!))).toEqual(['delete_', 'delete_2', 'delete_3', 'deleteNoIdX']);
      expect(fns).toContain('createHttpClient');
      expect(client).toContain("'https://eu.example.test/v1'");
      expect(typeCheck(writeFiles(files))).toBe('');
      // every option on: Date and bigint types, revival plans and ajv validators for the same names
      const typed = generateRestClient(contract, { dateType: 'Date', int64: 'bigint', validate: true, target: 'ts' });
      expect(typed.map((f) => f.path).sort()).toEqual(['client.ts', 'index.ts', 'types.ts', 'validators.ts']);
      expect(typeCheck(writeFiles(typed))).toBe('');
      // the same names through isolated declarations (js+dts): every declaration emits without an error
      const jsDts = generateRestClient(contract, { dateType: 'string', int64: 'number', validate: false, target: 'js+dts' });
      expect(jsDts.map((f) => f.path).sort()).toEqual(['client.d.ts', 'client.js', 'index.d.ts', 'index.js', 'types.d.ts', 'types.js']);
    });
  }

  it('the kinds fixture (SSE, multipart, form, binary, cookies) type-checks', async () => {
    const files = generateRestClient(await loadContract(join(root, 'test/fixtures/rest-client/kinds.yaml'), 'kinds'));
    expect(typeCheck(writeFiles(files))).toBe('');
  });

  it('refuses Swagger 2.0 with a UsageError naming the contract', async () => {
    const contract = await loadContract(join(root, 'test/fixtures/rest-client/swagger2.yaml'), 'legacy-api');
    expect(() => generateRestClient(contract)).toThrow(UsageError);
    expect(() => generateRestClient(contract)).toThrow(/contract "legacy-api".*Swagger 2\.0.*OpenAPI 3\.0 and 3\.1.*Nothing was written/s);
  });
});
