/**
 * `graphql-description`: public types and root operation fields carry a
 * description. The schema is the API's documentation: descriptions show in
 * every client's tooling (GraphiQL, IDE completion) and in generated code.
 * Types a subgraph only extends or refers to (`resolvable: false`),
 * `@inaccessible` types and the root types themselves are left out.
 */
import type { ModelRule } from '../rule.js';
import { apiTypes, at, isRootType, rootType, subgraphLabel, subgraphs } from './support/graphql-model.js';

const KIND_NAMES = { object: 'Type', interface: 'Interface', union: 'Union', enum: 'Enum', input: 'Input type', scalar: 'Scalar' } as const;

/** The rule definition. */
export const graphqlDescription: ModelRule = {
  id: 'graphql-description',
  kind: 'graphql',
  engine: 'model',
  description: 'Public types and root query/mutation/subscription fields have a description.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: { rootFields: { type: 'boolean', description: 'Also ask for descriptions on root operation fields (default true).' } },
    additionalProperties: false,
  },
  defaultOptions: { rootFields: true },
  check(model, ctx) {
    const hint = 'Add a `"""description"""` above it: what it is for the client, in a sentence.';
    for (const c of subgraphs(model)) {
      // a subgraph that only refers to an entity (`resolvable: false`) describes it where it is owned
      const references = new Set(c.entities.filter((e) => e.referenceOnly).map((e) => e.type));
      for (const t of apiTypes(c)) {
        if (t.extension || references.has(t.name) || isRootType(c, t.name) || t.description?.trim()) continue;
        ctx.report({ ...at(t.location), message: `${KIND_NAMES[t.kind]} \`${t.name}\` in ${subgraphLabel(c)} has no description.`, hint });
      }
      if (!ctx.options.rootFields) continue;
      for (const op of ['query', 'mutation', 'subscription'] as const) {
        for (const f of rootType(c, op)?.fields ?? []) {
          if (f.description?.trim() || f.federation.inaccessible) continue;
          ctx.report({ ...at(f.location), message: `Root ${op} field \`${f.parent}.${f.name}\` in ${subgraphLabel(c)} has no description.`, hint });
        }
      }
    }
  },
};
