/**
 * The one tracer of the runtime, from `@opentelemetry/api`'s global tracer
 * provider: without an SDK installed by the application it is the API's no-op
 * tracer (spans cost an object and record nothing), and an SDK registered
 * later is picked up (the API's proxy tracer delegates once one exists).
 */
import { trace, type Tracer } from '@opentelemetry/api';

/** The instrumentation scope name the runtime's spans carry. */
export const TRACER_NAME = '@contractkit/runtime';

/** The runtime's version, as the instrumentation scope version. */
export const TRACER_VERSION = '0.1.0';

let cached: Tracer | undefined;

/** The runtime's tracer (a proxy of the global provider's, made once). */
export function runtimeTracer(): Tracer {
  return (cached ??= trace.getTracer(TRACER_NAME, TRACER_VERSION));
}
