/**
 * contractkit's GraphQL rules: model rules over every GraphQL subgraph of a
 * run, so the cross-subgraph ones (composition, resolvable keys) see them all.
 */
import type { ModelRule } from '../rule.js';
import { presetTable, type PresetTable } from '../asyncapi/support/presets.js';
import { graphqlConnectionShape } from './graphql-connection-shape.js';
import { graphqlDeprecationReason } from './graphql-deprecation-reason.js';
import { graphqlDescription } from './graphql-description.js';
import { graphqlEntityKeyResolvable } from './graphql-entity-key-resolvable.js';
import { graphqlEnumValueCase } from './graphql-enum-value-case.js';
import { graphqlExternalUsed } from './graphql-external-used.js';
import { graphqlFieldNameCase } from './graphql-field-name-case.js';
import { graphqlListPagination } from './graphql-list-pagination.js';
import { graphqlMutationInputPayload } from './graphql-mutation-input-payload.js';
import { graphqlMutationVerbFirst } from './graphql-mutation-verb-first.js';
import { graphqlSubgraphsCompose } from './graphql-subgraphs-compose.js';
import { graphqlTypeNameCase } from './graphql-type-name-case.js';

/** Every GraphQL rule, in catalogue order. */
export const graphqlRules: readonly ModelRule[] = [
  graphqlSubgraphsCompose,
  graphqlEntityKeyResolvable,
  graphqlExternalUsed,
  graphqlTypeNameCase,
  graphqlFieldNameCase,
  graphqlEnumValueCase,
  graphqlListPagination,
  graphqlConnectionShape,
  graphqlDeprecationReason,
  graphqlMutationVerbFirst,
  graphqlMutationInputPayload,
  graphqlDescription,
];

/**
 * Which GraphQL rules each preset runs: minimal = composition, resolvable
 * keys and deprecation reasons; recommended = all at their default severity;
 * strict = all at error.
 */
export const graphqlPresets: PresetTable = presetTable(graphqlRules);
