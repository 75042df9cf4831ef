/**
 * @contractkit/runtime/http: the small, fetch-based runtime of generated REST
 * clients. Timeouts, retries with backoff and jitter, a circuit breaker per
 * host, problem details as typed errors, cursor pagination, 202-and-poll and
 * server-sent events. Named exports only, so bundlers drop what is unused.
 */
export { createHttpClient } from './client.js';
export { applyAuth, clientCredentials, type ClientCredentialsOptions } from './auth.js';
export { CircuitOpenError, HttpProblemError, HttpTimeoutError, OperationFailedError, isHttpProblem, type ProblemDetails } from './errors.js';
export { IDEMPOTENT_METHODS, RETRY_STATUSES, fullJitterDelay, retryAfterMs } from './policies.js';
export { nextLink, paginate, type PageRequest, type PaginateOptions } from './pagination.js';
export { acceptedHandle, isFinalStatus, type AcceptedHandle, type PollSpec, type WaitOptions } from './accepted.js';
export { DONE_STATES, FAILED_STATES, PENDING_STATES, STATE_FIELDS, classifyState, completionFromEnum, completionOf, findStateField, normalizeState, type Completion, type CompletionRule, type CompletionSpec } from './completion.js';
export { bindOperations, type BoundGroups, type BoundOperation, type PaginatedEntry } from './bind.js';
export { ajvRuntime } from '../events/ajv-runtime.js';
export { HttpValidationError, ajvCheck, callAccepted, callOperation, paginateOperation, requestOf, streamOperation, type AjvValidateFunction, type OperationExtras, type OperationSpec, type ValueCheck } from './operation.js';
export { parseJsonPrecise, preparer, reviver, stringifyJson, unmarkIntegers, type RevivalPlan, type RevivalTable } from './revive.js';
export { startHttpServerSpan, withHttpServerSpan, type HttpServerSpan } from '../tracing/http.js';
export { parseEventData, readEventStream, streamEvents, type ServerSentEvent } from './sse.js';
export type { BodyEncoding, CallOptions, CircuitBreakerOptions, HttpAuth, HttpClient, HttpClientOptions, HttpMiddleware, HttpResult, RequestSpec, RetryOptions, Reviver, TokenProvider } from './types.js';
