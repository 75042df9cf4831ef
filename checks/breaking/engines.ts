/**
 * Registers the breaking-change engine of each contract kind.
 */
import { registerBreakingEngine } from './compare.js';
import { diffOpenApi } from './openapi/index.js';
import { diffProto, type ProtoBreakingCategory } from './proto/index.js';
import type { OpenApiContract, ProtoContract } from '../../contracts/model/types.js';

registerBreakingEngine('openapi', (previous, current, options) =>
  diffOpenApi(previous as OpenApiContract, current as OpenApiContract, { level: options.level }),
);
registerBreakingEngine('proto', (p, c, o) => diffProto(p as ProtoContract, c as ProtoContract, { category: o.protoCategory as ProtoBreakingCategory | undefined }));
