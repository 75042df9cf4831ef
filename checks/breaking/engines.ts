/**
 * Registers the breaking-change engine of each contract kind.
 */
import { registerBreakingEngine } from './compare.js';
import { diffOpenApi } from './openapi/index.js';
import type { OpenApiContract } from '../../contracts/model/types.js';

registerBreakingEngine('openapi', (previous, current, options) =>
  diffOpenApi(previous as OpenApiContract, current as OpenApiContract, { level: options.level }),
);
