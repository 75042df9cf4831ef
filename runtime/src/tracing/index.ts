/**
 * `@contractkit/runtime/tracing`: OpenTelemetry tracing of the runtime
 * through `@opentelemetry/api` only — a no-op unless the application
 * installs an SDK (a tracer provider, a context manager and the W3C trace
 * context propagator). The transports, clients, servers, consumers and the
 * saga runtime call these; applications use them for their own servers
 * (`withHttpServerSpan`) and batch consumers (`startBatchConsumerSpan`).
 */
export { incomingHeadersGetter, injectSpan, metadataGetter, metadataSetter, rawHeadersGetter, recordGetter, recordSetter, withSpan, type MetadataLike } from './carriers.js';
export { endHttpClientSpan, startHttpClientSpan, startHttpServerSpan, withHttpServerSpan, type HttpClientSpanInfo, type HttpServerSpan } from './http.js';
export { messageContext, startBatchConsumerSpan, startConsumerSpan, startProducerSpan, type MessageSpanInfo } from './messaging.js';
export { endRpcClientSpan, endRpcServerSpan, rpcSpanInfo, startRpcClientSpan, startRpcServerSpan, type RpcSpanInfo } from './rpc.js';
export { SAGA_ATTRIBUTES, sagaStartSpan, startSagaCallSpan, type SagaCallInfo } from './saga.js';
export { errorType, recordFailure } from './status.js';
export { runtimeTracer, TRACER_NAME, TRACER_VERSION } from './tracer.js';
