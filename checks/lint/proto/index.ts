/**
 * Proto lint: contractkit's own rules over the model, plus buf's rules run
 * through `buf lint` ({@link runBufLint}), which report under buf's ids.
 */
import type { ModelRule } from '../rule.js';
import { rpcIdempotencyLevel } from './rpc-idempotency-level.js';
import { rpcListPagination } from './rpc-list-pagination.js';

export { runBufLint, DEFAULT_BUF_LINT_CATEGORY, type BufLintOptions } from './buf-lint.js';
export { rpcIdempotencyLevel } from './rpc-idempotency-level.js';
export { rpcListPagination } from './rpc-list-pagination.js';

/** contractkit's own proto lint rules, in catalogue order. */
export const protoLintRules: ModelRule[] = [rpcListPagination, rpcIdempotencyLevel];
