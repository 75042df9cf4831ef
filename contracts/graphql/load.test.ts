import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../load/load-all.js';
import type { ContractSpec } from '../load/types.js';
import type { GraphQLContract } from '../model/types.js';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/graphql');
const example = resolve(import.meta.dirname, '../../examples/orders/graphql');
const options = { cwd: fixtures, rootDir: fixtures, allowRemoteRefs: false };

async function load(path: string, extra: Partial<ContractSpec> = {}) {
  return loadContracts([{ name: 'sg', kind: 'graphql', path, ...extra }], options);
}

describe('GraphQL loader', () => {
  it('loads a federation v2 subgraph: types, fields with parent/args/types, entities, links, version, positions', async () => {
    const file = resolve(example, 'orders.graphql');
    const { model, findings } = await load(file, { subgraph: 'orders', url: 'http://localhost:4002/graphql' });
    expect(findings).toEqual([]);
    const c = model.contracts[0] as GraphQLContract;
    expect(c).toMatchObject({ kind: 'graphql', subgraph: 'orders', url: 'http://localhost:4002/graphql', federation: '2.3', files: [file], version: { major: 1, minor: 0 } });
    expect(c.rootTypes).toEqual({ query: 'Query', mutation: 'Mutation' });
    const customer = c.types.find((t) => t.name === 'Customer')!;
    expect(customer).toMatchObject({ kind: 'object', extension: false, location: { file, line: 28, column: 6 } });
    const orders = customer.fields.find((f) => f.name === 'orders')!;
    expect(orders).toMatchObject({ parent: 'Customer', typeText: 'OrderConnection!', type: { kind: 'named', name: 'OrderConnection', nonNull: true }, description: "The customer's orders, newest first, a page at a time." });
    expect(orders.args.map((a) => [a.name, a.typeText, a.defaultValue])).toEqual([['first', 'Int', '20'], ['after', 'String', undefined]]);
    expect(orders.location).toEqual({ file, line: 31, column: 3 });
    const lines = c.types.find((t) => t.name === 'Order')!.fields.find((f) => f.name === 'lines')!;
    expect(lines.type).toEqual({ kind: 'list', nonNull: true, ofType: { kind: 'named', name: 'OrderLine', nonNull: true } });
    expect(c.entities.map((e) => [e.type, e.keys.map((k) => [k.fields, k.resolvable]), e.referenceOnly])).toEqual([
      ['Customer', [['id', true]]],
      ['Order', [['id', true]]],
    ].map(([t, k]) => [t, k, false]));
    expect(c.links.map((l) => [l.name, l.version])).toEqual([['federation', 'v2.3'], ['version', 'v1.0']]);
    expect(c.types.find((t) => t.name === 'OrderStatus')!.values.map((v) => v.name)).toEqual(['PENDING', 'CONFIRMED', 'SHIPPED', 'CANCELLED']);
  });

  it('loads a folder as one federation v1 subgraph: .graphql and .gql files, extensions, @external/@requires/@provides', async () => {
    const dir = resolve(fixtures, 'v1-folder');
    const { model, findings } = await load(dir);
    expect(findings).toEqual([]);
    const c = model.contracts[0] as GraphQLContract;
    expect(c.file).toBe(dir);
    expect(c.files).toEqual([resolve(dir, 'product.gql'), resolve(dir, 'schema.graphql')]);
    expect(c.federation).toBe('1');
    expect(c.subgraph).toBe('sg');
    const product = c.types.find((t) => t.name === 'Product')!;
    expect(product.extension).toBe(true);
    expect(product.fields.map((f) => [f.name, f.federation])).toEqual([
      ['upc', { external: true, shareable: false, inaccessible: false }],
      ['weight', { external: true, shareable: false, inaccessible: false }],
      ['reviews', { external: false, shareable: false, inaccessible: false, requires: 'weight', requiresSelection: [{ name: 'weight', selections: [] }] }],
    ]);
    const review = c.types.find((t) => t.name === 'Review')!;
    expect(review.fields.find((f) => f.name === 'body')!.deprecated).toEqual({ reason: 'Use text.', location: { file: resolve(dir, 'product.gql'), line: 9, column: 16 } });
    expect(review.fields.find((f) => f.name === 'product')!.federation.provides).toBe('upc');
    expect(c.entities.map((e) => e.type)).toEqual(['Product', 'Review']);
  });

  it('resolves imported, aliased and namespaced federation directives', async () => {
    const { parseSdl } = await import('./read.js');
    const { graphqlContractFromParsed } = await import('./load.js');
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [{ name: "@key", as: "@id" }, "@shareable"])
type Query { p: P }
type P @id(fields: "a b { c }", resolvable: false) { a: ID! b: B! @federation__external x: Int @shareable @federation__requires(fields: "a") }
type B { c: Int }
`;
    const { parsed } = parseSdl('/virtual/aliased.graphql', sdl);
    const c = graphqlContractFromParsed({ name: 'aliased', path: '/virtual/aliased.graphql' }, [parsed!]).contract!;
    expect(c.entities).toEqual([{ type: 'P', keys: [{ fields: 'a b { c }', fieldNames: ['a', 'b'], selection: [{ name: 'a', selections: [] }, { name: 'b', selections: [{ name: 'c', selections: [] }] }], resolvable: false, location: { file: '/virtual/aliased.graphql', line: 3, column: 8 } }], referenceOnly: true, location: { file: '/virtual/aliased.graphql', line: 3, column: 6 } }]);
    const p = c.types.find((t) => t.name === 'P')!;
    expect(p.fields.map((f) => f.federation)).toEqual([
      { external: false, shareable: false, inaccessible: false },
      { external: true, shareable: false, inaccessible: false },
      { external: false, shareable: true, inaccessible: false, requires: 'a', requiresSelection: [{ name: 'a', selections: [] }] },
    ]);
    expect(p.directives[0]).toMatchObject({ name: 'id', spec: 'key' });
  });

  it('loads a subgraph that defines a spec directive it does not import, whose arguments name the spec\'s scalars', async () => {
    const { parseSdl } = await import('./read.js');
    const { graphqlContractFromParsed } = await import('./load.js');
    const sdl = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])\ndirective @key(fields: FieldSet!) repeatable on OBJECT\ntype Query { a: Int }\n';
    const { parsed } = parseSdl('/virtual/defines-key.graphql', sdl);
    const built = graphqlContractFromParsed({ name: 'd', path: '/virtual/defines-key.graphql' }, [parsed!]);
    expect(built.findings).toEqual([]);
    expect(built.contract!.directiveDefinitions.map((d) => d.name)).toEqual(['key']);
  });

  it('keeps user types named like spec scalars (Policy, Scope, FieldSet) unless the federation link imports them', async () => {
    const { parseSdl } = await import('./read.js');
    const { graphqlContractFromParsed } = await import('./load.js');
    const load = (imports: string) => {
      const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: [${imports}])\ntype Query { p: Policy }\ntype Policy { id: ID! holder: String }\nscalar Scope\n`;
      const { parsed } = parseSdl(`/virtual/insurance-${imports.length}.graphql`, sdl);
      return graphqlContractFromParsed({ name: 'i', path: '/virtual/insurance.graphql' }, [parsed!]).contract!.types.map((t) => t.name);
    };
    expect(load('"@key"')).toEqual(['Policy', 'Query', 'Scope']);
    expect(load('"@requiresScopes", "Scope"')).toEqual(['Policy', 'Query']);
  });

  it('reports a syntax error at its line and column (exit 2: the contract is unusable)', async () => {
    const file = resolve(fixtures, 'load/broken.graphql');
    const { findings, usable } = await load(file);
    expect(usable).toBe(false);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column])).toEqual([['load/invalid-graphql', 'error', file, 4, 1]]);
    expect(findings[0]!.message).toBe('The GraphQL SDL does not parse: Expected Name, found "}".');
  });

  it('reports a type no file defines at the reference', async () => {
    const file = resolve(fixtures, 'load/unknown-type.graphql');
    const { findings, usable } = await load(file);
    expect(usable).toBe(false);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([['load/invalid-graphql', 2, 19, 'Unknown type `Ordr`: no file of this subgraph defines it.']]);
  });

  it('refuses an operation in a subgraph file, at the operation', async () => {
    const file = resolve(fixtures, 'load/operation.graphql');
    const { findings, usable } = await load(file);
    expect(usable).toBe(false);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['load/invalid-graphql', 5, 1, 'The operation `query GetOrder` is not a type definition: a subgraph\'s files hold its schema (SDL) only.'],
    ]);
  });

  it('refuses a file with no definitions as an empty file, not a syntax error', async () => {
    const file = resolve(fixtures, 'load/empty.graphql');
    const { findings } = await load(file);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['load/invalid-graphql', 1, 'The GraphQL file holds no definitions.']]);
  });

  it('refuses a folder without SDL files and a missing path', async () => {
    const empty = await load(resolve(fixtures, 'load/../../lint/proto'));
    expect(empty.usable).toBe(false);
    expect(empty.findings[0]!.ruleId).toBe('load/no-contracts');
    const missing = await load(resolve(fixtures, 'nope.graphql'));
    expect(missing.findings.map((f) => f.ruleId)).toEqual(['load/not-found']);
  });
});
