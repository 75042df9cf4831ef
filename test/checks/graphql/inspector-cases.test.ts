/**
 * Diff cases written for contractkit in the manner of graphql-inspector's own
 * suite (one change family each), run through contractkit's loader and
 * differ and compared with graphql-inspector's answer for the same SDL: the
 * change names, criticality and paths agree, except where contractkit decides
 * differently on purpose (removal after `@deprecated` is DANGEROUS).
 * The full suite runs from a snapshot in inspector-diff-suite.test.ts.
 */
import { buildSchema } from 'graphql';
import { diff } from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import { changeKeys, changesOfSdl } from './sdl-changes.js';

const cases: [name: string, before: string, after: string][] = [
  ['field removed, added, retyped', 'type Query { a: String b: Int c: ID }', 'type Query { a: Int! c: ID d: Float }'],
  ['nullability narrowed and widened', 'type Query { a: String b: String! }', 'type Query { a: String! b: String }'],
  ['argument added, removed, retyped, default changed', 'type Query { f(a: Int, b: Int = 1, c: String): Int }', 'type Query { f(a: Int!, b: Int = 2, d: ID!): Int }'],
  ['enum value added and removed', 'type Query { s: S }\nenum S { A B }', 'type Query { s: S }\nenum S { A C }'],
  ['union member added and removed', 'type Query { u: U }\nunion U = A | B\ntype A { a: Int }\ntype B { b: Int }\ntype C { c: Int }', 'type Query { u: U }\nunion U = A | C\ntype A { a: Int }\ntype B { b: Int }\ntype C { c: Int }'],
  ['input field added (required and optional), removed, retyped', 'type Query { f(i: I): Int }\ninput I { a: Int b: String }', 'type Query { f(i: I): Int }\ninput I { a: Int! c: String d: ID! }'],
  ['type removed, added, kind changed', 'type Query { a: Int }\ntype A { a: Int }\ntype B { b: Int }', 'type Query { a: Int }\ninput A { a: Int }\nenum C { X }'],
  ['interface added to and removed from an object', 'type Query { a: A }\ninterface N { id: ID }\ninterface M { id: ID }\ntype A implements N { id: ID }', 'type Query { a: A }\ninterface N { id: ID }\ninterface M { id: ID }\ntype A implements M { id: ID }'],
  ['descriptions added, changed, removed', '"Q" type Query { "a" a: Int b: Int }', 'type Query { "A" a: Int "b" b: Int }'],
  ['deprecation added, reason changed, removed', 'type Query { a: Int @deprecated(reason: "x") b: Int c: Int @deprecated }', 'type Query { a: Int @deprecated(reason: "y") b: Int @deprecated(reason: "z") c: Int }'],
  ['directive definition changed', 'type Query { a: Int }\ndirective @d(a: Int) on FIELD_DEFINITION', 'type Query { a: Int }\ndirective @d(a: String, b: Int!) repeatable on FIELD_DEFINITION | OBJECT'],
  ['custom directive usage added and removed', 'type Query { a: Int @d b: Int }\ndirective @d on FIELD_DEFINITION', 'type Query { a: Int b: Int @d }\ndirective @d on FIELD_DEFINITION'],
  ['root types changed', 'schema { query: Q mutation: M }\ntype Q { a: Int }\ntype M { m: Int }', 'schema { query: Q }\ntype Q { a: Int }\ntype M { m: Int }'],
];

describe('diff cases in the manner of graphql-inspector', () => {
  it.each(cases)('%s: contractkit agrees with graphql-inspector', async (_name, before, after) => {
    const want = changeKeys((await diff(buildSchema(before), buildSchema(after))).map((c) => ({ type: String(c.type), level: c.criticality.level, path: c.path ?? '' })));
    expect(want.length).toBeGreaterThan(0);
    expect(changeKeys(await changesOfSdl(before, after))).toEqual(want);
  });

  it('reports removal after @deprecated as DANGEROUS where graphql-inspector says BREAKING (on purpose)', async () => {
    const before = 'type Query { a: Int b: Int @deprecated(reason: "Use a.") }\nenum E { X Y @deprecated(reason: "Use X.") }\ninput I { p: Int q: Int @deprecated(reason: "Use p.") }\ntype M { e: E f(i: I): Int }';
    const after = 'type Query { a: Int }\nenum E { X }\ninput I { p: Int }\ntype M { e: E f(i: I): Int }';
    const want = (await diff(buildSchema(before), buildSchema(after))).map((c) => `${c.type} ${c.criticality.level} ${c.path}`).sort();
    expect(want).toEqual(['ENUM_VALUE_REMOVED BREAKING E.Y', 'FIELD_REMOVED BREAKING Query.b', 'INPUT_FIELD_REMOVED BREAKING I.q']);
    expect(changeKeys(await changesOfSdl(before, after))).toEqual(['ENUM_VALUE_REMOVED DANGEROUS E.Y', 'FIELD_REMOVED DANGEROUS Query.b', 'INPUT_FIELD_REMOVED DANGEROUS I.q']);
  });
});
