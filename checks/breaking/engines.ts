/**
 * Registers the breaking-change engine of each contract kind.
 */
import { registerBreakingEngine, registerBreakingGroupEngine } from './compare.js';
import { diffOpenApi } from './openapi/index.js';
import { diffProto, type ProtoBreakingCategory } from './proto/index.js';
import { diffAsyncApi } from './asyncapi/index.js';
import type { AsyncApiContract, OpenApiContract, ProtoContract } from '../../contracts/model/types.js';

registerBreakingEngine('openapi', (previous, current, options) =>
  diffOpenApi(previous as OpenApiContract, current as OpenApiContract, { level: options.level }),
);
registerBreakingEngine('proto', (p, c, o) => diffProto(p as ProtoContract, c as ProtoContract, { category: o.protoCategory as ProtoBreakingCategory | undefined }));
registerBreakingEngine('asyncapi', (p, c, o) => diffAsyncApi(p as AsyncApiContract, c as AsyncApiContract, { compatibility: o.compatibility, level: o.level }));
// GraphQL compares all subgraphs together; its engine (and graphql-js, the composition library) load on first use
registerBreakingGroupEngine('graphql', async (pairs, o) => (await import('./graphql/index.js')).diffGraphQL(pairs, o));
