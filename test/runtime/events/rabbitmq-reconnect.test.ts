/**
 * RabbitMQ reconnection on the real local broker: the server closes the
 * transport's connection (`rabbitmqctl close_connection`, only ours, found by
 * its connection name), the transport reconnects, re-declares its topology —
 * including an exclusive queue RabbitMQ deleted with the old connection — and
 * its consumers keep consuming; a publish made during the outage waits and is
 * confirmed on the new connection.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { delimiter, join } from 'node:path';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRabbitMqTransport, type EventEnvelope, type RabbitMqTransport } from '@contractkit/runtime/events';
import { generateFixture } from '../../generators/events/helpers.js';

const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);
const name = `ck-reconnect-${run}`;
// rabbitmqctl runs beside the broker (it needs the node's Erlang cookie): without it this test cannot close a connection server-side
const hasRabbitmqctl = (process.env.PATH ?? '').split(delimiter).concat('/usr/sbin').some((d) => existsSync(join(d, 'rabbitmqctl')));

/** Closes, from the server side, every connection whose client property `connection_name` is `connectionName`; returns how many. */
function closeConnections(connectionName: string): number {
  // the tab format prints pids as `<rabbit@host.…>`, which close_connection accepts (the JSON format's do not)
  const listed = execFileSync('rabbitmqctl', ['list_connections', 'pid', 'client_properties', '-q'], { encoding: 'utf8' }).split('\n');
  const ours = listed.filter((line) => line.includes(`{"connection_name","${connectionName}"}`)).map((line) => line.split('\t')[0]!);
  for (const pid of ours) execFileSync('rabbitmqctl', ['close_connection', pid, 'contractkit test: server-side close'], { encoding: 'utf8' });
  return ours.length;
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!hasRabbitmqctl)('RabbitMQ reconnection', () => {
  let gen: any;
  let t: RabbitMqTransport;
  const events: string[] = [];
  let duringOutage: Promise<unknown> | undefined;
  beforeAll(async () => {
    gen = await import(join(await generateFixture('bindings.yaml', run), 'index.ts'));
    t = await createRabbitMqTransport({
      url: AMQP,
      exchange: `ck-reconnect-${run}.default`,
      connectionName: name,
      reconnect: { initialDelayMs: 100 },
      onConnectionEvent: (e) => {
        events.push(e);
        // published while the connection is down: must wait for the new one and be confirmed there
        if (e === 'lost') duringOutage = gen.createBoundShopProducer(t).publishOrderPlaced({ orderId: 'during' }, { aggregateId: 'during', correlationId: 'c' });
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await t.deleteTopology();
  });

  it('re-declares the topology after the server closes the connection and keeps consuming', async () => {
    const placed: string[] = [];
    const audit: string[] = [];
    const c1 = await gen.consumeOnOrderPlaced(t, { group: `ck-reconnect-${run}.placed`, handler: async (e: EventEnvelope) => void placed.push((e.payload as { orderId: string }).orderId) });
    const c2 = await gen.consumeOnAudit(t, { handler: async (e: EventEnvelope) => void audit.push((e.payload as { text: string }).text) });
    const p = gen.createBoundShopProducer(t);
    await p.publishOrderPlaced({ orderId: 'before' }, { aggregateId: 'before', correlationId: 'c' });
    await p.publishAudit({ text: 'before' }, { aggregateId: 'a', correlationId: 'c' });
    await until(() => placed.length === 1 && audit.length === 1, 'deliveries before the close');

    expect(closeConnections(name)).toBe(1);
    await until(() => events.includes('recovered'), 'recovery');
    expect(events).toEqual(['lost', 'recovered']);
    await duringOutage;

    // the exclusive audit queue died with the old connection: only a re-declared queue and consumer get this
    await p.publishAudit({ text: 'after' }, { aggregateId: 'a', correlationId: 'c' });
    await p.publishOrderPlaced({ orderId: 'after' }, { aggregateId: 'after', correlationId: 'c' });
    await until(() => placed.length === 3 && audit.length === 2, 'deliveries after recovery');
    expect(placed.sort()).toEqual(['after', 'before', 'during']);
    expect(audit).toEqual(['before', 'after']);

    // the re-declared queue is again exclusive to the transport's (new) connection
    const probe = await amqp.connect(AMQP);
    const ch = await probe.createChannel();
    ch.on('error', () => undefined);
    const code = await ch.checkQueue(`ck-bind-${run}.audit`).then(() => 0, (err: { code?: number }) => err.code);
    await probe.close();
    expect(code).toBe(405);
    await c1.close();
    await c2.close();
  });
});
