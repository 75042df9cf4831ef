/**
 * The GraphQL breaking-change catalogue. Changes to a schema are
 * graphql-inspector's, under its change names (`FIELD_REMOVED`,
 * `ARG_CHANGED_KIND`…) and at its criticality (BREAKING → error, DANGEROUS →
 * warning, NON_BREAKING → info, decided per change), so teams moving from
 * `graphql-inspector diff` keep their ignore files. The federation-aware
 * changes and the versioning rule are contractkit's own.
 */
import type { Severity } from '../../../contracts/finding.js';
import type { BreakingRule } from '../rule.js';
import { NEEDS_NEW_VERSION_ID } from '../openapi/catalogue.js';

/** Our federation-aware ids. */
export const GRAPHQL_IDS = {
  keyRemoved: 'graphql-entity-key-removed',
  keyChanged: 'graphql-entity-key-changed',
  keyAdded: 'graphql-entity-key-added',
  requiredFieldChanged: 'graphql-required-field-changed',
  fieldMoved: 'graphql-field-moved-subgraph',
  stillComposed: 'graphql-removed-still-composed',
  notComposed: 'graphql-supergraph-not-composed',
} as const;

/** graphql-inspector's criticality as our severity. */
export function severityOfCriticality(level: string): Severity {
  return level === 'BREAKING' ? 'error' : level === 'DANGEROUS' ? 'warning' : 'info';
}

/** contractkit's own GraphQL breaking rules: id → default severity and what the rule reports (one sentence). */
export const GRAPHQL_OWN_RULES = {
  [GRAPHQL_IDS.keyRemoved]: { severity: 'error', purpose: 'An entity lost its last `@key` in a subgraph: other subgraphs and the gateway can no longer fetch it from there.' },
  [GRAPHQL_IDS.keyChanged]: { severity: 'error', purpose: 'An entity\'s `@key` changed (other fields, or `resolvable: false`): references other subgraphs send by the old key no longer resolve.' },
  [GRAPHQL_IDS.keyAdded]: { severity: 'info', purpose: 'An entity got a new `@key`.' },
  [GRAPHQL_IDS.requiredFieldChanged]: { severity: 'error', purpose: 'A field another subgraph `@requires` was removed or changed type in the subgraph that resolves it.' },
  [GRAPHQL_IDS.fieldMoved]: { severity: 'warning', purpose: 'A field moved from one subgraph to another (info when the new owner declares `@override(from:)`, which lets the move roll out safely).' },
  [GRAPHQL_IDS.stillComposed]: { severity: 'info', purpose: 'An element was removed from one subgraph while another still resolves it: the composed supergraph keeps it.' },
  [GRAPHQL_IDS.notComposed]: { severity: 'warning', purpose: 'The composed supergraph was not compared because one side\'s subgraphs do not compose.' },
  [NEEDS_NEW_VERSION_ID]: { severity: 'error', purpose: 'A subgraph made breaking changes but its version link (`https://contractkit.dev/version/vN.M`) kept its major version.' },
} as const satisfies Record<string, { severity: Severity; purpose: string }>;

/** An own GraphQL breaking id. */
export type GraphQLOwnId = keyof typeof GRAPHQL_OWN_RULES;

/** Default severity of each own rule. */
export const GRAPHQL_LEVELS: ReadonlyMap<string, Severity> = new Map(Object.entries(GRAPHQL_OWN_RULES).map(([id, rule]) => [id, rule.severity]));

/** graphql-inspector's change names with the level they usually have (the real level is decided per change). */
const INSPECTOR = `
FIELD_ARGUMENT_DESCRIPTION_CHANGED info
FIELD_ARGUMENT_DEFAULT_CHANGED warning
FIELD_ARGUMENT_TYPE_CHANGED error
DIRECTIVE_REMOVED error
DIRECTIVE_ADDED info
DIRECTIVE_DESCRIPTION_CHANGED info
DIRECTIVE_LOCATION_ADDED info
DIRECTIVE_LOCATION_REMOVED error
DIRECTIVE_ARGUMENT_ADDED error
DIRECTIVE_ARGUMENT_REMOVED error
DIRECTIVE_ARGUMENT_DESCRIPTION_CHANGED info
DIRECTIVE_ARGUMENT_DEFAULT_VALUE_CHANGED warning
DIRECTIVE_ARGUMENT_TYPE_CHANGED error
DIRECTIVE_REPEATABLE_ADDED info
DIRECTIVE_REPEATABLE_REMOVED error
ENUM_VALUE_REMOVED error
ENUM_VALUE_ADDED warning
ENUM_VALUE_DESCRIPTION_CHANGED info
ENUM_VALUE_DEPRECATION_REASON_CHANGED info
ENUM_VALUE_DEPRECATION_REASON_ADDED info
ENUM_VALUE_DEPRECATION_REASON_REMOVED info
FIELD_REMOVED error
FIELD_ADDED info
FIELD_DESCRIPTION_CHANGED info
FIELD_DESCRIPTION_ADDED info
FIELD_DESCRIPTION_REMOVED info
FIELD_DEPRECATION_ADDED info
FIELD_DEPRECATION_REMOVED warning
FIELD_DEPRECATION_REASON_CHANGED info
FIELD_DEPRECATION_REASON_ADDED info
FIELD_DEPRECATION_REASON_REMOVED info
FIELD_TYPE_CHANGED error
FIELD_ARGUMENT_ADDED error
FIELD_ARGUMENT_REMOVED error
INPUT_FIELD_REMOVED error
INPUT_FIELD_ADDED error
INPUT_FIELD_DESCRIPTION_ADDED info
INPUT_FIELD_DESCRIPTION_REMOVED info
INPUT_FIELD_DESCRIPTION_CHANGED info
INPUT_FIELD_DEFAULT_VALUE_CHANGED warning
INPUT_FIELD_TYPE_CHANGED error
OBJECT_TYPE_INTERFACE_ADDED warning
OBJECT_TYPE_INTERFACE_REMOVED error
SCHEMA_QUERY_TYPE_CHANGED error
SCHEMA_MUTATION_TYPE_CHANGED error
SCHEMA_SUBSCRIPTION_TYPE_CHANGED error
TYPE_REMOVED error
TYPE_ADDED info
TYPE_KIND_CHANGED error
TYPE_DESCRIPTION_CHANGED info
TYPE_DESCRIPTION_REMOVED info
TYPE_DESCRIPTION_ADDED info
UNION_MEMBER_REMOVED error
UNION_MEMBER_ADDED warning
`;

/** Every GraphQL breaking rule: ours, then graphql-inspector's (directive-usage changes keep inspector's `DIRECTIVE_USAGE_*` names too). */
export const GRAPHQL_BREAKING_RULES: readonly BreakingRule[] = [
  ...Object.entries(GRAPHQL_OWN_RULES).map(([id, rule]): BreakingRule => ({ id, kind: 'graphql', severity: rule.severity, description: rule.purpose, source: 'contractkit' })),
  ...INSPECTOR.trim()
    .split('\n')
    .map((line): BreakingRule => {
      const [id, severity] = line.split(' ') as [string, Severity];
      return { id, kind: 'graphql', severity, description: `graphql-inspector's ${id} (level decided per change by its criticality).`, source: 'graphql-inspector' };
    }),
];
