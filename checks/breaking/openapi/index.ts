/**
 * The OpenAPI breaking-change differ: compares a previous and a current
 * contract the way oasdiff does and reports under oasdiff's check ids and
 * levels, plus our versioning rule.
 *
 * Work is linear in the size of the two documents: operations are matched
 * through a map, and each pair of schema locations is compared once
 * (see schema-compare.ts), however many operations share it.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { OpenApiContract } from '../../../contracts/model/types.js';
import { checkRequestBody, checkResponses, type PendingSchema } from './bodies.js';
import { checkSecuritySchemes, checkWebhooks } from './components.js';
import { child, createDiffContext, isObject, report, type DiffOptions } from './context.js';
import { checkAddedOperation, checkOperationLifecycle, checkRemovedOperation } from './lifecycle.js';
import { collectOperations, isUnstable } from './operations.js';
import { checkParameters } from './parameters.js';
import { createSchemaMemo, markLive } from './schema-compare.js';
import { reportSchemaChanges } from './schema-report.js';
import { checkGlobalSecurity, checkOperationSecurity } from './security.js';
import { checkVersioning } from './versioning.js';

export type { DiffOptions } from './context.js';
export { OPENAPI_BREAKING_RULES, OPENAPI_LEVELS, NEEDS_NEW_VERSION_ID } from './catalogue.js';
export { majorVersionOf } from './versioning.js';

/**
 * Compares two OpenAPI contracts (their bundled documents, internal `$ref`s
 * kept). Returns findings of kind `openapi`: removals point into the previous
 * contract's file, everything else into the current one.
 */
export function diffOpenApi(previous: OpenApiContract, current: OpenApiContract, options: DiffOptions = {}): Finding[] {
  const ctx = createDiffContext(previous, current, options);
  const memo = createSchemaMemo();
  const pending: PendingSchema[] = [];
  const prevOps = collectOperations(ctx.prev);
  const currOps = collectOperations(ctx.curr);
  const currPaths = new Set([...currOps.values()].map((o) => o.normalized));

  for (const [key, prev] of prevOps) {
    const curr = currOps.get(key);
    if (!curr) {
      checkRemovedOperation(ctx, prev, !currPaths.has(prev.normalized));
      continue;
    }
    checkOperationLifecycle(ctx, prev, curr);
    // oasdiff's default threshold: draft and alpha operations may change freely.
    if (isUnstable(curr.node)) continue;
    checkParameters(ctx, memo, prev, curr, pending);
    checkRequestBody(ctx, memo, prev, curr, pending);
    checkResponses(ctx, memo, prev, curr, pending);
    checkOperationSecurity(ctx, prev, curr);
  }
  for (const [key, curr] of currOps) if (!prevOps.has(key)) checkAddedOperation(ctx, curr);
  checkGlobalSecurity(ctx);
  checkSecuritySchemes(ctx);
  checkWebhooks(ctx);
  checkRemovedSchemas(ctx);

  markLive(memo);
  for (const p of pending) reportSchemaChanges(ctx, p.scope, p.node);

  // the versioning rule counts only the breaking changes nobody accepted (notes, the ignore file)
  const suppress = options.suppress ?? ((fs: Finding[]) => fs);
  ctx.findings = suppress(ctx.findings);
  const versioning = checkVersioning(ctx);
  return versioning ? [...ctx.findings, ...suppress([versioning])] : ctx.findings;
}

function checkRemovedSchemas(ctx: ReturnType<typeof createDiffContext>): void {
  const prev = isObject(ctx.prev.doc.components) && isObject(ctx.prev.doc.components.schemas) ? ctx.prev.doc.components.schemas : {};
  const curr = isObject(ctx.curr.doc.components) && isObject(ctx.curr.doc.components.schemas) ? ctx.curr.doc.components.schemas : {};
  for (const name of Object.keys(prev)) {
    if (!(name in curr)) report(ctx, 'api-schema-removed', `Schema \`${name}\` was removed from components`, 'prev', child('/components/schemas', name));
  }
}
