/**
 * Turns compared schema graphs into findings: joins each change to the scope
 * it was found in (request body or property, parameter, response body or
 * property, response header) to get oasdiff's id, and words the message.
 */
import { isOpenApiBreakingId, type OpenApiBreakingId } from './catalogue.js';
import { report, wants, type DiffContext } from './context.js';
import type { Direction, LocalChange, SchemaNode } from './schema-compare.js';
import { PROPERTY_ONLY_SUFFIXES } from './schema-keywords.js';
import { MUTABILITY_SUFFIXES } from './schema-mutability.js';

/** What a compared schema belongs to. */
export interface SchemaScope {
  dir: Direction;
  /** The schema of a body (request or response), a parameter, or a response header. */
  root: 'body' | 'parameter' | 'header';
  /** `GET /orders`, `GET /orders 200`, with the media type when it is not JSON. */
  where: string;
  /** Parameter or header name and location (`query parameter \`limit\``). */
  name?: string;
  /** For parameters: where the parameter is sent (`header` has ids of its own for properties). */
  paramIn?: string;
  /** Values travel as text (a non-JSON body, a response header): some type swaps are `type-compatible`. */
  looselyTyped?: boolean;
  /** For parameters: a scalar became a form-exploded array that accepts it as a single value (parameter-form-array.ts). */
  formArray?: boolean;
}

/** Deepest property path walked. */
const MAX_DEPTH = 24;

const REQUEST_PROPERTY_IDS: Record<string, OpenApiBreakingId> = {
  'required-property-added': 'new-required-request-property',
  'required-property-added-with-default': 'new-required-request-property-with-default',
  'optional-property-added': 'new-optional-request-property',
  'required-property-removed': 'request-property-removed',
  'optional-property-removed': 'request-property-removed',
  'became-required': 'request-property-became-required',
  'became-required-with-default': 'request-property-became-required-with-default',
  'became-optional': 'request-property-became-optional',
};

const RESPONSE_PROPERTY_IDS: Record<string, OpenApiBreakingId> = {
  'required-property-added': 'response-required-property-added',
  'required-property-added-with-default': 'response-required-property-added',
  'optional-property-added': 'response-optional-property-added',
  'required-property-removed': 'response-required-property-removed',
  'optional-property-removed': 'response-optional-property-removed',
  'became-required': 'response-property-became-required',
  'became-required-with-default': 'response-property-became-required',
  'became-optional': 'response-property-became-optional',
};

/** Properties of a header parameter's object schema (oasdiff's request-header-property checks). */
const HEADER_PROPERTY_IDS: Record<string, OpenApiBreakingId> = {
  'required-property-added': 'new-required-request-header-property',
  'became-required': 'request-header-property-became-required',
  'became-enum': 'request-header-property-became-enum',
};

/**
 * Per direction, the suffix a change is reported under: a multipleOf change that
 * narrows what is allowed is plain `changed` (an error) on the side it hurts.
 */
const ALIASES: Record<Direction, Record<string, string>> = {
  request: { 'multiple-of-specialized': 'multiple-of-changed' },
  response: { 'multiple-of-generalized': 'multiple-of-changed' },
};

/** The oasdiff id of a change in a scope, or undefined when oasdiff does not count it. */
export function idFor(scope: SchemaScope, suffix: string, atRoot: boolean): OpenApiBreakingId | undefined {
  suffix = ALIASES[scope.dir][suffix] ?? suffix;
  if (scope.root === 'parameter' && scope.paramIn === 'header' && !atRoot && suffix in HEADER_PROPERTY_IDS) return HEADER_PROPERTY_IDS[suffix];
  const propertyIds = scope.dir === 'request' ? REQUEST_PROPERTY_IDS : RESPONSE_PROPERTY_IDS;
  if (suffix in propertyIds) return scope.root === 'body' ? propertyIds[suffix] : undefined;
  if (MUTABILITY_SUFFIXES.has(suffix)) return scope.root === 'body' && !atRoot ? checked(`${scope.dir}-${suffix}`) : undefined;
  if (PROPERTY_ONLY_SUFFIXES.has(suffix)) return scope.root === 'body' && !atRoot ? checked(`${scope.dir}-property-${suffix}`) : undefined;
  // Only a body has a wrapped-in-one-of id; below it, oasdiff reports the wrapping as one-of-added.
  if (suffix.startsWith('wrapped-in-one-of') && !atRoot) suffix = 'one-of-added';
  const candidates: string[] = [];
  if (scope.dir === 'request') {
    const prefix = scope.root === 'parameter' ? (atRoot ? 'request-parameter' : 'request-parameter-property') : atRoot ? 'request-body' : 'request-property';
    // Narrowing a request type is a plain type change except where oasdiff has a "specialized" id.
    const s = suffix === 'type-specialized' && prefix !== 'request-parameter-property' ? 'type-changed' : suffix;
    if (scope.root === 'header') return undefined;
    candidates.push(`${prefix}-${s}`);
    if (prefix === 'request-body') candidates.push(`request-property-${s}`);
  } else {
    if (scope.root === 'header') {
      if (atRoot) candidates.push(`response-header-${suffix}`);
    } else if (scope.root === 'body') {
      if (atRoot && suffix === 'enum-value-removed') candidates.push('response-mediatype-enum-value-removed');
      candidates.push(`${atRoot ? 'response-body' : 'response-property'}-${suffix}`);
      if (atRoot) candidates.push(`response-property-${suffix}`);
    }
  }
  // a change with no oasdiff id in this scope is not a breaking change there (a narrowing on the response side): no finding
  return candidates.find(isOpenApiBreakingId);
}

function checked(id: string): OpenApiBreakingId | undefined {
  return isOpenApiBreakingId(id) ? id : undefined;
}

function subject(scope: SchemaScope, path: string[]): string {
  const p = path.join('/');
  if (scope.root === 'parameter') return path.length ? `Property \`${p}\` of ${scope.name} of ${scope.where}` : `${cap(scope.name!)} of ${scope.where}`;
  if (scope.root === 'header') return path.length ? `Property \`${p}\` of ${scope.name} of ${scope.where}` : `${cap(scope.name!)} of ${scope.where}`;
  const side = scope.dir === 'request' ? 'Request' : 'Response';
  return path.length ? `${side} property \`${p}\` of ${scope.where}` : `${side} body of ${scope.where}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Past-tense wording of a change. */
export function verb(change: LocalChange): string {
  const a = change.args;
  const s = change.suffix;
  if (a.text !== undefined) return a.text;
  switch (s) {
    case 'type-changed':
      return `changed type from ${a.from} to ${a.to}`;
    case 'schema-became-false':
      return 'became the `false` schema (no value is valid any more)';
    case 'schema-became-not-false':
      return 'is no longer the `false` schema (values are valid again)';
    case 'type-compatible':
      return `changed type from ${a.from} to ${a.to} (compatible: its values travel as text)`;
    case 'type-generalized':
      return `was widened from ${a.from} to ${a.to}`;
    case 'type-specialized':
      return `was narrowed from ${a.from} to ${a.to}`;
    case 'became-nullable':
      return 'became nullable';
    case 'became-not-nullable':
      return 'became not nullable';
    case 'became-enum':
      return 'was restricted to a list of enum values';
    case 'enum-value-removed':
      return `had the enum value \`${a.value}\` removed`;
    case 'x-extensible-enum-value-removed':
      return `had the x-extensible-enum value \`${a.value}\` removed`;
    case 'enum-value-added':
      return `had the enum value \`${a.value}\` added`;
    case 'default-value-added':
      return `had the default value ${a.to} added`;
    case 'default-value-removed':
      return `had its default value ${a.from} removed`;
    case 'default-value-changed':
      return `had its default value changed from ${a.from} to ${a.to}`;
    case 'pattern-added':
      return `had the pattern \`${a.to}\` added`;
    case 'pattern-removed':
      return `had its pattern \`${a.from}\` removed`;
    case 'wrapped-in-one-of':
      return `was restructured into a oneOf of ${a.count} alternatives`;
    case 'wrapped-in-one-of-original-preserved':
      return `was restructured into a oneOf of ${a.count} alternatives, one of them the previous schema (a payload matching another one too is now rejected)`;
    case 'pattern-generalized':
      return `had its pattern \`${a.from}\` generalized to \`${a.to}\``;
    case 'pattern-changed':
      return `had its pattern changed from \`${a.from}\` to \`${a.to}\``;
    case 'required-property-removed':
    case 'optional-property-removed':
      return 'was removed';
    case 'required-property-added':
      return 'was added as required';
    case 'required-property-added-with-default':
      return 'was added as required (with a default value)';
    case 'optional-property-added':
      return 'was added';
    case 'became-required':
    case 'became-required-with-default':
      return 'became required';
    case 'became-optional':
      return 'became optional';
  }
  if (s.endsWith('-annotation-only')) return `had the annotation-only ${a.keyword} member \`${a.member}\` ${s.includes('-added') ? 'added' : 'removed'}`;
  if (s.endsWith('-added') || s.endsWith('-removed')) return `had the ${a.keyword} member \`${a.member}\` ${s.endsWith('-added') ? 'added' : 'removed'}`;
  if (s.endsWith('-set')) return `had ${a.keyword} set to ${a.to}`;
  if (s.endsWith('-unset')) return `had its ${a.keyword} of ${a.from} removed`;
  if (s.endsWith('-increased') || s.endsWith('-decreased')) return `had its ${a.keyword} ${s.endsWith('-increased') ? 'increased' : 'decreased'} from ${a.from} to ${a.to}`;
  return s.replace(/-/g, ' ');
}

/**
 * The change as the scope reads it: a type swapped to string is compatible
 * where values travel as text (a non-JSON body, a response header). A
 * parameter's own value always travels as text, so oasdiff calls that swap
 * generalized there; an object parameter's properties may travel as text
 * (deepObject) or as JSON, so oasdiff calls the swap to string changed (a
 * warning, as the two readings disagree) and any other swap specialized (an
 * error under both).
 */
function shownChange(scope: SchemaScope, change: LocalChange, atRoot: boolean): LocalChange {
  if (change.suffix !== 'type-changed') return change;
  const toText = change.args[scope.dir === 'request' ? 'looseRequest' : 'looseResponse'] !== undefined;
  if (scope.root === 'parameter') {
    if (atRoot && scope.formArray) return { ...change, suffix: 'type-generalized', args: { ...change.args, text: `${verb(change)} (compatible: a form-exploded array takes a single value as one item)` } };
    const text = toText && atRoot ? `${verb(change)} (compatible: a parameter's value travels as text)` : verb(change);
    return { ...change, suffix: atRoot ? (toText ? 'type-generalized' : 'type-changed') : toText ? 'type-changed' : 'type-specialized', args: { ...change.args, text } };
  }
  return scope.looselyTyped && toText ? { ...change, suffix: 'type-compatible' } : change;
}

/**
 * Reports every change reachable from `node` (after {@link markLive}), each at
 * the shortest property path that reaches it. Walking breadth-first and
 * visiting each node once keeps this linear in the changed part of the graph:
 * enumerating every path through mutually recursive schemas would be
 * exponential.
 */
export function reportSchemaChanges(ctx: DiffContext, scope: SchemaScope, node: SchemaNode): void {
  if (!node.live) return;
  const visited = new Set<SchemaNode>([node]);
  let level: { node: SchemaNode; path: string[] }[] = [{ node, path: [] }];
  while (level.length) {
    const next: typeof level = [];
    for (const { node: n, path } of level) {
      for (const change of n.changes) {
        const full = change.prop !== undefined ? [...path, change.prop] : path;
        const atRoot = full.length === 0;
        const shown = shownChange(scope, change, atRoot);
        let id = idFor(scope, shown.suffix, atRoot);
        let text = verb(shown);
        // A change with no id in this scope may stand for a plainer one that has one (a list of types in a response header).
        if (!id && change.args.fallback !== undefined) {
          id = idFor(scope, change.args.fallback, atRoot);
          text = change.args.fallbackText ?? text;
        }
        if (!id || !wants(ctx, id)) continue;
        const where = change.curr !== undefined ? 'curr' : 'prev';
        report(ctx, id, `${subject(scope, full)} ${text}`, where, (where === 'curr' ? change.curr : change.prev) ?? '');
      }
      if (path.length >= MAX_DEPTH) continue;
      for (const ch of n.children) {
        if (!ch.node.live || visited.has(ch.node)) continue;
        visited.add(ch.node);
        next.push({ node: ch.node, path: [...path, ch.segment] });
      }
    }
    level = next;
  }
}
