/** Bindings and `x-` extensions in generated code: what is emitted, that it type-checks, and findings for what cannot be honored. */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { durationMs } from '../../../generators/events/bindings.js';
import { FIXTURES, generateEvents, generateFixture, typeCheck } from './helpers.js';

describe('events generator: bindings and x- extensions', () => {
  it('emits per-operation bindings, retry policies and the NATS stream, and wires them into producers and consumers', async () => {
    const out = await generateFixture('bindings.yaml', 'r1');
    const bindings = readFileSync(join(out, 'bindings.ts'), 'utf8');
    expect(bindings).toContain("amqp: { is: 'routingKey', exchange: { name: 'ck-bind-r1.orders', type: 'topic', durable: false, autoDelete: false }, deliveryMode: 2, priority: 5 },");
    expect(bindings).toContain("mqtt: { qos: 1, retain: false },");
    expect(bindings).toContain("deadLetter: 'ck-bind-r1.placed.dead',");
    expect(bindings).toContain('nats: { maxDeliver: 10, ackWaitMs: 5000 },');
    expect(bindings).toContain('export const onOrderPlacedRetry: RetryPolicy = { maxAttempts: 2, delaysMs: [50, 100] };');
    expect(bindings).toContain("kafka: { topic: 'shop-stock', key: envelopeField('payload.sku') },");
    expect(bindings).toContain("amqp: { is: 'queue', queue: { name: 'ck-bind-r1.audit', durable: false, exclusive: true, autoDelete: false } },");
    expect(bindings).toContain("export const natsStream = { subjects: ['shop.order.placed', 'shop.stock.{sku}.changed', 'shop.audit'], duplicateWindowMs: 300000 };");
    // the channel-level x-dead-letter reaches the consumer, not the producer
    expect(bindings).toMatch(/export const onAuditBindings[^;]*deadLetter: 'ck-bind-r1\.audit\.dead'/);
    expect(bindings).not.toMatch(/export const publishAuditBindings[^;]*deadLetter/);
    const producers = readFileSync(join(out, 'producers.ts'), 'utf8');
    expect(producers).toContain('await sendEvent(transport, address, event, orderPlacedSpec, meta, publishOrderPlacedBindings);');
    const consumers = readFileSync(join(out, 'consumers.ts'), 'utf8');
    expect(consumers).toContain('retry: options.retry ?? onOrderPlacedRetry,');
    expect(consumers).toContain("group: options.group ?? 'stock-watchers',"); // the nats binding's queue
    expect(typeCheck(out, ['index.ts'])).toBe('');
  });

  it('takes defaults from the generator options, below the contract’s own extensions', async () => {
    const out = await generateFixture('bindings.yaml', 'r2', 'bound-shop', { maxAttempts: 7, retryDelays: ['1s', '1m'], jetstream: { duplicateWindow: '1h' } });
    const bindings = readFileSync(join(out, 'bindings.ts'), 'utf8');
    expect(bindings).toContain('export const onOrderPlacedRetry: RetryPolicy = { maxAttempts: 2, delaysMs: [50, 100] };'); // the operation's own
    expect(bindings).toContain('export const onAuditRetry: RetryPolicy = { maxAttempts: 7, delaysMs: [1000, 60000] };');
    expect(bindings).toContain('duplicateWindowMs: 3600000'); // the largest window asked for
  });

  it('refuses what it cannot honor, naming the element, with a hint', async () => {
    const err = await generateEvents(join(FIXTURES, 'bad-bindings.yaml'), join(tmpdir(), 'unused')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const findings = (err as UsageError).findings;
    const messages = findings.map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Channel `stock` has parameters, which a direct exchange cannot match.',
        'Message `stockChanged`: `x-kafka-key` must be a dotted path into the envelope (`aggregateId`, `payload.customerId`), not "body.sku".',
        'Operation `onStock`: `x-max-attempts` must be a positive integer.',
        'Operation `onStock`: `x-retry-delays` must be a list of durations.',
        'Operation `onStock`: `x-jetstream.ackWait` must be a duration (`30s`, `500ms`, or milliseconds).',
      ]),
    );
    for (const f of findings) {
      expect(f.file).toBe(join(FIXTURES, 'bad-bindings.yaml'));
      expect(f.pointer).toMatch(/^\/(channels|operations)\//);
      expect(f.hint).toBeTruthy();
    }
  });

  it('reads durations as milliseconds', () => {
    expect([durationMs(250), durationMs('250ms'), durationMs('5s'), durationMs('1.5m'), durationMs('1h'), durationMs('soon'), durationMs(-1)]).toEqual([250, 250, 5000, 90000, 3600000, undefined, undefined]);
  });
});
