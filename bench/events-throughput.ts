/**
 * Events benchmark (run with `--side generated|plain --broker rabbitmq|nats`):
 * publish + consume N `order.placed` v2 events.
 * - generated: the generated `publishOrderPlaced` of examples/orders (envelope,
 *   ajv standalone validation, confirmed publish) and a runtime consumer with
 *   the generated spec (parse, validate, dispatch, ack);
 * - plain: hand-written amqplib (confirm channel) / nats (JetStream, msgID)
 *   code publishing the same JSON and consuming it with JSON.parse + ack.
 * Both keep the same number of publishes in flight and the same prefetch.
 * Fixed work per run, so the runner's wall-time ratio is a throughput ratio;
 * the script prints its own rates and the validation cost per event.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../contracts/source/package-files.js';

const N = Number(process.env.CK_BENCH_EVENTS ?? 50_000);
const WINDOW = 256;
const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const NATS = process.env.EVENTS_TEST_NATS ?? '127.0.0.1:4222';
const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const side = arg('side');
const broker = arg('broker');
const payload = { orderId: '12345', customerId: '67890', total: { amount: '99.99', currency: 'USD' } };

// tsc does not copy the generated standalone validators (plain JS) into dist: bring them along
const here = dirname(fileURLToPath(import.meta.url));
const genDist = join(here, '..', 'examples', 'orders', 'generated', 'events');
if (!existsSync(join(genDist, 'validators.js'))) copyFileSync(join(packageRoot(), 'examples/orders/generated/events/validators.js'), join(genDist, 'validators.js'));

async function workers(count: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: WINDOW }, async () => {
    while (next < count) await job(next++);
  }));
}

function report(label: string, started: number) {
  const s = (performance.now() - started) / 1000;
  console.log(`${label}: ${N} events published and consumed in ${s.toFixed(2)} s = ${Math.round(N / s)} events/s`);
}

async function generated(): Promise<void> {
  const rt = await import('@contractkit/runtime/events');
  const { createOrderEventsProducer } = await import('../examples/orders/generated/events/producers.js');
  const { orderPlacedV2Spec } = await import('../examples/orders/generated/events/events.js');
  // validation cost alone
  const sample = rt.createEnvelope('order.placed', 2, payload, { aggregateId: 'o', correlationId: 'c' });
  const rounds = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) orderPlacedV2Spec.validate(sample);
  console.log(`ajv standalone validation of order.placed v2: ${(((performance.now() - t0) * 1000) / rounds).toFixed(3)} µs/event`);

  const tag = randomUUID().slice(0, 8);
  const t = broker === 'nats'
    ? await rt.createNatsTransport({ servers: NATS, stream: `CK_BENCH_${tag}`, subjects: ['order.placed'], subjectPrefix: `bench${tag}` })
    : await rt.createRabbitMqTransport({ url: AMQP, exchange: `ck-bench-${tag}` });
  let consumed = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const consumer = await rt.createConsumer({
    transport: t, address: 'order.placed', group: `ck-bench-${tag}`, concurrency: WINDOW,
    events: [{ eventType: 'order.placed', versions: [orderPlacedV2Spec] }],
    handler: async () => void (++consumed === N && done()),
  });
  const producer = createOrderEventsProducer(t);
  const started = performance.now();
  await workers(N, async (i) => void (await producer.publishOrderPlaced(payload, { aggregateId: `o-${i}`, correlationId: 'bench' })));
  await all;
  report(`generated (${broker}, validated, confirmed)`, started);
  await consumer.close();
  if ('deleteTopology' in t) await (t as { deleteTopology(): Promise<void> }).deleteTopology();
  if ('deleteStreams' in t) await (t as { deleteStreams(): Promise<void> }).deleteStreams();
  await t.close();
}

const body = (i: number) => Buffer.from(JSON.stringify({ eventId: randomUUID(), eventType: 'order.placed', eventVersion: 2, timestamp: new Date().toISOString(), aggregateId: `o-${i}`, correlationId: 'bench', payload }));

async function plainRabbit(): Promise<void> {
  const amqp = (await import('amqplib')).default;
  const tag = randomUUID().slice(0, 8);
  const conn = await amqp.connect(AMQP);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createChannel();
  const ex = `ck-bench-plain-${tag}`;
  await pub.assertExchange(ex, 'topic', { durable: true });
  await sub.assertQueue(ex, { durable: true });
  await sub.bindQueue(ex, ex, 'order.placed');
  await sub.prefetch(WINDOW);
  let consumed = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  await sub.consume(ex, (m) => {
    if (!m) return;
    JSON.parse(m.content.toString());
    sub.ack(m);
    if (++consumed === N) done();
  });
  const started = performance.now();
  await workers(N, (i) => new Promise<void>((resolve, reject) => {
    const b = body(i);
    pub.publish(ex, 'order.placed', b, { persistent: true, contentType: 'application/json', headers: {} }, (err) => (err ? reject(err) : resolve()));
  }));
  await all;
  report('plain amqplib (confirmed)', started);
  await sub.deleteQueue(ex);
  await pub.deleteExchange(ex);
  await conn.close();
}

async function plainNats(): Promise<void> {
  const nats = await import('nats');
  const tag = randomUUID().slice(0, 8);
  const nc = await nats.connect({ servers: NATS });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const stream = `CK_BENCH_PLAIN_${tag}`;
  const subject = `benchplain${tag}.order.placed`;
  await jsm.streams.add({ name: stream, subjects: [subject] });
  await jsm.consumers.add(stream, { durable_name: 'plain', ack_policy: nats.AckPolicy.Explicit, max_ack_pending: 1000 });
  const c = await js.consumers.get(stream, 'plain');
  const messages = await c.consume({ max_messages: WINDOW * 64 });
  let consumed = 0;
  const loop = (async () => {
    for await (const m of messages) {
      JSON.parse(new TextDecoder().decode(m.data));
      m.ack();
      if (++consumed === N) break;
    }
  })();
  const started = performance.now();
  await workers(N, async (i) => void (await js.publish(subject, body(i), { msgID: randomUUID() })));
  await loop;
  report('plain nats (JetStream, msgID)', started);
  await jsm.streams.delete(stream);
  await nc.drain();
}

if (side === 'generated') await generated();
else if (broker === 'nats') await plainNats();
else await plainRabbit();
