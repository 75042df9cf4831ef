/**
 * The `graphql-resolvers` generator: for every GraphQL subgraph of the run a
 * `<subgraph>.resolvers.ts` with typed resolvers (see emit-resolvers.ts).
 * Option `scalars` maps custom scalars to TypeScript types.
 */
export { type GraphqlResolversOptions } from './options.js';
import { UsageError } from '../../contracts/errors.js';
import { contractsOfKind } from '../../contracts/model/types.js';
import { camelCase, createNameScope } from '../core/names.js';
import { defineGenerator, type GeneratedFile } from '../core/registry.js';
import { emitResolvers } from './emit-resolvers.js';
import { GRAPHQL_RESOLVERS_OPTIONS_SCHEMA, readGraphqlResolversOptions } from './options.js';

/** The registered `graphql-resolvers` generator. */
export const graphqlResolversGenerator = defineGenerator({
  name: 'graphql-resolvers',
  optionsSchema: GRAPHQL_RESOLVERS_OPTIONS_SCHEMA,
  async generate(model, ctx) {
    const options = readGraphqlResolversOptions(ctx.options);
    const contracts = contractsOfKind(model, 'graphql');
    const files: GeneratedFile[] = [];
    const scope = createNameScope();
    for (const c of contracts) {
      const hasResolvers = c.types.some((t) => t.kind === 'object' || t.kind === 'interface' || t.kind === 'union');
      if (!hasResolvers) {
        throw new UsageError(`graphql-resolvers: subgraph ${c.subgraph} (${c.file}) defines no object, interface or union type; nothing to generate.`, [
          { ruleId: 'graphql-resolvers/nothing', severity: 'error', kind: 'graphql', file: c.file, line: 1, column: 1, message: `Subgraph ${c.subgraph} defines no object, interface or union type.`, hint: 'Add a `type Query { ... }` or an entity type, or remove the target.' },
        ]);
      }
      files.push(emitResolvers(c, `${scope.claim(camelCase(c.subgraph))}.resolvers.ts`, options));
    }
    if (files.length === 0) throw new UsageError('graphql-resolvers: the run has no GraphQL contract; nothing to generate.');
    return files;
  },
});
