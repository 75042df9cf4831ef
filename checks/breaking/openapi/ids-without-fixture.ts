/**
 * Catalogued OpenAPI breaking ids that no fixture pair under
 * test/fixtures/breaking/openapi produces yet, each with the reason. The
 * catalogue-coverage test keeps this list honest: an id must be produced by a
 * fixture or be listed here, and an id a fixture produces must leave the list,
 * so the list only shrinks. It is a backlog, not a proof of unreachability.
 */
import type { OpenApiBreakingId } from './catalogue.js';

/** Written literally in a differ module's `report()` call, but no fixture pair exercises it yet. */
const REPORTED_NO_FIXTURE = 'reported by the differ (a literal id in a report() call); no fixture pair yet';

/** oasdiff's id for a scope and change; the differ builds such ids in schema-report.ts `idFor`, not written out anywhere. */
const COMPOSED_NOT_VERIFIED = 'kept from oasdiff\'s catalogue (ignore files stay valid); built, if at all, from a scope and a change in schema-report.ts idFor; no fixture pair yet, reachability not verified';

/** Ids without a fixture, and why. */
export const IDS_WITHOUT_FIXTURE: Readonly<Partial<Record<OpenApiBreakingId, string>>> = {
  'api-path-removed-with-deprecation': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-path-sunset-parse': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-path-removed-before-sunset': REPORTED_NO_FIXTURE, // lifecycle.ts
  'endpoint-deprecated': REPORTED_NO_FIXTURE, // lifecycle.ts
  'endpoint-reactivated': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-deprecated-sunset-parse': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-deprecated-sunset-missing': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-sunset-date-too-small': REPORTED_NO_FIXTURE, // lifecycle.ts
  'sunset-deleted': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-sunset-date-changed-too-small': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-invalid-stability-level': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-stability-increased': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-operation-id-removed': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-operation-id-added': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-tag-removed': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-tag-added': REPORTED_NO_FIXTURE, // lifecycle.ts
  'api-schema-removed': REPORTED_NO_FIXTURE, // index.ts
  'api-security-added': REPORTED_NO_FIXTURE, // security.ts
  'api-security-scope-removed': REPORTED_NO_FIXTURE, // security.ts
  'api-global-security-scope-added': REPORTED_NO_FIXTURE, // security.ts
  'api-global-security-scope-removed': REPORTED_NO_FIXTURE, // security.ts
  'request-parameter-removed-with-deprecation': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-sunset-parse': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-removed-before-sunset': REPORTED_NO_FIXTURE, // parameters.ts
  'new-request-path-parameter': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-became-optional': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-deprecated': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-reactivated': REPORTED_NO_FIXTURE, // parameters.ts
  'request-body-added-required': REPORTED_NO_FIXTURE, // bodies.ts
  'request-body-added-optional': REPORTED_NO_FIXTURE, // bodies.ts
  'request-body-removed': REPORTED_NO_FIXTURE, // bodies.ts
  'request-body-became-optional': REPORTED_NO_FIXTURE, // bodies.ts
  'request-body-media-type-added': REPORTED_NO_FIXTURE, // bodies.ts
  'response-non-success-status-removed': REPORTED_NO_FIXTURE, // bodies.ts
  'response-non-success-status-added': REPORTED_NO_FIXTURE, // bodies.ts
  'optional-response-header-removed': REPORTED_NO_FIXTURE, // bodies.ts
  'response-header-became-optional': REPORTED_NO_FIXTURE, // bodies.ts
  'api-security-component-oauth-url-changed': REPORTED_NO_FIXTURE, // components.ts
  'request-parameter-deprecated-sunset-missing': REPORTED_NO_FIXTURE, // parameters.ts
  'request-parameter-sunset-date-too-small': REPORTED_NO_FIXTURE, // parameters.ts
  'request-body-media-type-schema-removed': COMPOSED_NOT_VERIFIED,
  'response-body-media-type-schema-added': COMPOSED_NOT_VERIFIED,
  'request-body-type-compatible': COMPOSED_NOT_VERIFIED,
  'response-property-type-compatible': COMPOSED_NOT_VERIFIED,
  'response-media-type-name-changed': COMPOSED_NOT_VERIFIED,
  'request-body-media-type-item-schema-removed': COMPOSED_NOT_VERIFIED,
  'response-body-media-type-item-schema-added': COMPOSED_NOT_VERIFIED,
};
