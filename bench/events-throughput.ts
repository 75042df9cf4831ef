/**
 * Events benchmark (run with `--side generated|plain --broker rabbitmq|nats`):
 * publish + consume N `order.placed` v2 events.
 * - generated: the generated `publishOrderPlaced` of examples/orders (envelope,
 *   ajv standalone validation, confirmed publish) and a runtime consumer with
 *   the generated spec (parse, validate, dispatch, ack);
 * - plain: hand-written amqplib (confirm channel) / nats (JetStream) code
 *   sending the same bytes: the same envelope JSON and the same metadata
 *   (AMQP messageId/type/correlationId properties and event-type/version
 *   headers; NATS msgID = eventId and the mirrored headers), the same
 *   connection settings, consuming with JSON.parse + a plain ack.
 * Both sides keep WINDOW publishes in flight (each resolved by its own
 * confirm / PubAck), the same prefetch (RabbitMQ) or max_ack_pending and
 * pull batch (JetStream), and ack every message individually.
 * Fixed work per run, so the runner's wall-time ratio is a throughput ratio;
 * the script prints its own rate, its client CPU per event (steadier than
 * wall time on a shared machine) and the validation cost per event.
 */
import { randomUUID } from 'node:crypto';

const N = Number(process.env.CK_BENCH_EVENTS ?? 50_000);
const WINDOW = 256;
const AMQP = process.env.EVENTS_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672';
const NATS = process.env.EVENTS_TEST_NATS ?? '127.0.0.1:4222';
const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const side = arg('side');
const broker = arg('broker');
const payload = { orderId: '12345', customerId: '67890', total: { amount: '99.99', currency: 'USD' } };


async function workers(count: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: WINDOW }, async () => {
    while (next < count) await job(next++);
  }));
}

let cpuAtStart = process.cpuUsage();

/** Starts the clock (wall and this process's CPU). */
function start(): number {
  cpuAtStart = process.cpuUsage();
  return performance.now();
}

function report(label: string, started: number) {
  const s = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuUs = cpu.user + cpu.system;
  // CPU per event is the steadier figure on a shared machine: the broker and other processes move wall time around
  console.log(`${label}: ${N} events published and consumed in ${s.toFixed(2)} s = ${Math.round(N / s)} events/s; client CPU ${(cpuUs / 1e6).toFixed(2)} s = ${(cpuUs / N).toFixed(1)} µs/event`);
}

async function generated(): Promise<void> {
  const rt = await import('@contractkit/runtime/events');
  const { createOrderEventsProducer } = await import('../examples/orders/generated/events/producers.js');
  const { orderPlacedV2Spec } = await import('../examples/orders/generated/events/events.js');
  // validation cost alone
  const sample = rt.createEnvelope('order.placed', 2, payload, { aggregateId: 'o', correlationId: 'c' });
  // short (about 10 ms): this process's wall time is what the runner compares with the plain side's
  for (let i = 0; i < 2_000; i++) orderPlacedV2Spec.validate(sample);
  const rounds = 20_000;
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
  const started = start();
  await workers(N, (i) => producer.publishOrderPlaced(payload, { aggregateId: `o-${i}`, correlationId: 'bench' }));
  await all;
  report(`generated (${broker}, validated, confirmed)`, started);
  await consumer.close();
  if ('deleteTopology' in t) await (t as { deleteTopology(): Promise<void> }).deleteTopology();
  if ('deleteStreams' in t) await (t as { deleteStreams(): Promise<void> }).deleteStreams();
  await t.close();
}

/** The envelope a hand-written producer would build (same fields, same JSON as the generated one). */
const envelope = (i: number) => ({ eventId: randomUUID(), eventType: 'order.placed', eventVersion: 2, timestamp: new Date().toISOString(), aggregateId: `o-${i}`, correlationId: 'bench', payload });

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
  const started = start();
  // the same message the generated producer sends: the envelope as JSON, its id, type and correlation id as
  // AMQP properties and its type and version as headers; one confirm callback per publish, WINDOW in flight
  await workers(N, (i) => new Promise<void>((resolve, reject) => {
    const e = envelope(i);
    pub.publish(ex, 'order.placed', Buffer.from(JSON.stringify(e)), {
      persistent: true, contentType: 'application/json', messageId: e.eventId, type: e.eventType, correlationId: e.correlationId,
      timestamp: Math.floor(Date.now() / 1000), headers: { 'event-type': e.eventType, 'event-version': String(e.eventVersion) },
    }, (err) => (err ? reject(err) : resolve()));
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
  // the connection settings of the generated side's transport (no async stack trace per request)
  const nc = await nats.connect({ servers: NATS, noAsyncTraces: true });
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
      JSON.parse(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('utf8'));
      m.ack();
      if (++consumed === N) break;
    }
  })();
  const started = start();
  // the same message the generated producer sends: the envelope as JSON, Nats-Msg-Id = eventId, the mirrored headers
  await workers(N, async (i) => {
    const e = envelope(i);
    const h = nats.headers();
    h.set('event-id', e.eventId);
    h.set('event-type', e.eventType);
    h.set('event-version', String(e.eventVersion));
    h.set('correlation-id', e.correlationId);
    await js.publish(subject, Buffer.from(JSON.stringify(e)), { msgID: e.eventId, headers: h });
  });
  await loop;
  report('plain nats (JetStream, msgID)', started);
  await jsm.streams.delete(stream);
  await nc.drain();
}

if (side === 'generated') await generated();
else if (broker === 'nats') await plainNats();
else await plainRabbit();
