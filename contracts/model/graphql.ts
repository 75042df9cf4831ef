/**
 * The GraphQL part of the ContractModel: one subgraph (or plain schema) per
 * contract, its types, fields with parent/argument/result types, entities and
 * their keys, federation directives resolved to their spec names, and a
 * position for every element.
 *
 * Generators read this, never the SDL: everything a typed resolver or a typed
 * client operation needs (names, nullability and list shapes, descriptions,
 * deprecations, which fields another subgraph resolves) is here.
 */
import type { ContractBase, SourceRef } from './types.js';

/** A type reference as written (`[Order!]!`), unwrapped into its shape. */
export type GraphQLTypeRef =
  | { kind: 'named'; name: string; nonNull: boolean }
  | { kind: 'list'; ofType: GraphQLTypeRef; nonNull: boolean };

/** The named type at the bottom of a reference (`Order` for `[Order!]!`). */
export function namedTypeOf(ref: GraphQLTypeRef): string {
  return ref.kind === 'named' ? ref.name : namedTypeOf(ref.ofType);
}

/** A directive applied to an element, with literal argument values. */
export interface GraphQLDirectiveUse {
  /** Name as written, without `@` (`key`, `federation__key`, an alias). */
  name: string;
  /**
   * The federation or link spec name when the directive is one (`key`,
   * `external`, `link`…), whatever alias or namespace the subgraph imported it as.
   */
  spec?: string;
  args: Record<string, unknown>;
  location: SourceRef;
}

/** `@deprecated`, when present. */
export interface GraphQLDeprecation {
  reason?: string;
  location: SourceRef;
}

/** One field of a federation field set (`@key`, `@requires`, `@provides`) and what is selected under it. */
export interface FieldSelection {
  name: string;
  selections: FieldSelection[];
}

/** Federation facts about a field, from its directives. */
export interface GraphQLFieldFederation {
  external: boolean;
  shareable: boolean;
  inaccessible: boolean;
  /** `@requires(fields:)` selection, as written, and parsed (fields of the parent type; empty when it does not parse). */
  requires?: string;
  requiresSelection?: FieldSelection[];
  /** `@provides(fields:)` selection, as written, and parsed (fields of the returned type). */
  provides?: string;
  providesSelection?: FieldSelection[];
  /** `@override(from:)`: the subgraph this field was taken over from. */
  overrideFrom?: string;
}

export interface GraphQLArgument {
  name: string;
  type: GraphQLTypeRef;
  /** The type as written (`[ID!]`). */
  typeText: string;
  description?: string;
  /** Default value as GraphQL literal text (`10`, `"x"`, `ASC`). */
  defaultValue?: string;
  deprecated?: GraphQLDeprecation;
  directives: GraphQLDirectiveUse[];
  location: SourceRef;
}

/** A field of an object, interface or input type. */
export interface GraphQLField {
  name: string;
  /** Name of the type declaring it. */
  parent: string;
  type: GraphQLTypeRef;
  typeText: string;
  description?: string;
  /** Arguments (empty for input fields). */
  args: GraphQLArgument[];
  /** Default value of an input field, as literal text. */
  defaultValue?: string;
  deprecated?: GraphQLDeprecation;
  directives: GraphQLDirectiveUse[];
  federation: GraphQLFieldFederation;
  location: SourceRef;
}

export interface GraphQLEnumValue {
  name: string;
  description?: string;
  deprecated?: GraphQLDeprecation;
  directives: GraphQLDirectiveUse[];
  location: SourceRef;
}

export type GraphQLTypeKind = 'object' | 'interface' | 'union' | 'enum' | 'input' | 'scalar';

/** A named type, with every definition and extension of it in the subgraph merged. */
export interface GraphQLNamedType {
  name: string;
  kind: GraphQLTypeKind;
  description?: string;
  /** Fields (object, interface, input), in source order. */
  fields: GraphQLField[];
  /** Interfaces implemented (object, interface). */
  interfaces: string[];
  /** Member types (union). */
  members: string[];
  /** Values (enum). */
  values: GraphQLEnumValue[];
  directives: GraphQLDirectiveUse[];
  /** True when the subgraph only extends the type (`extend type`): another subgraph defines it. */
  extension: boolean;
  /** Marked `@inaccessible`: not part of the composed public API. */
  inaccessible: boolean;
  /** Where it is defined (its first definition, or its first extension). */
  location: SourceRef;
}

/** One `@key` of an entity. */
export interface GraphQLEntityKey {
  /** The field set as written (`id`, `sku variation { id }`). */
  fields: string;
  /** Top-level field names of the selection (empty when it does not parse). */
  fieldNames: string[];
  selection: FieldSelection[];
  resolvable: boolean;
  location: SourceRef;
}

/** An entity: an object (or interface) type with at least one `@key`. */
export interface GraphQLEntity {
  type: string;
  keys: GraphQLEntityKey[];
  /** True when this subgraph only references the entity (every key `resolvable: false`, or a v1 `extend type`). */
  referenceOnly: boolean;
  location: SourceRef;
}

/** A directive definition (`directive @auth(role: String) on FIELD_DEFINITION`). */
export interface GraphQLDirectiveDefinition {
  name: string;
  description?: string;
  args: GraphQLArgument[];
  locations: string[];
  repeatable: boolean;
  location: SourceRef;
}

/** A `@link` on the schema. */
export interface GraphQLLink {
  url: string;
  /** Spec name from the URL (`federation`), its version (`v2.3`). */
  name?: string;
  version?: string;
  /** Imported names (`@key`, or `@key` as `@primaryKey`). */
  imports: { name: string; as?: string }[];
  /** The link's `as:` namespace, when renamed. */
  as?: string;
  location: SourceRef;
}

/** The subgraph's own version (for the versioning rule), from `@link(url: "https://contractkit.dev/version/vN.M")`. */
export interface GraphQLContractVersion {
  major: number;
  minor?: number;
  location: SourceRef;
}

export interface GraphQLContract extends ContractBase {
  kind: 'graphql';
  /** Subgraph name (config `subgraph`, else the contract name): what composition and errors call it. */
  subgraph: string;
  /** Routing URL of the subgraph, when the config gives it. */
  url?: string;
  /** Federation version: `1` (no federation `@link`), or the linked version (`2.3`). Undefined for a schema with no federation directives. */
  federation?: string;
  links: GraphQLLink[];
  version?: GraphQLContractVersion;
  /** Root operation type names. */
  rootTypes: { query?: string; mutation?: string; subscription?: string };
  /** Named types, sorted by name (federation and link machinery left out). */
  types: GraphQLNamedType[];
  entities: GraphQLEntity[];
  directiveDefinitions: GraphQLDirectiveDefinition[];
  /** The SDL text of every file as written, by absolute path, in `files` order (for output that reproduces or hashes it). */
  sdl: Record<string, string>;
}
