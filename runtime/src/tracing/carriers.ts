/**
 * Text-map getters and setters for the places trace context travels in: plain
 * header records (HTTP requests, event transport headers, which every broker
 * adapter maps to its own: AMQP headers, NATS headers, MQTT 5 user properties,
 * Kafka headers) and grpc-js `Metadata`.
 */
import { isSpanContextValid, propagation, trace, type Context, type Span, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import type { IncomingHeadersLike } from './node-like.js';

/**
 * Injects the context of `span` (a child of `parent`) into `carrier` — unless
 * there is nothing to send: a span without a valid context (no SDK, nothing
 * to continue) and no baggage. That skip keeps the no-SDK path to a few
 * property reads (no context object per call).
 */
export function injectSpan<C>(parent: Context, span: Span, carrier: C, setter: TextMapSetter<C>): void {
  if (!isSpanContextValid(span.spanContext()) && !propagation.getBaggage(parent)) return;
  propagation.inject(trace.setSpan(parent, span), carrier, setter);
}

/**
 * `parent` with `span` active — or `parent` itself when the span has no valid
 * context (no SDK and nothing to continue): making a context object for a span
 * nobody can see or continue would only cost an allocation per call.
 */
export function withSpan(parent: Context, span: Span): Context {
  return isSpanContextValid(span.spanContext()) ? trace.setSpan(parent, span) : parent;
}

/** Sets `key` on a string record. */
export const recordSetter: TextMapSetter<Record<string, string>> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

/** Reads a string record, by exact name first, then case-insensitively (brokers may change the case of header names). */
export const recordGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const exact = carrier[key];
    if (exact !== undefined) return exact;
    const lower = key.toLowerCase();
    for (const k in carrier) if (k.toLowerCase() === lower) return carrier[k];
    return undefined;
  },
};

/** Reads Node's incoming headers (lower-case names already). */
export const incomingHeadersGetter: TextMapGetter<IncomingHeadersLike> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

/**
 * Reads Node's `rawHeaders` (`[name, value, name, value…]`, names as sent).
 * Servers read the trace context from these rather than `req.headers`: Node
 * builds that object on first access, a cost per request a handler that never
 * reads a header would otherwise pay for tracing alone.
 */
export const rawHeadersGetter: TextMapGetter<readonly string[]> = {
  keys(carrier) {
    const names: string[] = [];
    for (let i = 0; i < carrier.length; i += 2) names.push(carrier[i]!.toLowerCase());
    return names;
  },
  get(carrier, key) {
    let found: string | string[] | undefined;
    for (let i = 0; i < carrier.length; i += 2) {
      const name = carrier[i]!;
      if (name.length !== key.length || name.toLowerCase() !== key) continue;
      const value = carrier[i + 1]!;
      found = found === undefined ? value : Array.isArray(found) ? [...found, value] : [found, value];
    }
    return found;
  },
};

/** What the grpc-js `Metadata` getter and setter need of it (no import of the optional peer here). */
export interface MetadataLike {
  get(key: string): (string | Buffer)[];
  set(key: string, value: string): void;
  getMap(): Record<string, unknown>;
}

/** Sets a grpc-js metadata entry. */
export const metadataSetter: TextMapSetter<MetadataLike> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

/** Reads grpc-js metadata (text values). */
export const metadataGetter: TextMapGetter<MetadataLike> = {
  keys: (carrier) => Object.keys(carrier.getMap()),
  get(carrier, key) {
    const all = carrier.get(key);
    if (all.length === 0) return undefined; // the common case: no array made
    const values = all.filter((v): v is string => typeof v === 'string');
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  },
};
