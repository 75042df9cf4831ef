/**
 * What an application does to trace with contractkit's runtime, for tests:
 * a tracer provider exporting to memory, the AsyncLocalStorage context
 * manager and the W3C trace context propagator, registered globally (each
 * test file runs in its own process, so nothing leaks into other files).
 */
import { context, propagation, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The installed SDK: the finished spans, and helpers to read them. */
export interface TestTracing {
  exporter: InMemorySpanExporter;
  /** Finished spans so far. */
  spans(): ReadableSpan[];
  /** Finished spans of one trace, in the order they started. */
  trace(traceId: string): ReadableSpan[];
  /** The one finished span named `name` (fails when there are none or several). */
  one(name: string, where?: (s: ReadableSpan) => boolean): ReadableSpan;
  reset(): void;
}

// start and end times have millisecond resolution: the order spans started and ended in is counted instead
const starts = new WeakMap<object, number>();
const ends = new WeakMap<object, number>();
let counter = 0;
const order: SpanProcessor = {
  onStart: (span) => void starts.set(span, counter++),
  onEnd: (span) => void ends.set(span, counter++),
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/** When `span` started, as a position among all span starts and ends. */
export function started(span: ReadableSpan): number {
  return starts.get(span) ?? Number.NaN;
}

/** When `span` ended, as a position among all span starts and ends. */
export function ended(span: ReadableSpan): number {
  return ends.get(span) ?? Number.NaN;
}

/** Registers the SDK globally (once per test file). */
export function installTracing(): TestTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [order, new SimpleSpanProcessor(exporter)] });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const spans = () => exporter.getFinishedSpans();
  return {
    exporter,
    spans,
    trace: (traceId) => spans().filter((s) => s.spanContext().traceId === traceId).sort((a, b) => started(a) - started(b)),
    one(name, where = () => true) {
      const found = spans().filter((s) => s.name === name && where(s));
      if (found.length !== 1) throw new Error(`expected one finished span ${name}, found ${found.length}: ${spans().map((s) => s.name).join(', ')}`);
      return found[0]!;
    },
    reset: () => exporter.reset(),
  };
}

/** True when `child`'s parent is `parent`. */
export function isChildOf(child: ReadableSpan, parent: ReadableSpan | SpanContext): boolean {
  const p = 'spanContext' in parent ? parent.spanContext() : parent;
  return child.parentSpanContext?.spanId === p.spanId && child.spanContext().traceId === p.traceId;
}
