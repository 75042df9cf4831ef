/**
 * Saga lifecycle events through the events runtime: a saga runtime on the
 * in-memory store publishes saga.started/completed/compensated/failed with
 * createSagaLifecyclePublisher, on the in-memory transport and on the local
 * RabbitMQ (127.0.0.1:5672, an exchange of its own per run, deleted after),
 * and a subscriber receives them in order with their envelopes. A repeat of
 * the same occurrence has the same eventId, so an idempotent consumer handles
 * it once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bodyText,
  createConsumer,
  createMemoryProcessedStore,
  createMemoryTransport,
  createRabbitMqTransport,
  type Delivery,
  type EventEnvelope,
  type Transport,
} from '../../../runtime/src/events/index.js';
import {
  createMemorySagaStore,
  createSagaLifecyclePublisher,
  createSagaRuntime,
  defineSaga,
  NonRetryableError,
  SAGA_LIFECYCLE_ADDRESS,
  sagaEventId,
  sagaLifecycleEnvelope,
  type SagaEvent,
  type SagaLifecyclePayload,
} from '../../../runtime/src/saga/index.js';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);

/** Three outcomes: `ok` completes, `declined` compensates (charge refused before the pivot), `lost` fails after the pivot. */
const saga = defineSaga<{ outcome: 'ok' | 'declined' | 'lost' }>({
  name: 'checkout',
  version: 2,
  steps: [
    { name: 'reserve', invoke: async (d) => d, compensate: async (d) => d },
    { name: 'charge', pivot: true, invoke: async (d) => { if (d.outcome === 'declined') throw new NonRetryableError('card declined'); return d; } },
    { name: 'ship', invoke: async (d) => { if (d.outcome === 'lost') throw new NonRetryableError('address unknown'); return d; } },
  ],
});

type Received = EventEnvelope<SagaLifecyclePayload> & { address: string; headers: Record<string, string> };

/** Runs three sagas on the memory store, publishing through `transport`; resolves to what the runtime reported. */
async function runSagas(transport: Transport, address?: string): Promise<SagaEvent[]> {
  const reported: SagaEvent[] = [];
  const publish = createSagaLifecyclePublisher({ transport, ...(address ? { address } : {}), headers: { source: 'orchestrator' } });
  const errors: unknown[] = [];
  const rt = createSagaRuntime({
    store: createMemorySagaStore(),
    sagas: [saga],
    onEvent: async (e) => {
      reported.push(e);
      await publish(e);
    },
    onError: (err) => void errors.push(err),
    concurrency: 1, // one instance at a time: the order of events across sagas is the order of the starts
  });
  for (const outcome of ['ok', 'declined', 'lost'] as const) await rt.start('checkout', { outcome }, { sagaId: `${run}-${outcome}` });
  await rt.drain();
  expect(errors).toEqual([]);
  return reported.filter((e) => !e.type.startsWith('saga.step.'));
}

function expectLifecycle(received: Received[], reported: SagaEvent[]) {
  const id = (o: string) => `${run}-${o}`;
  // in the order they were published; the step events were not
  expect(received.map((e) => `${e.eventType} ${e.aggregateId}`)).toEqual([
    `saga.started ${id('ok')}`,
    `saga.started ${id('declined')}`,
    `saga.started ${id('lost')}`,
    `saga.completed ${id('ok')}`,
    `saga.compensated ${id('declined')}`,
    `saga.failed ${id('lost')}`,
  ]);
  expect(received.map((e) => e.eventId)).toEqual(reported.map((e) => sagaEventId(e.key)));
  const [started, completed, compensated, failed] = [received[0]!, received[3]!, received[4]!, received[5]!];
  expect(started.eventId).toBe(sagaEventId(`${id('ok')}:saga.started`));
  expect(completed).toMatchObject({
    eventId: sagaEventId(`${id('ok')}:saga.completed`),
    eventVersion: 1,
    correlationId: id('ok'),
    payload: { sagaId: id('ok'), saga: 'checkout', version: 2, status: 'completed' },
    headers: { 'event-type': 'saga.completed', 'event-id': sagaEventId(`${id('ok')}:saga.completed`), 'correlation-id': id('ok'), source: 'orchestrator' },
  });
  expect(new Date(completed.timestamp).toISOString()).toBe(completed.timestamp);
  expect(started.payload).toEqual({ sagaId: id('ok'), saga: 'checkout', version: 2, status: 'running' });
  expect(compensated.payload).toEqual({ sagaId: id('declined'), saga: 'checkout', version: 2, status: 'compensated', error: 'charge: NonRetryableError: card declined' });
  // saga.failed may recur after a resume: its id names the step and the call's tries in all
  expect(failed).toMatchObject({
    eventId: sagaEventId(`${id('lost')}:saga.failed:ship:do:1`),
    payload: { sagaId: id('lost'), saga: 'checkout', version: 2, status: 'failed', step: 'ship', error: 'ship: NonRetryableError: address unknown' },
  });
}

function collector(received: Received[]) {
  return async (d: Delivery) => {
    received.push({ ...(JSON.parse(bodyText(d.body)) as EventEnvelope<SagaLifecyclePayload>), address: d.address, headers: d.headers });
    await d.ack();
  };
}

describe('saga lifecycle events', () => {
  it('are published on the in-memory transport, in order, with deterministic ids', async () => {
    const transport = createMemoryTransport();
    const received: Received[] = [];
    await transport.subscribe({ address: SAGA_LIFECYCLE_ADDRESS, group: 'audit' }, collector(received));
    const reported = await runSagas(transport);
    await transport.idle();
    expectLifecycle(received, reported);
    expect(new Set(received.map((e) => e.address))).toEqual(new Set([SAGA_LIFECYCLE_ADDRESS]));
    await transport.close();
  });

  it('give a repeated occurrence the same eventId, which an idempotent consumer handles once', async () => {
    const transport = createMemoryTransport();
    const handled: string[] = [];
    const outcomes: string[] = [];
    const consumer = await createConsumer({
      transport,
      address: 'sagas.{saga}',
      group: 'billing',
      events: ['saga.completed', 'saga.compensated'].map((eventType) => ({ eventType, versions: [{ version: 1, validate: () => true, validates: 'payload' as const }] })),
      store: createMemoryProcessedStore(),
      handler: async (e) => void handled.push(`${e.eventType} ${e.aggregateId}`),
      onEvent: (i) => void outcomes.push(i.kind),
    });
    const publish = createSagaLifecyclePublisher({ transport, address: (e) => `sagas.${e.saga}`, types: ['saga.completed'] });
    const event: SagaEvent = { type: 'saga.completed', sagaId: 's-1', saga: 'checkout', version: 2, status: 'completed', at: new Date('2025-01-02T03:04:05.678Z'), key: 's-1:saga.completed' };
    // the runtime reporting it again after a crash: the same key, another time
    await publish(event);
    await publish({ ...event, at: new Date() });
    await publish({ ...event, type: 'saga.started', status: 'running', key: 's-1:saga.started' }); // not in `types`
    await transport.idle();
    await consumer.close();
    expect(handled).toEqual(['saga.completed s-1']);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    expect(sagaLifecycleEnvelope(event)).toEqual({
      eventId: sagaEventId('s-1:saga.completed'),
      eventType: 'saga.completed',
      eventVersion: 1,
      timestamp: '2025-01-02T03:04:05.678Z',
      aggregateId: 's-1',
      correlationId: 's-1',
      payload: { sagaId: 's-1', saga: 'checkout', version: 2, status: 'completed' },
    });
    await transport.close();
  });

  describe('on RabbitMQ', () => {
    let transport: Awaited<ReturnType<typeof createRabbitMqTransport>> | undefined;
    afterAll(async () => {
      await transport?.deleteTopology();
      await transport?.close();
    });

    it('are confirmed by the broker and received in order by a subscriber', async () => {
      transport = await createRabbitMqTransport({ url: AMQP, exchange: `ck-saga-lifecycle-${run}` });
      const received: Received[] = [];
      const sub = await transport.subscribe({ address: `saga.lifecycle.${run}`, group: `ck-saga-lifecycle-${run}` }, collector(received));
      // publish resolves on the broker's confirm: once drain returns, all six are in the queue
      const reported = await runSagas(transport, `saga.lifecycle.${run}`);
      for (let i = 0; received.length < reported.length && i < 400; i++) await new Promise((r) => setTimeout(r, 25));
      await sub.close();
      expectLifecycle(received, reported);
      expect(received[0]!.address).toBe(`saga.lifecycle.${run}`);
    });
  });
});
