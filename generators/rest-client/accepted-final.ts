/**
 * What a 202-and-poll operation's `wait()` resolves with, and how the
 * runtime tells its status body done from failed, as the contract says
 * (contracts/openapi/async-status.ts): the status operation named by the 202's
 * `links` or found one path parameter below, its state field and enum, a
 * long-running operation's `response`, a 303 to the result, or the
 * `x-contractkit-completion` extension (else the generator's `completion` option).
 */
import { UsageError } from '../../contracts/errors.js';
import type { HttpOperation, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { acceptedStatusOf } from '../../contracts/openapi/async-status.js';
import type { CompletionRule, CompletionSpec } from '../../runtime/src/http/completion.js';

/** The final result's schema (when known) and how the polls end, to pass to the runtime (when the contract says more than its defaults). */
export interface AcceptedFinal {
  schema?: JsonSchema;
  completion?: CompletionRule;
}

/** The final result of `op` (a 202 operation). An unusable `x-contractkit-completion` is a UsageError. */
export function acceptedFinal(contract: OpenApiContract, op: HttpOperation, option?: CompletionSpec): AcceptedFinal {
  const status = acceptedStatusOf(contract, op, option);
  if (status.invalid) {
    throw new UsageError(`${status.invalid.message} (${status.invalid.at.file}#${status.invalid.at.pointer}) Fix it (see docs/rules/async-completion-detectable.md); nothing was written.`);
  }
  const out: AcceptedFinal = {};
  if (status.finalSchema !== undefined) out.schema = status.finalSchema;
  const c = status.completion;
  if (c.kind === 'declared' || (c.kind === 'state' && c.spec)) out.completion = c.spec!;
  // a status body that is progress (until a 303), or a 200 that is the result whatever it holds
  else if (c.kind === 'redirect') out.completion = 'see-other';
  else if (c.kind === 'busy-202') out.completion = 'not-202';
  return out;
}
