/**
 * Composition cases written for contractkit in the manner of
 * federation-composition's own error specs: the subgraphs, loaded by
 * contractkit's GraphQL loader and composed by `composeSubgraphs`, compose
 * exactly when the library composes them as parsed, and fail with the same
 * error codes. The library's full suite runs from a snapshot in
 * composition-suite.test.ts.
 */
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs } from '../../../contracts/graphql/compose.js';
import { sdlModel } from '../../../checks/lint/graphql/support/testing.js';
import type { GraphQLContract } from '../../../contracts/model/types.js';

const link = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports}])\n`;

const cases: [name: string, subgraphs: Record<string, string>, codes: string[]][] = [
  ['entity extended by a second subgraph', { a: `${link('"@key"')}type Query { p: P }\ntype P @key(fields: "id") { id: ID! name: String }`, b: `${link('"@key"')}type P @key(fields: "id") { id: ID! price: Int }` }, []],
  ['field resolved twice without @shareable', { a: `${link('"@key"')}type Query { p: P }\ntype P @key(fields: "id") { id: ID! name: String }`, b: `${link('"@key"')}type P @key(fields: "id") { id: ID! name: String }` }, ['INVALID_FIELD_SHARING']],
  ['@shareable makes it legal', { a: `${link('"@key", "@shareable"')}type Query { p: P }\ntype P @key(fields: "id") { id: ID! name: String @shareable }`, b: `${link('"@key", "@shareable"')}type P @key(fields: "id") { id: ID! name: String @shareable }` }, []],
  ['key selecting a missing field', { a: `${link('"@key"')}type Query { p: P }\ntype P @key(fields: "sku") { id: ID! }` }, ['KEY_INVALID_FIELDS']],
  ['@requires without @external', { a: `${link('"@key"')}type Query { p: P }\ntype P @key(fields: "id") { id: ID! w: Int }`, b: `${link('"@key", "@requires"')}type P @key(fields: "id") { id: ID! w: Int cost: Int @requires(fields: "w") }` }, ['REQUIRES_FIELDS_MISSING_EXTERNAL']],
  ['@override from itself', { a: `${link('"@key", "@override"')}type Query { p: P }\ntype P @key(fields: "id") { id: ID! n: Int @override(from: "a") }` }, ['OVERRIDE_FROM_SELF_ERROR']],
  ['federation v1 extend type with @external key', { a: 'type Query { p: P }\ntype P @key(fields: "id") { id: ID! name: String }', b: 'extend type P @key(fields: "id") { id: ID! @external reviews: [String] }' }, []],
];

describe('composition cases in the manner of federation-composition', () => {
  it.each(cases)('%s', (_name, subgraphs, codes) => {
    const library = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({ name, typeDefs: parse(sdl) })));
    const libraryCodes = [...new Set((library.errors ?? []).map((e) => String(e.extensions?.code)))].sort();
    expect(libraryCodes).toEqual(codes);
    const ours = composeSubgraphs(sdlModel(subgraphs, `/composition-cases/${_name.replace(/\W+/g, '-')}`).contracts as GraphQLContract[]);
    expect([...new Set(ours.errors.map((e) => e.code))].sort()).toEqual(codes);
    expect(ours.supergraphSdl === undefined).toBe(codes.length > 0);
  });
});
