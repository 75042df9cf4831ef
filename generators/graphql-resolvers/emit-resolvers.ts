/**
 * Builds the typed resolvers file of one subgraph: a TypeScript type for every
 * GraphQL type (scalars mapped, enums as string unions, inputs, object shapes),
 * per object type a resolvers type (every field with its parent, arguments and
 * result), `__resolveReference` for entities typed by their `@key` fields,
 * `__resolveType` for unions and interfaces, and the `Resolvers` map a server
 * hands to `buildSubgraphSchema` (@apollo/subgraph) or graphql-tools.
 *
 * Resolver members are written as methods: method parameters are bivariant,
 * so the typed map is assignable to `GraphQLResolverMap` and to graphql-tools'
 * `IResolvers` without casts.
 */
import type { FieldSelection, GraphQLContract, GraphQLField, GraphQLNamedType, GraphQLTypeRef } from '../../contracts/model/types.js';
import { namedTypeOf } from '../../contracts/model/graphql.js';
import { createNameScope, docComment, GENERATED_CODE_GLOBALS, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import type { GeneratedFile } from '../core/registry.js';
import { createTsFile } from '../core/ts-file.js';
import type { GraphqlResolversOptions } from './options.js';

const BUILT_IN_SCALARS: Record<string, string> = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };

// helper names are claimed first so a GraphQL type called `Maybe` or `Resolvers` gets another TS name
const HELPERS = ['Maybe', 'ResolverResult', 'JsonValue', 'Resolvers'] as const;

/** The resolvers file for one subgraph at `path`. */
export function emitResolvers(contract: GraphQLContract, path: string, options: GraphqlResolversOptions): GeneratedFile {
  const file = createTsFile(path);
  const scope = createNameScope(GENERATED_CODE_GLOBALS);
  const helper = Object.fromEntries(HELPERS.map((h) => [h, file.declare(scope.claim(h))])) as Record<(typeof HELPERS)[number], string>;
  const info = file.importType('GraphQLResolveInfo', 'graphql');
  const byName = new Map(contract.types.map((t) => [t.name, t]));
  const tsName = new Map<string, string>();
  for (const t of contract.types) if (!BUILT_IN_SCALARS[t.name]) tsName.set(t.name, file.declare(scope.claim(pascalCase(t.name))));
  const claim = (base: string) => file.declare(scope.claim(base));
  const entities = new Map(contract.entities.map((e) => [e.type, e]));
  const refName = new Map<string, string>();
  for (const e of contract.entities) refName.set(e.type, claim(`${tsName.get(e.type)}Reference`));
  const resolversName = new Map<string, string>();
  const resolvable = contract.types.filter((t) => t.kind === 'object' || t.kind === 'interface' || t.kind === 'union');
  for (const t of resolvable) resolversName.set(t.name, claim(`${tsName.get(t.name)}Resolvers`));
  const argsName = new Map<GraphQLField, string>();
  for (const t of contract.types.filter((x) => x.kind === 'object' || x.kind === 'interface')) {
    for (const f of t.fields) if (f.args.length > 0) argsName.set(f, claim(`${tsName.get(t.name)}${pascalCase(f.name)}Args`));
  }

  const named = (name: string): string => BUILT_IN_SCALARS[name] ?? tsName.get(name) ?? 'unknown';
  /** A value in a result or shape: entities may be returned as their reference (the owning subgraph resolves the rest). */
  const tsType = (ref: GraphQLTypeRef, asResult: boolean): string => {
    const inner = ref.kind === 'named' ? namedResult(ref.name, asResult) : `ReadonlyArray<${tsType(ref.ofType, asResult)}>`;
    return ref.nonNull ? inner : `${helper.Maybe}<${inner}>`;
  };
  const namedResult = (name: string, asResult: boolean): string => {
    const ref = refName.get(name);
    const t = byName.get(name);
    // a union or interface result may be any member, each member entity as its reference too
    if (asResult && t && (t.kind === 'union' || t.kind === 'interface')) {
      const ms = members(t);
      return ms.length ? `(${ms.map((m) => namedResult(m, true)).join(' | ')})` : named(name);
    }
    return asResult && ref ? `${named(name)} | ${ref}` : named(name);
  };
  const parentOf = (t: GraphQLNamedType): string => (refName.has(t.name) ? `${named(t.name)} | ${refName.get(t.name)}` : named(t.name));
  const members = (t: GraphQLNamedType): string[] =>
    t.kind === 'union' ? t.members : contract.types.filter((o) => o.kind === 'object' && o.interfaces.includes(t.name)).map((o) => o.name);

  file.print(
    `/** A value GraphQL may leave out: null or undefined. */\nexport type ${helper.Maybe}<T> = T | null | undefined;\n\n`,
    `/** What a resolver may return: the value or a promise of it. */\nexport type ${helper.ResolverResult}<T> = T | Promise<T>;\n\n`,
    `/** Any JSON value (for scalars mapped to \`JsonValue\`). */\nexport type ${helper.JsonValue} = string | number | boolean | null | { [key: string]: ${helper.JsonValue} } | ${helper.JsonValue}[];\n\n`,
  );

  for (const t of contract.types) {
    const name = tsName.get(t.name);
    if (!name) continue;
    const doc = docComment([t.description ?? `GraphQL ${t.kind} \`${t.name}\`.`]);
    if (t.kind === 'scalar') {
      const mapped = options.scalars?.[t.name] ?? 'unknown';
      file.print(doc, `export type ${name} = ${mapped === 'JsonValue' ? helper.JsonValue : mapped};\n\n`);
    } else if (t.kind === 'enum') {
      const values = t.values.map((v) => stringLiteral(v.name));
      file.print(doc, `export type ${name} = ${values.length ? values.join(' | ') : 'never'};\n\n`);
    } else if (t.kind === 'input') {
      const lines = t.fields.map((f) => `${docComment([f.description], '  ')}  ${propertyKey(f.name)}${f.type.nonNull ? '' : '?'}: ${tsType(f.type, false)};\n`);
      file.print(doc, `export type ${name} = {\n${lines.join('')}};\n\n`);
    } else if (t.kind === 'union') {
      file.print(doc, `export type ${name} = ${t.members.length ? t.members.map((m) => named(m)).join(' | ') : 'never'};\n\n`);
    } else {
      const lines = t.fields.map((f) => `${docComment([f.description], '  ')}  ${propertyKey(f.name)}: ${tsType(f.type, true)};\n`);
      const typename = t.kind === 'object' ? `  __typename?: ${stringLiteral(t.name)};\n` : '';
      file.print(doc, `export type ${name} = {\n${typename}${lines.join('')}};\n\n`);
    }
  }

  for (const e of contract.entities) {
    const t = byName.get(e.type);
    if (!t) continue;
    const shapes = e.keys.map((k) => `{ __typename?: ${stringLiteral(t.name)}; ${selectionShape(t, k.selection)} }`);
    const unique = [...new Set(shapes)];
    file.print(docComment([`A reference to entity \`${t.name}\` by one of its \`@key\`s, as the gateway sends it to \`__resolveReference\`.`]));
    file.print(`export type ${refName.get(e.type)} = ${unique.length ? unique.join(' | ') : `{ __typename?: ${stringLiteral(t.name)} }`};\n\n`);
  }

  for (const [field, name] of argsName) {
    const lines = field.args.map((a) => {
      // an argument with a default is always present in `args`
      const present = a.type.nonNull || (a.defaultValue !== undefined && a.defaultValue !== 'null');
      return `${docComment([a.description], '  ')}  ${propertyKey(a.name)}${present ? '' : '?'}: ${a.type.nonNull || !present ? tsType(a.type, false) : tsType({ ...a.type, nonNull: true }, false)};\n`;
    });
    file.print(docComment([`Arguments of \`${field.parent}.${field.name}\`.`]), `export type ${name} = {\n${lines.join('')}};\n\n`);
  }

  for (const t of resolvable) {
    const lines: string[] = [];
    if (t.kind === 'union' || t.kind === 'interface') {
      const names = members(t);
      const obj = names.length ? names.map((m) => parentOf(byName.get(m)!)).join(' | ') : 'never';
      const result = names.length ? names.map((m) => stringLiteral(m)).join(' | ') : 'never';
      lines.push(`  /** Names the object type of a \`${t.name}\` value. */\n  __resolveType?(value: ${obj}, context: TContext, info: ${info}): ${helper.ResolverResult}<${result} | null>;\n`);
    }
    const entity = entities.get(t.name);
    if (entity && !entity.referenceOnly && t.kind === 'object') {
      lines.push(
        `  /** Resolves \`${t.name}\` from a reference by its \`@key\` (null when there is none). */\n` +
          `  __resolveReference?(reference: ${refName.get(t.name)}, context: TContext, info: ${info}): ${helper.ResolverResult}<${helper.Maybe}<${parentOf(t)}>>;\n`,
      );
    }
    if (t.kind === 'object') {
      const root = t.name === contract.rootTypes.query || t.name === contract.rootTypes.mutation || t.name === contract.rootTypes.subscription;
      const parent = root ? 'unknown' : parentOf(t);
      for (const f of t.fields) {
        if (f.federation.external) continue; // another subgraph resolves it
        const args = argsName.get(f) ?? 'Record<string, never>';
        lines.push(
          docComment([f.description, f.deprecated ? `@deprecated ${f.deprecated.reason ?? ''}` : undefined], '  ') +
            `  ${propertyKey(f.name)}?(parent: ${parent}, args: ${args}, context: TContext, info: ${info}): ${helper.ResolverResult}<${tsType(f.type, true)}>;\n`,
        );
      }
    }
    file.print(docComment([`Resolvers of \`${t.name}\`.`]), `export type ${resolversName.get(t.name)}<TContext = unknown> = {\n${lines.join('')}};\n\n`);
  }

  const entries = resolvable.map((t) => `  ${propertyKey(t.name)}?: ${resolversName.get(t.name)}<TContext>;\n`);
  const scalars = contract.types.filter((t) => t.kind === 'scalar' && !BUILT_IN_SCALARS[t.name]);
  const scalarType = scalars.length ? file.importType('GraphQLScalarType', 'graphql') : '';
  for (const s of scalars) entries.push(`  ${propertyKey(s.name)}?: ${scalarType};\n`);
  file.print(
    docComment([`Every resolver of subgraph \`${contract.subgraph}\`: mount with \`buildSubgraphSchema({ typeDefs, resolvers })\` (@apollo/subgraph) or graphql-tools' \`makeExecutableSchema\`.`]),
    `export type ${helper.Resolvers}<TContext = unknown> = {\n${entries.join('')}};\n`,
  );
  return file.toGeneratedFile();

  /** `{ id: string; variation: { id: string } }` for a key selection on `t`. */
  function selectionShape(on: GraphQLNamedType, selection: readonly FieldSelection[]): string {
    return selection
      .map((s) => {
        const f = on.fields.find((x) => x.name === s.name);
        if (!f) return `${propertyKey(s.name)}: unknown;`;
        const nested = byName.get(namedTypeOf(f.type));
        const leaf = s.selections.length && nested ? `{ ${selectionShape(nested, s.selections)} }` : named(namedTypeOf(f.type));
        return `${propertyKey(s.name)}: ${wrap(f.type, leaf)};`;
      })
      .join(' ');
  }
  function wrap(ref: GraphQLTypeRef, leaf: string): string {
    const inner = ref.kind === 'named' ? leaf : `ReadonlyArray<${wrap(ref.ofType, leaf)}>`;
    return ref.nonNull ? inner : `${helper.Maybe}<${inner}>`;
  }
}
