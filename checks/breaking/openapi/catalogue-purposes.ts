/**
 * A purpose sentence for every oasdiff id of the OpenAPI breaking catalogue:
 * what changed, and whether (and why) it breaks existing clients. Derived
 * from oasdiff's English messages (checker/localizations_src/en/messages.yaml
 * of github.com/oasdiff/oasdiff at 4553c69, Apache-2.0: placeholders dropped,
 * its `-comment` explanations appended) and each id's level; the ids oasdiff
 * has no message for are worded from their keyword. Written once by a script
 * and read by sampling; not regenerated on build: edit a sentence here.
 */
import type { KEYWORD_LEVELS } from './catalogue-keywords.js';
import type { OASDIFF_LEVELS } from './catalogue.js';

/** Purpose sentence by oasdiff id (a missing or unknown id is a compile error). */
export const OPENAPI_PURPOSES = {
  'api-path-removed-without-deprecation':
    'API path removed without deprecation. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-path-removed-with-deprecation':
    'API path removed with deprecation. Not breaking: recorded for the changelog.',
  'api-path-sunset-parse':
    'A removed API path had a sunset date that cannot be parsed. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-path-removed-before-sunset':
    'API path removed before the sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-removed-without-deprecation':
    'API removed without deprecation. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-removed-with-deprecation':
    'API removed with deprecation. Not breaking: recorded for the changelog.',
  'api-removed-before-sunset':
    'API removed before the sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'endpoint-added':
    'Endpoint added. Not breaking: existing clients keep working.',
  'endpoint-deprecated':
    'Endpoint deprecated. Not breaking: recorded for the changelog.',
  'endpoint-deprecated-with-sunset':
    'Endpoint deprecated with sunset date. Not breaking: recorded for the changelog.',
  'endpoint-reactivated':
    'Endpoint reactivated. Not breaking: recorded for the changelog.',
  'api-deprecated-sunset-parse':
    'A deprecated operation has a sunset date that cannot be parsed. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-deprecated-sunset-missing':
    'Sunset date is missing for deprecated API. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-sunset-date-too-small':
    'Sunset date is too small, must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'sunset-deleted':
    'API sunset date deleted, but deprecated=true kept. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-sunset-date-changed-too-small':
    'API sunset date changed to an earlier date, new sunset date must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-invalid-stability-level':
    'Failed to parse stability level. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-stability-decreased':
    'Endpoint stability level decreased. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'api-stability-increased':
    'Endpoint stability level increased. Not breaking: recorded for the changelog.',
  'api-operation-id-removed':
    'An API operation id removed and replaced with. Not breaking: existing clients keep working.',
  'api-operation-id-added':
    'An API operation id was added. Not breaking: existing clients keep working.',
  'api-tag-removed':
    'An API tag removed. Not breaking: existing clients keep working.',
  'api-tag-added':
    'An API tag added. Not breaking: existing clients keep working.',
  'api-schema-removed':
    'Removed a schema. Not breaking: existing clients keep working.',
  'api-security-removed':
    'The endpoint scheme security was removed from the API. Breaking: calls that existing clients make can now fail.',
  'api-security-added':
    'The endpoint scheme security was added to the API. Not breaking: existing clients keep working.',
  'api-security-scope-added':
    'The security scope was added to the endpoint\'s security scheme. Breaking: calls that existing clients make can now fail.',
  'api-security-scope-removed':
    'The security scope was removed from the endpoint\'s security scheme. Not breaking: existing clients keep working.',
  'api-global-security-removed':
    'The security scheme was removed from the API. Breaking: calls that existing clients make can now fail.',
  'api-global-security-added':
    'The security scheme was added to the API. Not breaking: existing clients keep working.',
  'api-global-security-scope-added':
    'The security scope was added to the global security scheme. Breaking: calls that existing clients make can now fail.',
  'api-global-security-scope-removed':
    'The security scope was removed from the global security scheme. Not breaking: existing clients keep working.',
  'request-parameter-removed':
    'Deleted a request parameter. A warning: some existing clients may have their requests rejected. This is a warning because some clients may return an error when receiving an unexpected parameter. It is recommended to deprecate the parameter first.',
  'request-parameter-removed-with-deprecation':
    'Deleted a request parameter with deprecation. Not breaking: recorded for the changelog.',
  'request-parameter-sunset-parse':
    'Failed to parse sunset date for a request parameter. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-parameter-removed-before-sunset':
    'Deleted a request parameter before the sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'new-required-request-parameter':
    'Added the new required request parameter. Breaking: a request that existing clients send can now be rejected.',
  'new-optional-request-parameter':
    'Added the new optional request parameter. Not breaking: requests that existing clients send stay valid.',
  'new-required-request-default-parameter-to-existing-path':
    'Added the new required request parameter to all path\'s operations. Breaking: a request that existing clients send can now be rejected.',
  'new-optional-request-default-parameter-to-existing-path':
    'Added the new optional request parameter to all path\'s operations. Not breaking: requests that existing clients send stay valid.',
  'new-request-path-parameter':
    'Added the new path request parameter. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-became-required':
    'A request parameter became required. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-became-optional':
    'A request parameter became optional. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-deprecated':
    'Request parameter was deprecated. Not breaking: recorded for the changelog.',
  'request-parameter-reactivated':
    'Request parameter was reactivated. Not breaking: recorded for the changelog.',
  'request-parameter-default-value-added':
    'For a request parameter, default value was added. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-default-value-removed':
    'For a request parameter, default value was removed. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-default-value-changed':
    'For a request parameter, default value was changed. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-x-extensible-enum-value-removed':
    'Removed an x-extensible-enum value from a request parameter. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-became-enum':
    'A request parameter was restricted to a list of enum values. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-became-nullable':
    'A request parameter became nullable. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-became-not-nullable':
    'A request parameter became not nullable. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-property-became-nullable':
    'The property of a request parameter became nullable. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-became-not-nullable':
    'The property of a request parameter became not nullable. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-enum-value-added':
    'Added the new enum value to a request parameter. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-enum-value-removed':
    'Removed an enum value from a request parameter. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-property-enum-value-added':
    'Added an enum value to the property of a request parameter. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-enum-value-removed':
    'Removed an enum value from the property of a request parameter. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-max-items-increased':
    'For a request parameter, the maxItems was increased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-max-items-decreased':
    'For a request parameter, the maxItems was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-max-length-set':
    'For a request parameter, the maxLength was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required, for security reasons or to correct an error in the specification. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-max-length-increased':
    'For a request parameter, the maxLength was increased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-max-length-decreased':
    'For a request parameter, the maxLength was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-max-set':
    'For a request parameter, the max was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required, for security reasons or to correct an error in the specification. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-max-increased':
    'For a request parameter, the max was increased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-max-decreased':
    'For a request parameter, the max was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-min-items-set':
    'For a request parameter, the minItems was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required, for security reasons or to correct an error in the specification. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-min-items-increased':
    'For a request parameter, the minItems was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-min-items-decreased':
    'For a request parameter, the minItems was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-min-length-increased':
    'For a request parameter, the minLength was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-min-length-decreased':
    'For a request parameter, the minLength was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-min-set':
    'For a request parameter, the min was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required, for security reasons or to correct an error in the specification. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-min-increased':
    'For a request parameter, the min was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-min-decreased':
    'For a request parameter, the min was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-pattern-added':
    'Added a pattern to a request parameter. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-pattern-removed':
    'Removed a pattern from a request parameter. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-pattern-changed':
    'Changed the pattern of a request parameter. A warning: some existing clients may have their requests rejected.',
  'request-parameter-type-changed':
    'For a request parameter, the type was changed. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-type-generalized':
    'For a request parameter, the type was widened. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-type-changed':
    'For a request parameter, the type of a property was changed. A warning: some existing clients may have their requests rejected.',
  'request-parameter-property-type-generalized':
    'For a request parameter, the type of a property was widened. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-type-specialized':
    'For a request parameter, the type of a property was narrowed. Breaking: a request that existing clients send can now be rejected.',
  'request-body-added-required':
    'Added required request body. Breaking: a request that existing clients send can now be rejected.',
  'request-body-added-optional':
    'Added optional request body. Not breaking: requests that existing clients send stay valid.',
  'request-body-removed':
    'Removed the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-body-became-required':
    'Request body became required. Breaking: a request that existing clients send can now be rejected.',
  'request-body-became-optional':
    'Request body became optional. Not breaking: requests that existing clients send stay valid.',
  'request-body-media-type-added':
    'Added a media type to the request body. Not breaking: requests that existing clients send stay valid.',
  'request-body-media-type-removed':
    'Removed a media type from the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-body-became-enum':
    'Request body was restricted to a list of enum values. Breaking: a request that existing clients send can now be rejected.',
  'request-body-enum-value-removed':
    'Request body enum value removed. Breaking: a request that existing clients send can now be rejected.',
  'request-body-became-nullable':
    'The request\'s body became nullable. Not breaking: requests that existing clients send stay valid.',
  'request-body-became-not-nullable':
    'The request\'s body became not nullable. Breaking: a request that existing clients send can now be rejected.',
  'request-body-type-changed':
    'The request\'s body changed. Breaking: a request that existing clients send can now be rejected.',
  'request-body-type-generalized':
    'The request\'s body was widened. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-set':
    'The request\'s body max was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-max-increased':
    'The request\'s body max was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-decreased':
    'The request\'s body max was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-max-length-set':
    'The request\'s body maxLength was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-max-length-increased':
    'The request\'s body maxLength was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-length-decreased':
    'The request\'s body maxLength was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-min-set':
    'The request\'s body min was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-min-increased':
    'The request\'s body min was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-min-decreased':
    'The request\'s body min was decreased to. Not breaking: requests that existing clients send stay valid.',
  'request-body-min-length-increased':
    'The request\'s body minLength was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-min-length-decreased':
    'The request\'s body minLength was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-items-set':
    'A maximum number of items (`maxItems`) was set on the request body schema. Breaking: a request that existing clients send can now be rejected.',
  'request-body-max-items-increased':
    'The maximum number of items (`maxItems`) of the request body schema was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-items-decreased':
    'The maximum number of items (`maxItems`) of the request body schema was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-min-items-set':
    'The request\'s body minItems was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-min-items-increased':
    'The request\'s body minItems was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-one-of-added':
    'Added a schema to the request body `oneOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-body-one-of-removed':
    'Removed a schema from the request body `oneOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-body-any-of-added':
    'Added a schema to the request body `anyOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-body-any-of-removed':
    'Removed a schema from the request body `anyOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-body-all-of-added':
    'Added a schema to the request body `allOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-body-all-of-removed':
    'Removed a schema from the request body `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-property-removed':
    'Removed a request property. A warning: some existing clients may have their requests rejected.',
  'new-required-request-property':
    'Added the new required request property. Breaking: a request that existing clients send can now be rejected.',
  'new-required-request-property-with-default':
    'Added the new required request property with a default value. Breaking: a request that existing clients send can now be rejected.',
  'new-optional-request-property':
    'Added the new optional request property. Not breaking: requests that existing clients send stay valid.',
  'request-property-became-required':
    'A request property became required. Breaking: a request that existing clients send can now be rejected.',
  'request-property-became-required-with-default':
    'A request property with a default value became required. Breaking: a request that existing clients send can now be rejected.',
  'request-property-became-optional':
    'A request property became optional. Not breaking: requests that existing clients send stay valid.',
  'request-property-became-enum':
    'Request property was restricted to a list of enum values. Breaking: a request that existing clients send can now be rejected.',
  'request-property-enum-value-removed':
    'Removed an enum value of a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-property-enum-value-added':
    'Added the new enum value to a request property. Not breaking: requests that existing clients send stay valid.',
  'request-property-x-extensible-enum-value-removed':
    'Removed an x-extensible-enum value of a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-property-became-nullable':
    'A request property became nullable. Not breaking: requests that existing clients send stay valid.',
  'request-property-became-not-nullable':
    'A request property became not nullable. Breaking: a request that existing clients send can now be rejected.',
  'request-property-type-changed':
    'A request property changed. Breaking: a request that existing clients send can now be rejected.',
  'request-property-type-generalized':
    'A request property was widened. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-set':
    'A request property\'s max was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-max-increased':
    'A request property\'s max was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-decreased':
    'A request property\'s max was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-max-length-set':
    'A request property\'s maxLength was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-max-length-increased':
    'A request property\'s maxLength was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-length-decreased':
    'A request property\'s maxLength was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-set':
    'A request property\'s min was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-min-increased':
    'A request property\'s min was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-decreased':
    'A request property\'s min was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-property-min-length-increased':
    'A request property\'s minLength was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-length-decreased':
    'A request property\'s minLength was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-items-set':
    'A maximum number of items (`maxItems`) was set on a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-property-max-items-increased':
    'The maximum number of items (`maxItems`) of a request property was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-items-decreased':
    'The maximum number of items (`maxItems`) of a request property was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-items-set':
    'A request property\'s minItems was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-min-items-increased':
    'A request property\'s minItems was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-pattern-added':
    'Added a pattern to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-property-pattern-removed':
    'Removed a pattern from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-property-pattern-changed':
    'Changed the pattern of a request property. A warning: some existing clients may have their requests rejected.',
  'request-property-one-of-added':
    'Added a schema to a request property `oneOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-property-one-of-removed':
    'Removed a schema from a request property `oneOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-property-any-of-added':
    'Added a schema to a request property `anyOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-property-any-of-removed':
    'Removed a schema from a request property `anyOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-property-all-of-added':
    'Added a schema to a request property `allOf` list. Breaking: a request that existing clients send can now be rejected.',
  'request-property-all-of-removed':
    'Removed a schema from a request property `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'response-success-status-removed':
    'Removed the success response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-success-status-added':
    'Added the success response. Not breaking: existing clients can still read every response.',
  'response-non-success-status-removed':
    'Removed the non-success response. Not breaking: existing clients can still read every response.',
  'response-non-success-status-added':
    'Added the non-success response. Not breaking: existing clients can still read every response.',
  'response-media-type-removed':
    'Removed a media type of a response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-media-type-added':
    'Added a media type of a response. Not breaking: existing clients can still read every response.',
  'required-response-header-removed':
    'The mandatory response header removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'optional-response-header-removed':
    'The optional response header removed. A warning: some existing clients may not handle the new responses.',
  'response-header-became-optional':
    'A response header became optional. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-type-changed':
    'A response header\'s changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-type-generalized':
    'A response header\'s was widened. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-type-specialized':
    'A response header\'s was narrowed. Not breaking: existing clients can still read every response.',
  'response-header-became-nullable':
    'A response header became nullable. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-became-not-nullable':
    'A response header became not nullable. Not breaking: existing clients can still read every response.',
  'response-required-property-removed':
    'Removed a required property from the response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-required-property-added':
    'Added a required property of a response. Not breaking: existing clients can still read every response.',
  'response-optional-property-removed':
    'Removed a optional property from the response. Not breaking: existing clients can still read every response.',
  'response-optional-property-added':
    'Added a optional property of a response. Not breaking: existing clients can still read every response.',
  'response-property-became-optional':
    'A response property became optional. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-became-required':
    'A response property became required. Not breaking: existing clients can still read every response.',
  'response-property-enum-value-added':
    'Added the new enum value to a response property. A warning: some existing clients may not handle the new responses. Adding new enum values to a response can be unexpected for clients; use x-extensible-enum instead.',
  'response-property-enum-value-removed':
    'Removed the enum value from a response property. Not breaking: existing clients can still read every response.',
  'response-mediatype-enum-value-removed':
    'Response schema enum value removed. Not breaking: existing clients can still read every response.',
  'response-body-became-nullable':
    'The response\'s body became nullable. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-became-not-nullable':
    'The response\'s body became not nullable. Not breaking: existing clients can still read every response.',
  'response-property-became-nullable':
    'A response property became nullable. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-became-not-nullable':
    'A response property became not nullable. Not breaking: existing clients can still read every response.',
  'response-body-type-changed':
    'The response\'s body changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-type-generalized':
    'The response\'s body was widened. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-type-specialized':
    'The response\'s body was narrowed. Not breaking: existing clients can still read every response.',
  'response-property-type-changed':
    'The response\'s property changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-type-generalized':
    'The response\'s property was widened. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-type-specialized':
    'The response\'s property was narrowed. Not breaking: existing clients can still read every response.',
  'response-body-max-increased':
    'The response\'s body max was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-increased':
    'A response property\'s max was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-length-increased':
    'The response\'s body maxLength was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-length-increased':
    'A response property\'s maxLength was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-length-unset':
    'The response\'s body maxLength was unset from. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-length-unset':
    'A response property\'s maxLength was unset from. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-decreased':
    'The response\'s body min was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-decreased':
    'A response property\'s min was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-length-decreased':
    'The response\'s body minLength was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-length-decreased':
    'A response property\'s minLength was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-items-decreased':
    'The response\'s body minItems was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-items-decreased':
    'A response property\'s minItems was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-items-unset':
    'The response\'s body minItems was unset from. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-items-unset':
    'A response property\'s minItems was unset from. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-items-increased':
    'The maximum number of items (`maxItems`) of the response body schema was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-items-increased':
    'The maximum number of items (`maxItems`) of a response property was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-pattern-added':
    'The response\'s property pattern was added. Not breaking: existing clients can still read every response.',
  'response-property-pattern-changed':
    'The response\'s property pattern was changed. A warning: some existing clients may not handle the new responses.',
  'response-property-pattern-removed':
    'The response\'s property pattern was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-one-of-added':
    'Added a schema to the response body `oneOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-one-of-removed':
    'Removed a schema from the response body `oneOf` list. Not breaking: existing clients can still read every response.',
  'response-property-one-of-added':
    'Added a schema to a response property `oneOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-one-of-removed':
    'Removed a schema from a response property `oneOf` list. Not breaking: existing clients can still read every response.',
  'response-body-any-of-added':
    'Added a schema to the response body `anyOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-any-of-removed':
    'Removed a schema from the response body `anyOf` list. Not breaking: existing clients can still read every response.',
  'response-property-any-of-added':
    'Added a schema to a response property `anyOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-any-of-removed':
    'Removed a schema from a response property `anyOf` list. Not breaking: existing clients can still read every response.',
  'response-body-all-of-added':
    'Added a schema to the response body `allOf` list. Not breaking: existing clients can still read every response.',
  'response-body-all-of-removed':
    'Removed a schema from the response body `allOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-all-of-added':
    'Added a schema to a response property `allOf` list. Not breaking: existing clients can still read every response.',
  'response-property-all-of-removed':
    'Removed a schema from a response property `allOf` list. Breaking: existing clients can now receive a response they were not written to handle.',
  'request-property-deprecated':
    'Request property deprecated. Not breaking: recorded for the changelog.',
  'request-property-deprecated-with-sunset':
    'Request property deprecated with sunset date. Not breaking: recorded for the changelog.',
  'request-property-deprecated-sunset-missing':
    'Request property deprecated without sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-property-deprecated-sunset-invalid':
    'Request property deprecated with invalid sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-property-reactivated':
    'Request property reactivated. Not breaking: recorded for the changelog.',
  'request-property-sunset-date-too-small':
    'Request property sunset date is too small, must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'response-property-deprecated':
    'Response property deprecated. Not breaking: recorded for the changelog.',
  'response-property-deprecated-with-sunset':
    'Response property deprecated with sunset date. Not breaking: recorded for the changelog.',
  'response-property-deprecated-sunset-missing':
    'Response property deprecated without sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'response-property-deprecated-sunset-invalid':
    'Response property deprecated with invalid sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'response-property-reactivated':
    'Response property reactivated. Not breaking: recorded for the changelog.',
  'response-property-sunset-date-too-small':
    'Response property sunset date is too small, must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-property-stability-decreased':
    'Request property stability level decreased. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-property-stability-increased':
    'Request property stability level increased. Not breaking: recorded for the changelog.',
  'response-property-stability-decreased':
    'Response property stability level decreased. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'response-property-stability-increased':
    'Response property stability level increased. Not breaking: recorded for the changelog.',
  'api-security-component-added':
    'The component security scheme was added. Not breaking: existing clients keep working.',
  'api-security-component-removed':
    'The component security scheme was removed. Not breaking: existing clients keep working.',
  'api-security-component-type-changed':
    'The component security scheme type changed. Not breaking: existing clients keep working.',
  'api-security-component-oauth-url-changed':
    'The component security scheme oauth url changed. Not breaking: existing clients keep working.',
  'api-security-component-oauth-token-url-changed':
    'The component security scheme oauth token url changed. Not breaking: existing clients keep working.',
  'api-security-component-oauth-scope-added':
    'The component security scheme oauth scope was added. Not breaking: existing clients keep working.',
  'api-security-component-oauth-scope-removed':
    'The component security scheme oauth scope was removed. Not breaking: existing clients keep working.',
  'api-security-component-oauth-scope-changed':
    'The component security scheme oauth scope was updated. Not breaking: existing clients keep working.',
  'webhook-added':
    'Webhook added. Not breaking: existing clients keep working.',
  'webhook-removed':
    'Webhook removed. Breaking: calls that existing clients make can now fail.',
  'request-parameter-deprecated-sunset-missing':
    'Request parameter was deprecated without sunset date. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-parameter-sunset-date-too-small':
    'Request parameter sunset date is too small, must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-parameter-sunset-deleted':
    'Request parameter sunset date deleted, but deprecated=true kept. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-parameter-sunset-date-changed-too-small':
    'Request parameter sunset date changed to an earlier date, new sunset date must be at least the configured number of days away. An error: it does not follow the deprecation and sunset policy that clients rely on.',
  'request-parameter-pattern-generalized':
    'Changed the pattern of a request parameter to a more general pattern. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-exclusive-max-set':
    'For a request parameter, the exclusiveMaximum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-exclusive-max-increased':
    'For a request parameter, the exclusiveMaximum was increased. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-exclusive-max-decreased':
    'For a request parameter, the exclusiveMaximum was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-exclusive-min-set':
    'For a request parameter, the exclusiveMinimum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-parameter-exclusive-min-increased':
    'For a request parameter, the exclusiveMinimum was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-exclusive-min-decreased':
    'For a request parameter, the exclusiveMinimum was decreased. Not breaking: requests that existing clients send stay valid.',
  'new-required-request-header-property':
    'Added the new required request header\'s property. Breaking: a request that existing clients send can now be rejected.',
  'request-header-property-became-required':
    'The request header\'s property became required. Breaking: a request that existing clients send can now be rejected.',
  'request-header-property-became-enum':
    'The request header\'s property was restricted to a list of enum values. Breaking: a request that existing clients send can now be rejected.',
  'request-body-media-type-schema-added':
    'Added a schema to a media type of the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-body-media-type-schema-removed':
    'Removed the schema from a media type of the request body. Not breaking: requests that existing clients send stay valid.',
  'response-body-media-type-schema-added':
    'Added a schema to a media type of a response. Not breaking: existing clients can still read every response.',
  'response-body-media-type-schema-removed':
    'Removed the schema from a media type of a response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-added':
    'A response header was added. Not breaking: existing clients can still read every response.',
  'request-body-wrapped-in-one-of':
    'The request body was restructured into a oneOf, so a payload that was previously valid may no longer be accepted. Breaking: a request that existing clients send can now be rejected.',
  'response-body-wrapped-in-one-of':
    'The response body was restructured into a oneOf, so a field that was previously guaranteed may no longer be present. Breaking: existing clients can now receive a response they were not written to handle.',
  'request-body-wrapped-in-one-of-original-preserved':
    'The request body schema was wrapped in a `oneOf` that keeps the original schema as one of its branches. A warning: some existing clients may have their requests rejected.',
  'response-body-wrapped-in-one-of-original-preserved':
    'The response body schema was wrapped in a `oneOf` that keeps the original schema as one of its branches. A warning: some existing clients may not handle the new responses.',
  'request-body-schema-became-false':
    'The request body schema became the schema `false`: no value is valid any more. Breaking: a request that existing clients send can now be rejected.',
  'request-body-schema-became-not-false':
    'The request body schema is no longer the schema `false`: values are valid again. Not breaking: requests that existing clients send stay valid.',
  'request-property-schema-became-false':
    'A request property became the schema `false`: no value is valid any more. Breaking: a request that existing clients send can now be rejected.',
  'request-property-schema-became-not-false':
    'A request property is no longer the schema `false`: values are valid again. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-schema-became-false':
    'A request parameter\'s schema became the schema `false`: no value is valid any more. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-schema-became-not-false':
    'A request parameter\'s schema is no longer the schema `false`: values are valid again. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-schema-became-false':
    'A property of a request parameter became the schema `false`: no value is valid any more. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-property-schema-became-not-false':
    'A property of a request parameter is no longer the schema `false`: values are valid again. Not breaking: requests that existing clients send stay valid.',
  'response-body-schema-became-false':
    'The response body schema became the schema `false`: no value is valid any more. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-schema-became-not-false':
    'The response body schema is no longer the schema `false`: values are valid again. Not breaking: existing clients can still read every response.',
  'response-property-schema-became-false':
    'A response property became the schema `false`: no value is valid any more. Not breaking: existing clients can still read every response.',
  'response-property-schema-became-not-false':
    'A response property is no longer the schema `false`: values are valid again. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-header-schema-became-false':
    'A response header\'s schema became the schema `false`: no value is valid any more. Not breaking: existing clients can still read every response.',
  'response-header-schema-became-not-false':
    'A response header\'s schema is no longer the schema `false`: values are valid again. Breaking: existing clients can now receive a response they were not written to handle.',
  'request-body-type-compatible':
    'The request\'s body changed (backward compatible). Not breaking: requests that existing clients send stay valid.',
  'request-property-type-compatible':
    'A request property changed (backward compatible). Not breaking: requests that existing clients send stay valid.',
  'response-body-type-compatible':
    'The response\'s body changed (backward compatible). Not breaking: existing clients can still read every response.',
  'response-property-type-compatible':
    'The response\'s property changed (backward compatible). Not breaking: existing clients can still read every response.',
  'response-header-type-compatible':
    'A response header\'s changed (backward compatible). Not breaking: existing clients can still read every response. This change is backward compatible because a header value is transmitted as text, so any type can be represented as a string on the wire and is not enforced there.',
  'request-body-all-of-added-annotation-only':
    'Added annotation-only to the request body `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-body-all-of-removed-annotation-only':
    'Removed annotation-only from the request body `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-property-all-of-added-annotation-only':
    'Added annotation-only to a request property `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'request-property-all-of-removed-annotation-only':
    'Removed annotation-only from a request property `allOf` list. Not breaking: requests that existing clients send stay valid.',
  'response-body-all-of-added-annotation-only':
    'Added annotation-only to the response body `allOf` list. Not breaking: existing clients can still read every response.',
  'response-body-all-of-removed-annotation-only':
    'Removed annotation-only from the response body `allOf` list. Not breaking: existing clients can still read every response.',
  'response-property-all-of-added-annotation-only':
    'Added annotation-only to a response property `allOf` list. Not breaking: existing clients can still read every response.',
  'response-property-all-of-removed-annotation-only':
    'Removed annotation-only from a response property `allOf` list. Not breaking: existing clients can still read every response.',
  'request-property-pattern-generalized':
    'Changed the pattern of a request property to a more general pattern. Not breaking: requests that existing clients send stay valid.',
  'request-body-default-value-added':
    'The request body default value was added. Not breaking: requests that existing clients send stay valid.',
  'request-body-default-value-removed':
    'The request body default value was removed. Not breaking: requests that existing clients send stay valid.',
  'request-body-default-value-changed':
    'The request body default value changed. Not breaking: requests that existing clients send stay valid.',
  'request-property-default-value-added':
    'A request property default value was added. Not breaking: requests that existing clients send stay valid.',
  'request-property-default-value-removed':
    'A request property default value was removed. Not breaking: requests that existing clients send stay valid.',
  'request-property-default-value-changed':
    'A request property default value changed. Not breaking: requests that existing clients send stay valid.',
  'response-body-default-value-added':
    'The response body default value was added. Not breaking: existing clients can still read every response.',
  'response-body-default-value-removed':
    'The response body default value was removed. Not breaking: existing clients can still read every response.',
  'response-body-default-value-changed':
    'The response body default value changed. Not breaking: existing clients can still read every response.',
  'response-property-default-value-added':
    'The response\'s property default value was added. Not breaking: existing clients can still read every response.',
  'response-property-default-value-removed':
    'The response\'s property default value was removed. Not breaking: existing clients can still read every response.',
  'response-property-default-value-changed':
    'The response\'s property default value changed. Not breaking: existing clients can still read every response.',
  'request-optional-property-became-read-only':
    'A request optional property became read-only. Not breaking: requests that existing clients send stay valid.',
  'request-optional-property-became-not-read-only':
    'A request optional property became not read-only. Not breaking: requests that existing clients send stay valid.',
  'request-optional-property-became-write-only':
    'A request optional property became write-only. Not breaking: requests that existing clients send stay valid.',
  'request-optional-property-became-not-write-only':
    'A request optional property became not write-only. Not breaking: requests that existing clients send stay valid.',
  'request-required-property-became-read-only':
    'A request required property became read-only. Not breaking: requests that existing clients send stay valid.',
  'request-required-property-became-not-read-only':
    'A request required property became not read-only. Not breaking: requests that existing clients send stay valid.',
  'request-required-property-became-write-only':
    'A request required property became write-only. Not breaking: requests that existing clients send stay valid.',
  'request-required-property-became-not-write-only':
    'A request required property became not write-only. Not breaking: requests that existing clients send stay valid.',
  'response-optional-property-became-read-only':
    'A response optional property became read-only. Not breaking: existing clients can still read every response.',
  'response-optional-property-became-not-read-only':
    'A response optional property became not read-only. Not breaking: existing clients can still read every response.',
  'response-optional-property-became-write-only':
    'A response optional property became write-only. Not breaking: existing clients can still read every response.',
  'response-optional-property-became-not-write-only':
    'A response optional property became not write-only. Not breaking: existing clients can still read every response.',
  'response-required-property-became-read-only':
    'A response required property became read-only. Not breaking: existing clients can still read every response.',
  'response-required-property-became-not-read-only':
    'A response required property became not read-only. Not breaking: existing clients can still read every response.',
  'response-required-property-became-write-only':
    'A response required property became write-only. Not breaking: existing clients can still read every response.',
  'response-required-property-became-not-write-only':
    'A response required property became not write-only. A warning: some existing clients may not handle the new responses. This is valid only if the property was always returned before the specification changed.',
  'response-optional-write-only-property-removed':
    'Removed the optional write-only property from the response. Not breaking: existing clients can still read every response.',
  'response-optional-write-only-property-added':
    'Added the optional write-only property of a response. Not breaking: existing clients can still read every response.',
  'response-required-write-only-property-removed':
    'Removed the required write-only property from the response. Not breaking: existing clients can still read every response.',
  'response-required-write-only-property-added':
    'Added the required write-only property of a response. Not breaking: existing clients can still read every response.',
  'response-write-only-property-became-optional':
    'The response write-only property became optional. Not breaking: existing clients can still read every response.',
  'response-write-only-property-became-required':
    'The response write-only property became required. Not breaking: existing clients can still read every response.',
  'response-write-only-property-enum-value-added':
    'Added the new enum value to the response write-only property. Not breaking: existing clients can still read every response.',
  'request-read-only-property-enum-value-removed':
    'Removed an enum value of the request read-only property. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-max-decreased':
    'The request read-only property\'s max was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-exclusive-max-decreased':
    'The request read-only property\'s exclusiveMaximum was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-max-length-decreased':
    'The request read-only property\'s maxLength was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-min-increased':
    'The request read-only property\'s min was increased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-exclusive-min-increased':
    'The request read-only property\'s exclusiveMinimum was increased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-max-items-decreased':
    'The maximum number of items (`maxItems`) of a read-only request property was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-read-only-property-max-properties-decreased':
    'The maximum number of properties (`maxProperties`) of a read-only request property was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-body-list-of-types-widened':
    'Request body list-of-types was widened by adding types to media type. Not breaking: requests that existing clients send stay valid.',
  'request-body-list-of-types-narrowed':
    'Request body list-of-types was narrowed by removing types from media type. Breaking: a request that existing clients send can now be rejected.',
  'request-property-list-of-types-widened':
    'Request property list-of-types was widened by adding types to media type. Not breaking: requests that existing clients send stay valid.',
  'request-property-list-of-types-narrowed':
    'Request property list-of-types was narrowed by removing types from media type. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-list-of-types-widened':
    'Request parameter list-of-types was widened by adding types. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-list-of-types-narrowed':
    'Request parameter list-of-types was narrowed by removing types. Breaking: a request that existing clients send can now be rejected.',
  'request-parameter-property-list-of-types-widened':
    'Property of request parameter list-of-types was widened by adding types. Not breaking: requests that existing clients send stay valid.',
  'request-parameter-property-list-of-types-narrowed':
    'Property of request parameter list-of-types was narrowed by removing types. Breaking: a request that existing clients send can now be rejected.',
  'response-body-list-of-types-widened':
    'Response body list-of-types was widened by adding types to media type of response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-list-of-types-narrowed':
    'Response body list-of-types was narrowed by removing types from media type of response. Not breaking: existing clients can still read every response.',
  'response-property-list-of-types-widened':
    'Response property list-of-types was widened by adding types to media type of response. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-list-of-types-narrowed':
    'Response property list-of-types was narrowed by removing types from media type of response. Not breaking: existing clients can still read every response.',
  'response-media-type-name-changed':
    'Media type was changed. A warning: some existing clients may not handle the new responses.',
  'response-media-type-name-generalized':
    'Media type was changed to a more general media type. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-media-type-name-specialized':
    'Media type was changed to a more specific media type. Not breaking: existing clients can still read every response.',
  'response-media-type-parameter-added':
    'A parameter (such as `charset`) was added to a response media type. Not breaking: existing clients can still read every response.',
  'response-media-type-parameter-removed':
    'A parameter (such as `charset`) was removed from a response media type. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-media-type-parameter-changed':
    'A parameter (such as `charset`) of a response media type changed its value. Breaking: existing clients can now receive a response they were not written to handle.',
  'request-body-media-type-item-schema-added':
    'An `itemSchema` (the schema of each streamed item, OpenAPI 3.2) was added to a media type of the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-body-media-type-item-schema-removed':
    'The `itemSchema` (the schema of each streamed item, OpenAPI 3.2) of a media type of the request body was removed. Not breaking: requests that existing clients send stay valid.',
  'response-body-media-type-item-schema-added':
    'An `itemSchema` (the schema of each streamed item, OpenAPI 3.2) was added to a media type of a response body. Not breaking: existing clients can still read every response.',
  'response-body-media-type-item-schema-removed':
    'The `itemSchema` (the schema of each streamed item, OpenAPI 3.2) of a media type of a response body was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-media-type-item-schema-removed-untyped':
    'The `itemSchema` of a media type of a response body was removed, leaving its streamed items without a schema. Breaking: existing clients can now receive a response they were not written to handle.',
  'request-body-discriminator-added':
    'Added request discriminator. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-added':
    'Added discriminator request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-discriminator-removed':
    'Removed request discriminator. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-removed':
    'Removed discriminator from request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-discriminator-property-name-changed':
    'Request discriminator property name changed. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-property-name-changed':
    'Request discriminator property name changed for request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-discriminator-mapping-added':
    'Added mapping keys to the request discriminator. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-mapping-added':
    'Added discriminator mapping keys to a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-discriminator-mapping-deleted':
    'Removed mapping keys from the request discriminator. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-mapping-deleted':
    'Removed discriminator mapping keys from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-discriminator-mapping-changed':
    'Mapped value for key changed from the request discriminator. Not breaking: requests that existing clients send stay valid.',
  'request-property-discriminator-mapping-changed':
    'Mapped value for discriminator key changed for request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-const-added':
    'The request body const value was added. Breaking: a request that existing clients send can now be rejected.',
  'request-property-const-added':
    'A request property const value was added. Breaking: a request that existing clients send can now be rejected.',
  'request-body-const-removed':
    'The request body const value was removed. Not breaking: requests that existing clients send stay valid.',
  'request-property-const-removed':
    'A request property const value was removed. Not breaking: requests that existing clients send stay valid.',
  'request-body-const-changed':
    'The request body const value changed. Breaking: a request that existing clients send can now be rejected.',
  'request-property-const-changed':
    'A request property const value changed. Breaking: a request that existing clients send can now be rejected.',
  'request-body-exclusive-max-set':
    'The request\'s body exclusiveMaximum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-exclusive-max-set':
    'A request property\'s exclusiveMaximum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-exclusive-max-decreased':
    'The request\'s body exclusiveMaximum was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-exclusive-max-decreased':
    'A request property\'s exclusiveMaximum was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-exclusive-max-increased':
    'The request\'s body exclusiveMaximum was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-exclusive-max-increased':
    'A request property\'s exclusiveMaximum was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-exclusive-min-set':
    'The request\'s body exclusiveMinimum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-property-exclusive-min-set':
    'A request property\'s exclusiveMinimum was set. Breaking: a request that existing clients send can now be rejected. This is a warning because the restriction is sometimes legitimately required. Before making such a change, confirm that clients can handle the new restriction.',
  'request-body-exclusive-min-increased':
    'The request\'s body exclusiveMinimum was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-exclusive-min-increased':
    'A request property\'s exclusiveMinimum was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-exclusive-min-decreased':
    'The request\'s body exclusiveMinimum was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-property-exclusive-min-decreased':
    'A request property\'s exclusiveMinimum was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-body-multiple-of-set':
    'A `multipleOf` was set on the request body schema. Breaking: a request that existing clients send can now be rejected.',
  'request-property-multiple-of-set':
    'A `multipleOf` was set on a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-multiple-of-unset':
    'The `multipleOf` of the request body schema was removed. Not breaking: requests that existing clients send stay valid.',
  'request-property-multiple-of-unset':
    'The `multipleOf` of a request property was removed. Not breaking: requests that existing clients send stay valid.',
  'request-body-multiple-of-changed':
    'The `multipleOf` of the request body schema changed to a value that is not a divisor of the old one. Breaking: a request that existing clients send can now be rejected.',
  'request-property-multiple-of-changed':
    'The `multipleOf` of a request property changed to a value that is not a divisor of the old one. Breaking: a request that existing clients send can now be rejected.',
  'request-body-multiple-of-generalized':
    'The `multipleOf` of the request body schema changed to a divisor of the old one (more values are valid). Not breaking: requests that existing clients send stay valid.',
  'request-property-multiple-of-generalized':
    'The `multipleOf` of a request property changed to a divisor of the old one (more values are valid). Not breaking: requests that existing clients send stay valid.',
  'request-body-unique-items-set':
    '`uniqueItems` was set on the request body schema: lists with repeated items are no longer valid. Breaking: a request that existing clients send can now be rejected.',
  'request-property-unique-items-set':
    '`uniqueItems` was set on a request property: lists with repeated items are no longer valid. Breaking: a request that existing clients send can now be rejected.',
  'request-body-unique-items-unset':
    '`uniqueItems` was removed from the request body schema: lists may now repeat items. Not breaking: requests that existing clients send stay valid.',
  'request-property-unique-items-unset':
    '`uniqueItems` was removed from a request property: lists may now repeat items. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-properties-set':
    'A maximum number of properties (`maxProperties`) was set on the request body schema. Breaking: a request that existing clients send can now be rejected.',
  'request-property-max-properties-set':
    'A maximum number of properties (`maxProperties`) was set on a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-max-properties-decreased':
    'The maximum number of properties (`maxProperties`) of the request body schema was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-max-properties-decreased':
    'The maximum number of properties (`maxProperties`) of a request property was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-max-properties-increased':
    'The maximum number of properties (`maxProperties`) of the request body schema was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-properties-increased':
    'The maximum number of properties (`maxProperties`) of a request property was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-min-properties-increased':
    'The minimum number of properties (`minProperties`) of the request body schema was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-properties-increased':
    'The minimum number of properties (`minProperties`) of a request property was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-pattern-property-added':
    'Added the pattern property to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-pattern-property-added':
    'Added the pattern property to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-pattern-property-removed':
    'Removed the pattern property from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-pattern-property-removed':
    'Removed the pattern property from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-property-names-added':
    'Added \'propertyNames\' constraint to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-property-names-added':
    'Added \'propertyNames\' constraint to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-property-names-removed':
    'Removed \'propertyNames\' constraint from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-property-names-removed':
    'Removed \'propertyNames\' constraint from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-unevaluated-items-added':
    'Added \'unevaluatedItems\' constraint to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-unevaluated-items-added':
    'Added \'unevaluatedItems\' constraint to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-unevaluated-items-removed':
    'Removed \'unevaluatedItems\' constraint from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-unevaluated-items-removed':
    'Removed \'unevaluatedItems\' constraint from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-unevaluated-properties-added':
    'Added \'unevaluatedProperties\' constraint to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-unevaluated-properties-added':
    'Added \'unevaluatedProperties\' constraint to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-unevaluated-properties-removed':
    'Removed \'unevaluatedProperties\' constraint from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-unevaluated-properties-removed':
    'Removed \'unevaluatedProperties\' constraint from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-if-added':
    'Added \'if\' subschema to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-if-added':
    'Added \'if\' subschema to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-if-removed':
    'Removed \'if\' subschema from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-if-removed':
    'Removed \'if\' subschema from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-then-added':
    'Added \'then\' subschema to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-then-added':
    'Added \'then\' subschema to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-then-removed':
    'Removed \'then\' subschema from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-then-removed':
    'Removed \'then\' subschema from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-else-added':
    'Added \'else\' subschema to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-else-added':
    'Added \'else\' subschema to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-else-removed':
    'Removed \'else\' subschema from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-else-removed':
    'Removed \'else\' subschema from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-contains-added':
    'Added \'contains\' constraint to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-contains-added':
    'Added \'contains\' constraint to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-contains-removed':
    'Removed \'contains\' constraint from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-contains-removed':
    'Removed \'contains\' constraint from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-min-contains-increased':
    'The request body minContains was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-min-contains-increased':
    'A request property minContains was increased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-min-contains-decreased':
    'The request body minContains was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-property-min-contains-decreased':
    'A request property minContains was decreased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-contains-increased':
    'The request body maxContains was increased. Not breaking: requests that existing clients send stay valid.',
  'request-property-max-contains-increased':
    'A request property maxContains was increased. Not breaking: requests that existing clients send stay valid.',
  'request-body-max-contains-decreased':
    'The request body maxContains was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-property-max-contains-decreased':
    'A request property maxContains was decreased. Breaking: a request that existing clients send can now be rejected.',
  'request-body-prefix-items-added':
    'Added a schema to the request body \'prefixItems\' list. Not breaking: requests that existing clients send stay valid.',
  'request-property-prefix-items-added':
    'Added a schema to a request property \'prefixItems\' list. Not breaking: requests that existing clients send stay valid.',
  'request-body-prefix-items-removed':
    'Removed a schema from the request body \'prefixItems\' list. Breaking: a request that existing clients send can now be rejected.',
  'request-property-prefix-items-removed':
    'Removed a schema from a request property \'prefixItems\' list. Breaking: a request that existing clients send can now be rejected.',
  'request-body-dependent-required-added':
    'The request body dependentRequired was added: when is present, are required. Breaking: a request that existing clients send can now be rejected.',
  'request-property-dependent-required-added':
    'A request property dependentRequired was added: when is present, are required. Breaking: a request that existing clients send can now be rejected.',
  'request-body-dependent-required-removed':
    'The request body dependentRequired was removed: when was present, were required. Not breaking: requests that existing clients send stay valid.',
  'request-property-dependent-required-removed':
    'A request property dependentRequired was removed: when was present, were required. Not breaking: requests that existing clients send stay valid.',
  'request-body-dependent-required-changed':
    'The request body dependentRequired for was updated. Breaking: a request that existing clients send can now be rejected.',
  'request-property-dependent-required-changed':
    'A request property dependentRequired for was updated. Breaking: a request that existing clients send can now be rejected.',
  'request-body-dependent-schema-added':
    'Added the dependent schema to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-dependent-schema-added':
    'Added the dependent schema to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-dependent-schema-removed':
    'Removed the dependent schema from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-dependent-schema-removed':
    'Removed the dependent schema from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-content-schema-added':
    'Added \'contentSchema\' to the request body. Breaking: a request that existing clients send can now be rejected.',
  'request-property-content-schema-added':
    'Added \'contentSchema\' to a request property. Breaking: a request that existing clients send can now be rejected.',
  'request-body-content-schema-removed':
    'Removed \'contentSchema\' from the request body. Not breaking: requests that existing clients send stay valid.',
  'request-property-content-schema-removed':
    'Removed \'contentSchema\' from a request property. Not breaking: requests that existing clients send stay valid.',
  'request-body-content-media-type-changed':
    'The request body contentMediaType changed. Breaking: a request that existing clients send can now be rejected.',
  'request-property-content-media-type-changed':
    'A request property contentMediaType changed. Breaking: a request that existing clients send can now be rejected.',
  'request-body-content-encoding-changed':
    'The request body contentEncoding changed. Breaking: a request that existing clients send can now be rejected.',
  'request-property-content-encoding-changed':
    'A request property contentEncoding changed. Breaking: a request that existing clients send can now be rejected.',
  'response-body-discriminator-added':
    'Added response discriminator. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-added':
    'Added discriminator response property. Not breaking: existing clients can still read every response.',
  'response-body-discriminator-removed':
    'Removed response discriminator. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-removed':
    'Removed discriminator from response property. Not breaking: existing clients can still read every response.',
  'response-body-discriminator-property-name-changed':
    'Response discriminator property name changed. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-property-name-changed':
    'Response discriminator property name changed for response property. Not breaking: existing clients can still read every response.',
  'response-body-discriminator-mapping-added':
    'Added mapping keys to the response discriminator. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-mapping-added':
    'Added discriminator mapping keys to a response property. Not breaking: existing clients can still read every response.',
  'response-body-discriminator-mapping-deleted':
    'Removed mapping keys from the response discriminator. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-mapping-deleted':
    'Removed discriminator mapping keys from a response property. Not breaking: existing clients can still read every response.',
  'response-body-discriminator-mapping-changed':
    'Mapped value for key changed from the response discriminator. Not breaking: existing clients can still read every response.',
  'response-property-discriminator-mapping-changed':
    'Mapped value for discriminator key changed for response property. Not breaking: existing clients can still read every response.',
  'response-body-const-added':
    'The response body const value was added. Not breaking: existing clients can still read every response.',
  'response-property-const-added':
    'A response property const value was added. Not breaking: existing clients can still read every response.',
  'response-body-const-removed':
    'The response body const value was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-const-removed':
    'A response property const value was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-const-changed':
    'The response body const value changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-const-changed':
    'A response property const value changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-exclusive-max-increased':
    'The response\'s body exclusiveMaximum was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-exclusive-max-increased':
    'A response property\'s exclusiveMaximum was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-exclusive-min-decreased':
    'The response\'s body exclusiveMinimum was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-exclusive-min-decreased':
    'A response property\'s exclusiveMinimum was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-multiple-of-unset':
    'The `multipleOf` of the response body schema was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-multiple-of-unset':
    'The `multipleOf` of a response property was removed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-multiple-of-changed':
    'The `multipleOf` of the response body schema changed to a value that is not a divisor of the old one. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-multiple-of-changed':
    'The `multipleOf` of a response property changed to a value that is not a divisor of the old one. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-multiple-of-specialized':
    'The `multipleOf` of the response body schema changed to a multiple of the old one (fewer values are valid). Not breaking: existing clients can still read every response.',
  'response-property-multiple-of-specialized':
    'The `multipleOf` of a response property changed to a multiple of the old one (fewer values are valid). Not breaking: existing clients can still read every response.',
  'response-body-unique-items-unset':
    '`uniqueItems` was removed from the response body schema: lists may now repeat items. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-unique-items-unset':
    '`uniqueItems` was removed from a response property: lists may now repeat items. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-properties-increased':
    'The maximum number of properties (`maxProperties`) of the response body schema was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-properties-increased':
    'The maximum number of properties (`maxProperties`) of a response property was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-properties-decreased':
    'The minimum number of properties (`minProperties`) of the response body schema was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-properties-decreased':
    'The minimum number of properties (`minProperties`) of a response property was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-pattern-property-added':
    'Added the pattern property to the response body. Not breaking: existing clients can still read every response.',
  'response-property-pattern-property-added':
    'Added the pattern property to a response property. Not breaking: existing clients can still read every response.',
  'response-body-pattern-property-removed':
    'Removed the pattern property from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-pattern-property-removed':
    'Removed the pattern property from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-property-names-added':
    'Added \'propertyNames\' constraint to the response body. Not breaking: existing clients can still read every response.',
  'response-property-property-names-added':
    'Added \'propertyNames\' constraint to a response property. Not breaking: existing clients can still read every response.',
  'response-body-property-names-removed':
    'Removed \'propertyNames\' constraint from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-property-names-removed':
    'Removed \'propertyNames\' constraint from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-unevaluated-items-added':
    'Added \'unevaluatedItems\' constraint to the response body. Not breaking: existing clients can still read every response.',
  'response-property-unevaluated-items-added':
    'Added \'unevaluatedItems\' constraint to a response property. Not breaking: existing clients can still read every response.',
  'response-body-unevaluated-items-removed':
    'Removed \'unevaluatedItems\' constraint from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-unevaluated-items-removed':
    'Removed \'unevaluatedItems\' constraint from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-unevaluated-properties-added':
    'Added \'unevaluatedProperties\' constraint to the response body. Not breaking: existing clients can still read every response.',
  'response-property-unevaluated-properties-added':
    'Added \'unevaluatedProperties\' constraint to a response property. Not breaking: existing clients can still read every response.',
  'response-body-unevaluated-properties-removed':
    'Removed \'unevaluatedProperties\' constraint from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-unevaluated-properties-removed':
    'Removed \'unevaluatedProperties\' constraint from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-if-added':
    'Added \'if\' subschema to the response body. Not breaking: existing clients can still read every response.',
  'response-property-if-added':
    'Added \'if\' subschema to a response property. Not breaking: existing clients can still read every response.',
  'response-body-if-removed':
    'Removed \'if\' subschema from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-if-removed':
    'Removed \'if\' subschema from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-then-added':
    'Added \'then\' subschema to the response body. Not breaking: existing clients can still read every response.',
  'response-property-then-added':
    'Added \'then\' subschema to a response property. Not breaking: existing clients can still read every response.',
  'response-body-then-removed':
    'Removed \'then\' subschema from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-then-removed':
    'Removed \'then\' subschema from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-else-added':
    'Added \'else\' subschema to the response body. Not breaking: existing clients can still read every response.',
  'response-property-else-added':
    'Added \'else\' subschema to a response property. Not breaking: existing clients can still read every response.',
  'response-body-else-removed':
    'Removed \'else\' subschema from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-else-removed':
    'Removed \'else\' subschema from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-contains-added':
    'Added \'contains\' constraint to the response body. Not breaking: existing clients can still read every response.',
  'response-property-contains-added':
    'Added \'contains\' constraint to a response property. Not breaking: existing clients can still read every response.',
  'response-body-contains-removed':
    'Removed \'contains\' constraint from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-contains-removed':
    'Removed \'contains\' constraint from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-min-contains-increased':
    'The response body minContains was increased. Not breaking: existing clients can still read every response.',
  'response-property-min-contains-increased':
    'A response property minContains was increased. Not breaking: existing clients can still read every response.',
  'response-body-min-contains-decreased':
    'The response body minContains was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-min-contains-decreased':
    'A response property minContains was decreased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-contains-increased':
    'The response body maxContains was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-max-contains-increased':
    'A response property maxContains was increased. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-max-contains-decreased':
    'The response body maxContains was decreased. Not breaking: existing clients can still read every response.',
  'response-property-max-contains-decreased':
    'A response property maxContains was decreased. Not breaking: existing clients can still read every response.',
  'response-body-prefix-items-added':
    'Added a schema to the response body \'prefixItems\' list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-prefix-items-added':
    'Added a schema to a response property \'prefixItems\' list. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-prefix-items-removed':
    'Removed a schema from the response body \'prefixItems\' list. Not breaking: existing clients can still read every response.',
  'response-property-prefix-items-removed':
    'Removed a schema from a response property \'prefixItems\' list. Not breaking: existing clients can still read every response.',
  'response-body-dependent-required-added':
    'The response body dependentRequired was added: when is present, are required. Not breaking: existing clients can still read every response.',
  'response-property-dependent-required-added':
    'A response property dependentRequired was added: when is present, are required. Not breaking: existing clients can still read every response.',
  'response-body-dependent-required-removed':
    'The response body dependentRequired was removed: when was present, were required. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-dependent-required-removed':
    'A response property dependentRequired was removed: when was present, were required. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-dependent-required-changed':
    'The response body dependentRequired for was updated. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-dependent-required-changed':
    'A response property dependentRequired for was updated. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-dependent-schema-added':
    'Added the dependent schema to the response body. Not breaking: existing clients can still read every response.',
  'response-property-dependent-schema-added':
    'Added the dependent schema to a response property. Not breaking: existing clients can still read every response.',
  'response-body-dependent-schema-removed':
    'Removed the dependent schema from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-dependent-schema-removed':
    'Removed the dependent schema from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-content-schema-added':
    'Added \'contentSchema\' to the response body. Not breaking: existing clients can still read every response.',
  'response-property-content-schema-added':
    'Added \'contentSchema\' to a response property. Not breaking: existing clients can still read every response.',
  'response-body-content-schema-removed':
    'Removed \'contentSchema\' from the response body. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-content-schema-removed':
    'Removed \'contentSchema\' from a response property. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-content-media-type-changed':
    'The response body contentMediaType changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-content-media-type-changed':
    'A response property contentMediaType changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-body-content-encoding-changed':
    'The response body contentEncoding changed. Breaking: existing clients can now receive a response they were not written to handle.',
  'response-property-content-encoding-changed':
    'A response property contentEncoding changed. Breaking: existing clients can now receive a response they were not written to handle.',
} as const satisfies Record<keyof typeof OASDIFF_LEVELS | keyof typeof KEYWORD_LEVELS, string>;
