/**
 * The AsyncAPI breaking-change differ: channels, operations and messages
 * removed, renamed or moved, and message payload and header schemas checked
 * with Confluent Schema Registry's compatibility modes and JSON Schema
 * difference names; an incompatible change under the same event version is
 * an error that asks for a new version.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { AsyncApiContract } from '../../../contracts/model/types.js';
import { checkChannels, checkOperations } from './channels-operations.js';
import { createAsyncDiffContext, type DiffAsyncApiOptions } from './context.js';
import { checkEventVersions, checkMessages } from './messages.js';

export type { DiffAsyncApiOptions } from './context.js';
export { ASYNCAPI_BREAKING_RULES, EVENT_NEEDS_NEW_VERSION_ID } from './catalogue.js';
export { COMPATIBILITY_MODES, checkCompatibility, type CompatibilityMode } from './compatibility.js';
export { diffJsonSchema } from './json-schema-diff.js';

/**
 * Compares two AsyncAPI contracts. Findings about removed elements point into
 * the previous contract's files, all others into the current one's (messages
 * at their definitions, which may be in a shared file).
 */
export function diffAsyncApi(previous: AsyncApiContract, current: AsyncApiContract, options: DiffAsyncApiOptions = {}): Finding[] {
  const ctx = createAsyncDiffContext(previous, current, options);
  const channels = checkChannels(ctx);
  checkOperations(ctx, channels);
  checkMessages(ctx);
  // the versioning rule counts only the incompatible changes nobody accepted (notes, the ignore file)
  const suppress = options.suppress ?? ((fs: Finding[]) => fs);
  const kept = suppress(ctx.findings);
  return [...kept, ...suppress(checkEventVersions(ctx, kept))];
}
