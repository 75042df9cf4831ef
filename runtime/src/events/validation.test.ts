import { describe, expect, it } from 'vitest';
import { createEnvelope } from './envelope.js';
import { enqueueOutboxEvent } from './outbox.js';
import { publishEvent } from './producer.js';
import { createMemoryTransport } from './transports/memory.js';
import { assertValidEvent, EventValidationError, type EventValidator, type EventVersionSpec } from './validation.js';

// a hand-written validator in ajv's shape: the payload needs a string `orderId`
const validate: EventValidator = Object.assign(
  (value: unknown) => {
    const ok = typeof (value as { orderId?: unknown }).orderId === 'string';
    validate.errors = ok ? null : [{ instancePath: '/orderId', message: 'must be string' }];
    return ok;
  },
  { errors: null },
);
const spec: EventVersionSpec = { version: 1, validate, validates: 'payload' };
const bad = createEnvelope('order.placed', 1, { orderId: 7 }, { aggregateId: 'o-1', correlationId: 'c-1' });

describe('assertValidEvent', () => {
  it('throws EventValidationError with the paths under /payload', () => {
    expect(() => assertValidEvent(spec, bad)).toThrow(EventValidationError);
    expect(() => assertValidEvent(spec, bad)).toThrow('order.placed v1 is invalid: /payload/orderId must be string');
    expect(() => assertValidEvent(spec, { ...bad, payload: { orderId: 'o-1' } })).not.toThrow();
  });

  it('is the check of both the producer and the outbox: the same error, and nothing leaves', async () => {
    const transport = createMemoryTransport();
    const published = await publishEvent(transport, 'orders', bad, spec).catch((e: unknown) => e);
    // the transaction is never reached: validation comes before the insert
    const tx = { query: () => Promise.reject(new Error('an invalid event reached the outbox table')) };
    const enqueued = await enqueueOutboxEvent(tx, 'orders', bad, { spec }).catch((e: unknown) => e);
    expect(published).toBeInstanceOf(EventValidationError);
    expect(enqueued).toBeInstanceOf(EventValidationError);
    expect((enqueued as EventValidationError).message).toBe((published as EventValidationError).message);
  });
});
