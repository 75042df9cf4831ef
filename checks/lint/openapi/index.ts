/**
 * The OpenAPI rule catalogue: Redocly-visitor rules, and model rules for what
 * needs the whole contract (operations that refer to each other). Redocly's
 * own rules run beside these under their own ids; see `../redocly/presets.ts`.
 */
import type { ModelRule, PresetName, RedoclyRule } from '../rule.js';
import { asyncAcceptedStatus } from './async-accepted-status.js';
import { asyncCompletionDetectable } from './async-completion-detectable.js';
import { errorProblemDetails } from './error-problem-details.js';
import { idempotencyKey } from './idempotency-key.js';
import { operationErrorResponses } from './operation-error-responses.js';
import { operationSuccessStatus } from './operation-success-status.js';
import { paginateCollections } from './paginate-collections.js';
import { paginationCursor } from './pagination-cursor.js';
import { paginationLimitBounded } from './pagination-limit-bounded.js';
import { pathNoVerbs } from './path-no-verbs.js';
import { pathSegmentCase } from './path-segment-case.js';
import { pathVersionPrefix } from './path-version-prefix.js';

/** Every OpenAPI rule, in catalogue order. */
export const openApiRules: readonly RedoclyRule[] = [
  pathVersionPrefix,
  pathNoVerbs,
  pathSegmentCase,
  paginateCollections,
  paginationCursor,
  paginationLimitBounded,
  operationSuccessStatus,
  operationErrorResponses,
  errorProblemDetails,
  asyncAcceptedStatus,
  idempotencyKey,
];

/** OpenAPI rules over the model (a 202 operation and its status operation together), in catalogue order. */
export const openApiModelRules: readonly ModelRule[] = [asyncCompletionDetectable];

/**
 * The rules of a preset with their severities: `minimal` and `recommended` at
 * each rule's default severity, `strict` every rule at `error`.
 */
export function openApiRulesForPreset(preset: PresetName): { rule: RedoclyRule; severity: RedoclyRule['defaultSeverity'] }[] {
  return openApiRules
    .filter((rule) => rule.presets.includes(preset))
    .map((rule) => ({ rule, severity: preset === 'strict' ? 'error' : rule.defaultSeverity }));
}

export {
  asyncAcceptedStatus,
  asyncCompletionDetectable,
  errorProblemDetails,
  idempotencyKey,
  operationErrorResponses,
  operationSuccessStatus,
  paginateCollections,
  paginationCursor,
  paginationLimitBounded,
  pathNoVerbs,
  pathSegmentCase,
  pathVersionPrefix,
};
