import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { GraphQLContract } from '../../../contracts/model/types.js';
import { compareContracts, type ContractPair } from '../compare.js';
import '../engines.js';
import { FED2, sdlModel } from '../../lint/graphql/support/testing.js';
import { diffGraphQL } from './index.js';

const V1 = '@link(url: "https://contractkit.dev/version/v1.0")';
const V2 = '@link(url: "https://contractkit.dev/version/v2.0")';
const fed = (version = V1) => `${FED2.trimEnd()} ${version}\n`;

/** Pairs of subgraphs by name; a name missing on one side is an added or removed contract. */
function pairsOf(previous: Record<string, string>, current: Record<string, string>): ContractPair[] {
  const prev = sdlModel(previous, '/previous').contracts as GraphQLContract[];
  const curr = sdlModel(current, '/current').contracts as GraphQLContract[];
  const names = [...new Set([...Object.keys(previous), ...Object.keys(current)])];
  return names.map((name) => ({ name, previous: prev.find((c) => c.name === name), current: curr.find((c) => c.name === name) }));
}

type WithPrevious = Finding & { previous?: { file: string; line: number } };
/** Rule, level, where the finding points, and (for removals) where the element was. */
const rows = (fs: Finding[]) => fs.map((f) => [f.ruleId, f.severity, f.file, f.line, ...((f as WithPrevious).previous ? [`was ${(f as WithPrevious).previous!.file}:${(f as WithPrevious).previous!.line}`] : [])]);

const customers = (extra = '', version = V1) => `${fed(version)}type Query { customer(id: ID!): Customer }
type Customer @key(fields: "id") {
  id: ID!
  name: String!
  email: String${extra}
}
`;

describe('GraphQL breaking changes in one subgraph', () => {
  it('reports graphql-inspector changes under its names and criticality; a removal at the nearest current element, with where it was', async () => {
    const findings = await diffGraphQL(pairsOf({ customers: customers() }, { customers: `${fed()}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "id") {\n  id: ID!\n  name: Int!\n  phone: String\n}\n` }));
    expect(rows(findings)).toEqual([
      ['FIELD_REMOVED', 'error', '/current/customers.graphql', 3, 'was /previous/customers.graphql:6'],
      ['FIELD_ADDED', 'info', '/current/customers.graphql', 6],
      ['FIELD_TYPE_CHANGED', 'error', '/current/customers.graphql', 5],
      ['breaking-change-needs-new-version', 'error', '/current/customers.graphql', 1],
    ]);
    expect(findings[2]!.message).toBe("Field 'Customer.name' changed type from 'String!' to 'Int!'");
    expect(findings[3]!.message).toBe('2 breaking changes were made to subgraph `customers` but its version link still says major version 1.');
  });

  it('takes removal after @deprecated as a warning, and a raised version link as satisfying the versioning rule', async () => {
    const deprecated = customers(' @deprecated(reason: "Use `contact`.")');
    const removed = `${fed()}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "id") { id: ID! name: String! }\n`;
    expect(rows(await diffGraphQL(pairsOf({ customers: deprecated }, { customers: removed })))).toEqual([['FIELD_REMOVED', 'warning', '/current/customers.graphql', 3, 'was /previous/customers.graphql:6']]);
    const breaking = `${fed(V2)}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "id") { id: ID! }\n`;
    expect((await diffGraphQL(pairsOf({ customers: customers() }, { customers: breaking }))).map((f) => f.ruleId)).toEqual(['FIELD_REMOVED', 'FIELD_REMOVED']);
  });

  it('counts only breaking changes nobody accepted for the versioning rule', async () => {
    const removed = `${fed()}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "id") { id: ID! name: String! }\n`;
    const suppress = (fs: Finding[]) => fs.filter((f) => f.ruleId !== 'FIELD_REMOVED');
    expect(await diffGraphQL(pairsOf({ customers: customers() }, { customers: removed }), { suppress })).toEqual([]);
  });

  it('asks for a version when the subgraph declares none', async () => {
    const findings = await diffGraphQL(pairsOf({ s: 'type Query { a: Int b: Int }' }, { s: 'type Query { a: Int }' }));
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['FIELD_REMOVED', "Field 'b' was removed from object type 'Query'"],
      ['breaking-change-needs-new-version', '1 breaking change was made to subgraph `s` but the subgraph declares no version.'],
    ]);
  });
});

describe('federation-aware breaking changes', () => {
  it('reports a @key removed or changed (not inspector\'s directive-usage noise), and a key added', async () => {
    const changed = `${fed()}type Query { customer(id: ID!): Customer }\ntype Customer @key(fields: "name") {\n  id: ID!\n  name: String!\n  email: String\n}\n`;
    const findings = await diffGraphQL(pairsOf({ customers: customers() }, { customers: changed }));
    expect(rows(findings)).toEqual([
      ['graphql-entity-key-changed', 'error', '/current/customers.graphql', 3],
      ['breaking-change-needs-new-version', 'error', '/current/customers.graphql', 1],
    ]);
    expect(findings[0]!.message).toBe('Entity `Customer`\'s key changed in subgraph `customers`: `@key(fields: "id")` was replaced by `@key(fields: "name")`: references other subgraphs send by the old key no longer resolve.');
    const none = `${fed()}type Query { customer(id: ID!): Customer }\ntype Customer {\n  id: ID!\n  name: String!\n  email: String\n}\n`;
    expect(rows(await diffGraphQL(pairsOf({ customers: customers() }, { customers: none })))[0]).toEqual(['graphql-entity-key-removed', 'error', '/current/customers.graphql', 3, 'was /previous/customers.graphql:3']);
    const added = customers().replace('@key(fields: "id")', '@key(fields: "id") @key(fields: "email")');
    expect(rows(await diffGraphQL(pairsOf({ customers: customers() }, { customers: added })))).toEqual([['graphql-entity-key-added', 'info', '/current/customers.graphql', 3]]);
  });

  it('reports a field another subgraph @requires that its owner removed', async () => {
    const shipping = `${fed()}type Customer @key(fields: "id") {\n  id: ID!\n  email: String @external\n  label: String @requires(fields: "email")\n}\n`;
    const findings = await diffGraphQL(pairsOf({ customers: customers(), shipping }, { customers: customers().replace('  email: String\n', ''), shipping }));
    expect(findings.map((f) => f.ruleId)).toContain('graphql-required-field-changed');
    const req = findings.find((f) => f.ruleId === 'graphql-required-field-changed')!;
    expect([req.file, req.line, (req as WithPrevious).previous?.line, req.message]).toEqual(['/current/customers.graphql', 3, 6, '`Customer.email`, which subgraph `shipping` `@requires` for `Customer.label`, was removed in subgraph `customers`.']);
  });

  it('reports a key that became resolvable: false, and a @requires\'d field whose type changed, in the current files', async () => {
    const reference = customers().replace('@key(fields: "id")', '@key(fields: "id", resolvable: false)');
    expect(rows(await diffGraphQL(pairsOf({ customers: customers() }, { customers: reference })))[0]).toEqual(['graphql-entity-key-changed', 'error', '/current/customers.graphql', 3]);
    const shipping = `${fed()}type Customer @key(fields: "id") {\n  id: ID!\n  email: String @external\n  label: String @requires(fields: "email")\n}\n`;
    const findings = await diffGraphQL(pairsOf({ customers: customers(), shipping }, { customers: customers().replace('  email: String\n', '  email: Int\n'), shipping }));
    const req = findings.find((f) => f.ruleId === 'graphql-required-field-changed')!;
    expect([req.file, req.line, req.message]).toEqual(['/current/customers.graphql', 6, '`Customer.email`, which subgraph `shipping` `@requires` for `Customer.label`, changed type in subgraph `customers`.']);
  });

  it('reports a field moved to another subgraph instead of a removal (info with @override), and no supergraph change', async () => {
    const orders = (extra: string) => `${fed()}type Customer @key(fields: "id") {\n  id: ID!${extra}\n}\n`;
    const without = customers().replace('  email: String\n', '');
    const moved = await diffGraphQL(pairsOf({ customers: customers(), orders: orders('') }, { customers: without, orders: orders('\n  email: String') }));
    expect(rows(moved)).toEqual([
      ['graphql-field-moved-subgraph', 'warning', '/current/orders.graphql', 4],
      ['FIELD_ADDED', 'info', '/current/orders.graphql', 4],
    ]);
    expect(moved[0]!.hint).toContain('@override(from: "customers")');
    const override = await diffGraphQL(pairsOf({ customers: customers(), orders: orders('') }, { customers: without, orders: orders('\n  email: String @override(from: "customers")') }));
    expect(override[0]!.severity).toBe('info');
  });

  it('reports what only the composed supergraph shows: a subgraph dropped from the run', async () => {
    const orders = `${fed()}type Query { order: Order }\ntype Order { id: ID! }\n`;
    const pairs = pairsOf({ customers: customers(), orders }, { customers: customers() });
    const findings = await compareContracts(pairs, { level: 'info' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual([
      ['contract-removed', 'error', '/previous/orders.graphql'],
      ['TYPE_REMOVED', 'error', '/previous/orders.graphql'],
      ['FIELD_REMOVED', 'error', '/previous/orders.graphql'],
    ]);
    expect(findings[2]!.message).toBe("In the composed supergraph: Field 'order' was removed from object type 'Query'");
  });

  it('lets the composed supergraph judge a removal another subgraph seemed to cover', async () => {
    // an enum used as input composes to the values every subgraph has: removing one in a drops it for clients
    const sg = (field: string, values: string) => `${fed()}type Query { ${field}(s: Size): Int }\nenum Size { ${values} }\n`;
    const findings = await diffGraphQL(pairsOf({ a: sg('findA', 'S M L'), b: sg('findB', 'S M L') }, { a: sg('findA', 'S M'), b: sg('findB', 'S M L') }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line])).toEqual([
      ['ENUM_VALUE_REMOVED', 'error', '/current/a.graphql', 3],
      ['breaking-change-needs-new-version', 'error', '/current/a.graphql', 1],
    ]);
    expect(findings[0]!.message).toBe("In the composed supergraph: Enum value 'L' was removed from enum 'Size'");
  });

  it('does not repeat, as supergraph additions, what an added subgraph brings (contract-added says it)', async () => {
    const orders = `${fed()}type Query { order: Order }\ntype Order { id: ID! }\n`;
    const findings = await compareContracts(pairsOf({ customers: customers() }, { customers: customers(), orders }), { level: 'info' });
    expect(findings.map((f) => f.ruleId)).toEqual(['contract-added']);
  });

  it('composes nothing when one side has no subgraph at all (the first subgraphs added, the last removed)', async () => {
    const orders = `${fed()}type Query { order: Order }\ntype Order { id: ID! }\n`;
    const added = await compareContracts(pairsOf({}, { customers: customers(), orders }), { level: 'info' });
    expect(added.map((f) => f.ruleId)).toEqual(['contract-added', 'contract-added']);
    const removed = await compareContracts(pairsOf({ customers: customers(), orders }, {}), { level: 'info' });
    expect(removed.map((f) => f.ruleId)).toEqual(['contract-removed', 'contract-removed']);
  });

  it('says so when the current subgraphs do not compose', async () => {
    const clash = `${fed()}type Customer @key(fields: "id") { id: ID! email: Int }\n`;
    const findings = await diffGraphQL(pairsOf({ customers: customers(), orders: `${fed()}type Customer @key(fields: "id") { id: ID! }\n` }, { customers: customers(), orders: clash }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toContainEqual(['graphql-supergraph-not-composed', 'warning']);
  });

  it('keeps the example subgraphs free of changes against themselves', async () => {
    expect(await diffGraphQL(pairsOf({ customers: customers() }, { customers: customers() }))).toEqual([]);
  });
});
