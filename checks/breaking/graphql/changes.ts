/**
 * One subgraph's schema changes, from graphql-inspector's `diff`, under its
 * change names and criticality, with contractkit's two adjustments:
 *
 * - Directive usages of the federation and link specs (`Customer.@key.fields`,
 *   `.@link.import`) are left to the federation-aware checks, which say what
 *   such a change means for the gateway instead of "argument removed from @key".
 * - Removing a field, argument, input field or enum value that was
 *   `@deprecated` is a warning, not an error: in GraphQL, deprecation is the
 *   announced path to removal (the same as OpenAPI's removal after deprecation).
 */
import { diff, type Change, type Rule } from '@graphql-inspector/core';
import type { GraphQLContract, GraphQLDirectiveUse } from '../../../contracts/model/types.js';
import { graphqlParsedOf } from '../../../contracts/graphql/parsed.js';
import type { Severity } from '../../../contracts/finding.js';
import { severityOfCriticality } from './catalogue.js';

/** One change, as the engine reports it. */
export interface GraphQLChange {
  /** graphql-inspector's change name, or our id. */
  type: string;
  severity: Severity;
  message: string;
  /** graphql-inspector's path (`Query.order.id`). */
  path: string;
  /** Why it breaks, when inspector says. */
  reason?: string;
}

/** Written names of the federation and link directives a subgraph uses (`key`, an alias, `link`). */
export function specDirectiveNames(c: GraphQLContract): Set<string> {
  const names = new Set<string>(['link']);
  const add = (ds: GraphQLDirectiveUse[]) => ds.forEach((d) => d.spec && names.add(d.name));
  for (const t of c.types) {
    add(t.directives);
    for (const f of t.fields) {
      add(f.directives);
      f.args.forEach((a) => add(a.directives));
    }
    t.values.forEach((v) => add(v.directives));
  }
  return names;
}

/** The directive a usage path names (`key` for `Customer.@key.fields`), if any. */
export function usageDirective(path: string): string | undefined {
  return /(?:^|\.)@([A-Za-z_]\w*)/.exec(path)?.[1];
}

/** True when the element at `path` (`Type.field`, `Type.field.arg`, `Enum.VALUE`) was `@deprecated` in `c`. */
export function wasDeprecated(c: GraphQLContract, path: string): boolean {
  const [typeName, member, arg] = path.split('.');
  const type = c.types.find((t) => t.name === typeName);
  const field = type?.fields.find((f) => f.name === member);
  if (arg) return field?.args.find((a) => a.name === arg)?.deprecated !== undefined;
  return field?.deprecated !== undefined || type?.values.find((v) => v.name === member)?.deprecated !== undefined;
}

const REMOVALS = new Set(['FIELD_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED', 'FIELD_ARGUMENT_REMOVED']);

/** Inspector's changes as GraphQLChanges (no adjustment). */
export function fromInspector(changes: readonly Change[]): GraphQLChange[] {
  return changes.map((c) => ({
    type: String(c.type),
    severity: severityOfCriticality(c.criticality.level),
    message: c.message,
    path: c.path ?? '',
    ...(c.criticality.reason ? { reason: c.criticality.reason } : {}),
  }));
}

/** graphql-inspector's own diff rules and their config, passed through (none by default). */
export interface InspectorOptions {
  rules?: Rule[];
  config?: Parameters<typeof diff>[3];
}

/** The changes from `previous` to `current` of one subgraph. */
export async function subgraphChanges(previous: GraphQLContract, current: GraphQLContract, inspector: InspectorOptions = {}): Promise<GraphQLChange[]> {
  const before = graphqlParsedOf(previous)?.schema;
  const after = graphqlParsedOf(current)?.schema;
  if (!before || !after) throw new Error(`GraphQL contract ${current.name} was not loaded by the GraphQL loader`);
  const spec = new Set([...specDirectiveNames(previous), ...specDirectiveNames(current)]);
  const out: GraphQLChange[] = [];
  for (const change of fromInspector(await diff(before, after, inspector.rules, inspector.config))) {
    const directive = usageDirective(change.path);
    if (directive && spec.has(directive) && change.type.startsWith('DIRECTIVE_USAGE_')) continue;
    if (REMOVALS.has(change.type) && change.severity === 'error' && wasDeprecated(previous, change.path)) {
      out.push({ ...change, severity: 'warning', reason: 'It was deprecated first; clients that still use it break, so check usage before removing.' });
      continue;
    }
    out.push(change);
  }
  return out;
}
