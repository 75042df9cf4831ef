/**
 * Registers the breaking-change engine of each contract kind.
 */
import { registerBreakingEngine, registerBreakingGroupEngine } from './compare.js';
import { diffOpenApi } from './openapi/index.js';
import { diffProto, type ProtoBreakingCategory } from './proto/index.js';
import { diffAsyncApi } from './asyncapi/index.js';
import type { AsyncApiContract, OpenApiContract, ProtoContract } from '../../contracts/model/types.js';

registerBreakingEngine('openapi', (previous, current, options) =>
  diffOpenApi(previous as OpenApiContract, current as OpenApiContract, {
    level: options.level,
    suppress: options.suppress,
    ...(options.minSunsetDays !== undefined ? { minSunsetDays: options.minSunsetDays } : {}),
    ...(options.today ? { now: options.today } : {}),
  }),
);
registerBreakingEngine('proto', (p, c, o) => diffProto(p as ProtoContract, c as ProtoContract, { category: o.protoCategory as ProtoBreakingCategory | undefined, suppress: o.suppress }));
registerBreakingEngine('asyncapi', (p, c, o) => diffAsyncApi(p as AsyncApiContract, c as AsyncApiContract, { compatibility: o.compatibility, level: o.level, suppress: o.suppress }));
// GraphQL compares all subgraphs together; its engine (and graphql-js, the composition library) load on first use
registerBreakingGroupEngine('graphql', async (pairs, o) => (await import('./graphql/index.js')).diffGraphQL(pairs, o));
