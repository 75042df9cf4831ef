/**
 * Normalizes the parsed SDL documents of one subgraph into the model's
 * GraphQL shape: definitions and extensions of a type merged, federation
 * directives resolved through the subgraph's `@link`s, positions kept.
 */
import {
  Kind,
  print,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import type {
  GraphQLArgument,
  GraphQLContractVersion,
  GraphQLDeprecation,
  GraphQLDirectiveDefinition,
  GraphQLDirectiveUse,
  GraphQLEntity,
  GraphQLField,
  GraphQLNamedType,
  GraphQLTypeKind,
  GraphQLTypeRef,
} from '../model/graphql.js';
import { resolveLinks, VERSION_LINK, type LinkResolution } from './links.js';
import { refOf } from './positions.js';
import { parseFieldSet } from './field-set.js';

/** What normalization gives, to be spread into a GraphQLContract. */
export interface NormalizedGraphQL {
  federation?: string;
  links: LinkResolution['links'];
  version?: GraphQLContractVersion;
  rootTypes: { query?: string; mutation?: string; subscription?: string };
  types: GraphQLNamedType[];
  entities: GraphQLEntity[];
  directiveDefinitions: GraphQLDirectiveDefinition[];
}

const KINDS: Partial<Record<string, { kind: GraphQLTypeKind; extension: boolean }>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: { kind: 'object', extension: false },
  [Kind.OBJECT_TYPE_EXTENSION]: { kind: 'object', extension: true },
  [Kind.INTERFACE_TYPE_DEFINITION]: { kind: 'interface', extension: false },
  [Kind.INTERFACE_TYPE_EXTENSION]: { kind: 'interface', extension: true },
  [Kind.UNION_TYPE_DEFINITION]: { kind: 'union', extension: false },
  [Kind.UNION_TYPE_EXTENSION]: { kind: 'union', extension: true },
  [Kind.ENUM_TYPE_DEFINITION]: { kind: 'enum', extension: false },
  [Kind.ENUM_TYPE_EXTENSION]: { kind: 'enum', extension: true },
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: { kind: 'input', extension: false },
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: { kind: 'input', extension: true },
  [Kind.SCALAR_TYPE_DEFINITION]: { kind: 'scalar', extension: false },
  [Kind.SCALAR_TYPE_EXTENSION]: { kind: 'scalar', extension: true },
};

/** Normalizes the documents of one subgraph (in file order). */
export function normalizeGraphQL(documents: readonly DocumentNode[]): NormalizedGraphQL {
  const links = resolveLinks(documents);
  const directives = (nodes: readonly ConstDirectiveNode[] | undefined): GraphQLDirectiveUse[] =>
    (nodes ?? []).map((d) => {
      const use: GraphQLDirectiveUse = { name: d.name.value, args: Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])), location: refOf(d) };
      const spec = links.specName(d.name.value);
      if (spec) use.spec = spec;
      return use;
    });
  const byName = new Map<string, GraphQLNamedType & { defined: boolean }>();
  const rootTypes: NormalizedGraphQL['rootTypes'] = {};
  const directiveDefinitions: GraphQLDirectiveDefinition[] = [];

  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
        for (const op of def.operationTypes ?? []) rootTypes[op.operation] = op.type.name.value;
        continue;
      }
      if (def.kind === Kind.DIRECTIVE_DEFINITION) {
        if (links.specName(def.name.value)) continue;
        directiveDefinitions.push({
          name: def.name.value,
          ...(def.description ? { description: def.description.value } : {}),
          args: (def.arguments ?? []).map((a) => argument(a, directives)),
          locations: def.locations.map((l) => l.value),
          repeatable: def.repeatable,
          location: refOf(def),
        });
        continue;
      }
      const shape = KINDS[def.kind];
      if (!shape || !('name' in def) || !def.name) continue;
      const name = def.name.value;
      if (links.isMachineryType(name)) continue;
      let type = byName.get(name);
      if (!type) {
        type = { name, kind: shape.kind, fields: [], interfaces: [], members: [], values: [], directives: [], extension: true, inaccessible: false, location: refOf(def), defined: false };
        byName.set(name, type);
      }
      if (!shape.extension && !type.defined) {
        type.defined = true;
        type.location = refOf(def);
      }
      const node = def as typeof def & {
        description?: { value: string };
        fields?: readonly (FieldDefinitionNode | InputValueDefinitionNode)[];
        interfaces?: readonly { name: { value: string } }[];
        types?: readonly { name: { value: string } }[];
        values?: readonly { name: { value: string }; description?: { value: string }; directives?: readonly ConstDirectiveNode[] }[];
        directives?: readonly ConstDirectiveNode[];
      };
      if (node.description && type.description === undefined) type.description = node.description.value;
      type.directives.push(...directives(node.directives));
      for (const i of node.interfaces ?? []) type.interfaces.push(i.name.value);
      for (const m of node.types ?? []) type.members.push(m.name.value);
      for (const v of node.values ?? []) {
        const ds = directives(v.directives);
        type.values.push({ name: v.name.value, ...(v.description ? { description: v.description.value } : {}), ...deprecationOf(ds), directives: ds, location: refOf(v as never) });
      }
      for (const f of node.fields ?? []) type.fields.push(field(f, name, directives));
    }
  }
  for (const op of ['query', 'mutation', 'subscription'] as const) {
    const dflt = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[op];
    if (!rootTypes[op] && byName.has(dflt)) rootTypes[op] = dflt;
  }
  const types = [...byName.values()]
    .map(({ defined, ...t }) => {
      // `@extends` is federation v1's way of writing `extend type` where the syntax is not available
      const extension = !defined || t.directives.some((d) => d.spec === 'extends');
      return { ...t, extension, inaccessible: t.directives.some((d) => d.spec === 'inaccessible') };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: NormalizedGraphQL = { links: links.links, rootTypes, types, entities: entitiesOf(types), directiveDefinitions };
  if (links.federation) out.federation = links.federation;
  const version = versionOf(links.links);
  if (version) out.version = version;
  return out;
}

function field(f: FieldDefinitionNode | InputValueDefinitionNode, parent: string, directives: (n: readonly ConstDirectiveNode[] | undefined) => GraphQLDirectiveUse[]): GraphQLField {
  const ds = directives(f.directives);
  const arg = (spec: string, name: string) => {
    const v = ds.find((d) => d.spec === spec)?.args[name];
    return typeof v === 'string' ? v : undefined;
  };
  const federation: GraphQLField['federation'] = {
    external: ds.some((d) => d.spec === 'external'),
    shareable: ds.some((d) => d.spec === 'shareable'),
    inaccessible: ds.some((d) => d.spec === 'inaccessible'),
  };
  const requires = arg('requires', 'fields');
  const provides = arg('provides', 'fields');
  const from = arg('override', 'from');
  if (requires !== undefined) Object.assign(federation, { requires, requiresSelection: parseFieldSet(requires) ?? [] });
  if (provides !== undefined) Object.assign(federation, { provides, providesSelection: parseFieldSet(provides) ?? [] });
  if (from !== undefined) federation.overrideFrom = from;
  const out: GraphQLField = {
    name: f.name.value,
    parent,
    type: typeRef(f.type),
    typeText: print(f.type),
    ...(f.description ? { description: f.description.value } : {}),
    args: f.kind === Kind.FIELD_DEFINITION ? (f.arguments ?? []).map((a) => argument(a, directives)) : [],
    ...deprecationOf(ds),
    directives: ds,
    federation,
    location: refOf(f),
  };
  if (f.kind === Kind.INPUT_VALUE_DEFINITION && f.defaultValue) out.defaultValue = print(f.defaultValue);
  return out;
}

function argument(a: InputValueDefinitionNode, directives: (n: readonly ConstDirectiveNode[] | undefined) => GraphQLDirectiveUse[]): GraphQLArgument {
  const ds = directives(a.directives);
  return {
    name: a.name.value,
    type: typeRef(a.type),
    typeText: print(a.type),
    ...(a.description ? { description: a.description.value } : {}),
    ...(a.defaultValue ? { defaultValue: print(a.defaultValue) } : {}),
    ...deprecationOf(ds),
    directives: ds,
    location: refOf(a),
  };
}

/** A TypeNode as the model's type reference. */
export function typeRef(node: TypeNode, nonNull = false): GraphQLTypeRef {
  if (node.kind === Kind.NON_NULL_TYPE) return typeRef(node.type, true);
  if (node.kind === Kind.LIST_TYPE) return { kind: 'list', ofType: typeRef(node.type), nonNull };
  return { kind: 'named', name: node.name.value, nonNull };
}

function deprecationOf(ds: GraphQLDirectiveUse[]): { deprecated?: GraphQLDeprecation } {
  const d = ds.find((x) => x.name === 'deprecated');
  if (!d) return {};
  const deprecated: GraphQLDeprecation = { location: d.location };
  if (typeof d.args.reason === 'string') deprecated.reason = d.args.reason;
  return { deprecated };
}

function entitiesOf(types: GraphQLNamedType[]): GraphQLEntity[] {
  const out: GraphQLEntity[] = [];
  for (const t of types) {
    const keys = t.directives
      .filter((d) => d.spec === 'key')
      .map((d) => {
        const fields = typeof d.args.fields === 'string' ? d.args.fields : '';
        const selection = parseFieldSet(fields) ?? [];
        return { fields, fieldNames: selection.map((s) => s.name), selection, resolvable: d.args.resolvable !== false, location: d.location };
      });
    if (keys.length === 0) continue;
    out.push({ type: t.name, keys, referenceOnly: keys.every((k) => !k.resolvable), location: t.location });
  }
  return out;
}

function versionOf(links: LinkResolution['links']): GraphQLContractVersion | undefined {
  for (const l of links) {
    const m = VERSION_LINK.exec(l.url);
    if (!m) continue;
    const v: GraphQLContractVersion = { major: Number(m[1]), location: l.location };
    if (m[2] !== undefined) v.minor = Number(m[2]);
    return v;
  }
  return undefined;
}
