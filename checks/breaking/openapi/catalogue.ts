/**
 * The OpenAPI breaking-change catalogue: every id this differ can report,
 * with its level. Ids and levels are oasdiff's (checker/rules.go), so teams
 * moving from oasdiff keep their ignore files; the one id of our own is
 * `breaking-change-needs-new-version`.
 *
 * The differ builds ids from a scope prefix and a change suffix
 * (`request-property` + `max-length-decreased`) and reports a change only when
 * the id is in this table: a narrowing on the response side, for example, has
 * no oasdiff id and is not a breaking change, so it is not reported.
 */
import type { Severity } from '../../../contracts/finding.js';
import { severityOfOasdiffLevel, type BreakingRule, type OasdiffLevel } from '../rule.js';
import { KEYWORD_TABLE } from './catalogue-keywords.js';

/** Our own rule: a breaking change without a new major version. */
export const NEEDS_NEW_VERSION_ID = 'breaking-change-needs-new-version';

// id level, one per line; grouped as oasdiff groups its checks.
const TABLE = `
api-path-removed-without-deprecation ERR
api-path-removed-with-deprecation INFO
api-path-sunset-parse ERR
api-path-removed-before-sunset ERR
api-removed-without-deprecation ERR
api-removed-with-deprecation INFO
api-removed-before-sunset ERR
endpoint-added INFO
endpoint-deprecated INFO
endpoint-deprecated-with-sunset INFO
endpoint-reactivated INFO
api-deprecated-sunset-parse ERR
api-deprecated-sunset-missing ERR
api-sunset-date-too-small ERR
sunset-deleted ERR
api-sunset-date-changed-too-small ERR
api-invalid-stability-level ERR
api-stability-decreased ERR
api-stability-increased INFO
api-operation-id-removed INFO
api-operation-id-added INFO
api-tag-removed INFO
api-tag-added INFO
api-schema-removed INFO
api-security-removed ERR
api-security-added INFO
api-security-scope-added ERR
api-security-scope-removed INFO
api-global-security-removed ERR
api-global-security-added INFO
api-global-security-scope-added ERR
api-global-security-scope-removed INFO
request-parameter-removed WARN
request-parameter-removed-with-deprecation INFO
request-parameter-sunset-parse ERR
request-parameter-removed-before-sunset ERR
new-required-request-parameter ERR
new-optional-request-parameter INFO
new-required-request-default-parameter-to-existing-path ERR
new-optional-request-default-parameter-to-existing-path INFO
new-request-path-parameter ERR
request-parameter-became-required ERR
request-parameter-became-optional INFO
request-parameter-deprecated INFO
request-parameter-reactivated INFO
request-parameter-default-value-added INFO
request-parameter-default-value-removed INFO
request-parameter-default-value-changed INFO
request-parameter-x-extensible-enum-value-removed ERR
request-parameter-became-enum ERR
request-parameter-became-nullable INFO
request-parameter-became-not-nullable ERR
request-parameter-property-became-nullable INFO
request-parameter-property-became-not-nullable ERR
request-parameter-enum-value-added INFO
request-parameter-enum-value-removed ERR
request-parameter-property-enum-value-added INFO
request-parameter-property-enum-value-removed ERR
request-parameter-max-items-increased INFO
request-parameter-max-items-decreased ERR
request-parameter-max-length-set ERR
request-parameter-max-length-increased INFO
request-parameter-max-length-decreased ERR
request-parameter-max-set ERR
request-parameter-max-increased INFO
request-parameter-max-decreased ERR
request-parameter-min-items-set ERR
request-parameter-min-items-increased ERR
request-parameter-min-items-decreased INFO
request-parameter-min-length-increased ERR
request-parameter-min-length-decreased INFO
request-parameter-min-set ERR
request-parameter-min-increased ERR
request-parameter-min-decreased INFO
request-parameter-pattern-added ERR
request-parameter-pattern-removed INFO
request-parameter-pattern-changed WARN
request-parameter-type-changed ERR
request-parameter-type-generalized INFO
request-parameter-property-type-changed WARN
request-parameter-property-type-generalized INFO
request-parameter-property-type-specialized ERR
request-body-added-required ERR
request-body-added-optional INFO
request-body-removed ERR
request-body-became-required ERR
request-body-became-optional INFO
request-body-media-type-added INFO
request-body-media-type-removed ERR
request-body-became-enum ERR
request-body-enum-value-removed ERR
request-body-became-nullable INFO
request-body-became-not-nullable ERR
request-body-type-changed ERR
request-body-type-generalized INFO
request-body-max-set ERR
request-body-max-increased INFO
request-body-max-decreased ERR
request-body-max-length-set ERR
request-body-max-length-increased INFO
request-body-max-length-decreased ERR
request-body-min-set ERR
request-body-min-increased ERR
request-body-min-decreased INFO
request-body-min-length-increased ERR
request-body-min-length-decreased INFO
request-body-max-items-set ERR
request-body-max-items-increased INFO
request-body-max-items-decreased ERR
request-body-min-items-set ERR
request-body-min-items-increased ERR
request-body-one-of-added INFO
request-body-one-of-removed ERR
request-body-any-of-added INFO
request-body-any-of-removed ERR
request-body-all-of-added ERR
request-body-all-of-removed INFO
request-property-removed WARN
new-required-request-property ERR
new-required-request-property-with-default ERR
new-optional-request-property INFO
request-property-became-required ERR
request-property-became-required-with-default ERR
request-property-became-optional INFO
request-property-became-enum ERR
request-property-enum-value-removed ERR
request-property-enum-value-added INFO
request-property-x-extensible-enum-value-removed ERR
request-property-became-nullable INFO
request-property-became-not-nullable ERR
request-property-type-changed ERR
request-property-type-generalized INFO
request-property-max-set ERR
request-property-max-increased INFO
request-property-max-decreased ERR
request-property-max-length-set ERR
request-property-max-length-increased INFO
request-property-max-length-decreased ERR
request-property-min-set ERR
request-property-min-increased ERR
request-property-min-decreased INFO
request-property-min-length-increased ERR
request-property-min-length-decreased INFO
request-property-max-items-set ERR
request-property-max-items-increased INFO
request-property-max-items-decreased ERR
request-property-min-items-set ERR
request-property-min-items-increased ERR
request-property-pattern-added ERR
request-property-pattern-removed INFO
request-property-pattern-changed WARN
request-property-one-of-added INFO
request-property-one-of-removed ERR
request-property-any-of-added INFO
request-property-any-of-removed ERR
request-property-all-of-added ERR
request-property-all-of-removed INFO
response-success-status-removed ERR
response-success-status-added INFO
response-non-success-status-removed INFO
response-non-success-status-added INFO
response-media-type-removed ERR
response-media-type-added INFO
required-response-header-removed ERR
optional-response-header-removed WARN
response-header-became-optional ERR
response-header-type-changed ERR
response-header-type-generalized ERR
response-header-type-specialized INFO
response-header-became-nullable ERR
response-header-became-not-nullable INFO
response-required-property-removed ERR
response-required-property-added INFO
response-optional-property-removed INFO
response-optional-property-added INFO
response-property-became-optional ERR
response-property-became-required INFO
response-property-enum-value-added WARN
response-property-enum-value-removed INFO
response-mediatype-enum-value-removed INFO
response-body-became-nullable ERR
response-body-became-not-nullable INFO
response-property-became-nullable ERR
response-property-became-not-nullable INFO
response-body-type-changed ERR
response-body-type-generalized ERR
response-body-type-specialized INFO
response-property-type-changed ERR
response-property-type-generalized ERR
response-property-type-specialized INFO
response-body-max-increased ERR
response-property-max-increased ERR
response-body-max-length-increased ERR
response-property-max-length-increased ERR
response-body-max-length-unset ERR
response-property-max-length-unset ERR
response-body-min-decreased ERR
response-property-min-decreased ERR
response-body-min-length-decreased ERR
response-property-min-length-decreased ERR
response-body-min-items-decreased ERR
response-property-min-items-decreased ERR
response-body-min-items-unset ERR
response-property-min-items-unset ERR
response-body-max-items-increased ERR
response-property-max-items-increased ERR
response-property-pattern-added INFO
response-property-pattern-changed WARN
response-property-pattern-removed ERR
response-body-one-of-added ERR
response-body-one-of-removed INFO
response-property-one-of-added ERR
response-property-one-of-removed INFO
response-body-any-of-added ERR
response-body-any-of-removed INFO
response-property-any-of-added ERR
response-property-any-of-removed INFO
response-body-all-of-added INFO
response-body-all-of-removed ERR
response-property-all-of-added INFO
response-property-all-of-removed ERR
`;

function describe(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1) + '.';
}

/** Level of every id, as oasdiff sets it by default. */
export const OPENAPI_LEVELS: ReadonlyMap<string, Severity> = new Map(
  (TABLE + KEYWORD_TABLE)
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id, level] = line.trim().split(/\s+/);
      return [id, severityOfOasdiffLevel(level as OasdiffLevel)] as const;
    }),
);

/** The OpenAPI breaking rules, oasdiff's first, then ours. */
export const OPENAPI_BREAKING_RULES: readonly BreakingRule[] = [
  ...[...OPENAPI_LEVELS].map(([id, severity]): BreakingRule => ({ id, kind: 'openapi', severity, description: describe(id), source: 'oasdiff' })),
  {
    id: NEEDS_NEW_VERSION_ID,
    kind: 'openapi',
    severity: 'error',
    description: 'A breaking change was made without a new major version (path prefix /vN or info.version).',
    source: 'contractkit',
  },
];
