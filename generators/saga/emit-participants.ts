/**
 * `<saga>.participants.ts` (regenerated): the saga's participants wired to the
 * generated clients of the contracts it calls — REST functions of the
 * rest-client output, gRPC clients of the grpc output, the producer and
 * reply consumers of the events output. Every call carries the step's
 * idempotency key: the `Idempotency-Key` header (REST), `idempotency-key`
 * metadata (gRPC) or a deterministic eventId (events). An event step with a
 * `reply` waits for it in a {@link ReplyInbox}, matched by correlationId (the
 * saga id), fed by the events runtime's consumers.
 */
import type { Finding } from '../../contracts/finding.js';
import { findEventMessage } from '../../contracts/saga/references.js';
import type { AsyncApiContract, OpenApiContract } from '../../contracts/model/types.js';
import { camelCase, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import type { GeneratedFile } from '../core/registry.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import { planEvents, type EventsPlan } from '../events/plan.js';
import type { ClientSource } from './clients.js';
import { sagaFileNames } from './emit-module.js';
import type { CallView, SagaView } from './saga-view.js';

const SAGA = '@contractkit/runtime/saga';
const GROUP_OF = { path: 'path', query: 'query', header: 'headers', cookie: 'cookies' } as const;

/** File name of the wiring module. */
export const participantsFileName = (saga: string) => `${saga}.participants.ts`;

const js = (dir: string, file: string) => `${dir}/${file}.js`;

interface Ctx {
  f: TsFile;
  v: SagaView;
  fail(message: string, hint: string): void;
}

/** One client group of `<Name>Clients`: its type and, per method, the adapter's body. */
interface Group {
  type: string;
  doc: string;
  setup: string[];
  methods: string[];
  /** For events with replies: consumers to start (`consumeX(transport, …)`). */
  replyConsumers: string[];
}

function restGroup(c: Ctx, src: ClientSource, methods: CallView[]): Group {
  const httpClient = c.f.importType('HttpClient', '@contractkit/runtime/http');
  const contract = src.contract as OpenApiContract;
  const out: string[] = [];
  for (const m of methods) {
    const resolved = m.source!.resolved;
    const op = resolved.kind === 'openapi' ? resolved.operation : undefined;
    if (!op) continue; // reported by the view
    const fn = c.f.importValue(camelCase(op.operationId ?? ''), js(src.dir, 'index'));
    const groups = new Map<string, string[]>();
    for (const p of op.parameters) {
      if (p.in === 'cookie' || (p.in === 'header' && p.name === op.idempotencyKey?.name)) continue;
      const g = GROUP_OF[p.in];
      groups.set(g, [...(groups.get(g) ?? []), `${propertyKey(p.name)}: request[${stringLiteral(p.name)}]`]);
    }
    const args = [...groups].map(([g, props]) => `${g}: { ${props.join(', ')} }`);
    if (op.requestBody) args.push('body: request.body');
    const argText = args.length ? `{ ${args.join(', ')} }` : '{}';
    out.push(
      docComment([m.label], '      '),
      `      ${propertyKey(m.method)}: (request, ctx) => ${fn}(clients.${propertyKey(src.alias)}, ${argText}, { idempotencyKey: ctx.idempotencyKey, signal: ctx.signal }),\n`,
    );
  }
  return { type: httpClient, doc: `HTTP client of ${contract.title || src.alias} (e.g. \`createHttpClient({ baseUrl })\` or the generated client factory's \`.client\`).`, setup: [], methods: out, replyConsumers: [] };
}

function grpcGroup(c: Ctx, src: ClientSource, methods: CallView[]): Group {
  const services = new Map<string, string>();
  const out: string[] = [];
  for (const m of methods) {
    const resolved = m.source!.resolved;
    const rpc = resolved.kind === 'proto' ? resolved.method : undefined;
    const service = resolved.kind === 'proto' ? resolved.service : undefined;
    if (!rpc || !service) continue;
    const key = camelCase(service.name);
    if (!services.has(key)) services.set(key, c.f.importType(`${pascalCase(service.name)}Client`, js(src.dir, `${service.protoFile.replace(/\.proto$/, '')}_grpc`)));
    out.push(
      docComment([m.label], '      '),
      `      ${propertyKey(m.method)}: (request, ctx) => clients.${propertyKey(src.alias)}.${propertyKey(key)}.${camelCase(rpc.name)}(request, { metadata: { 'idempotency-key': ctx.idempotencyKey }, signal: ctx.signal }),\n`,
    );
  }
  const type = `{ ${[...services].map(([k, t]) => `${propertyKey(k)}: ${t}`).join('; ')} }`;
  return { type, doc: `gRPC clients of \`${src.alias}\` (\`create<Service>Client(target)\` of the generated grpc output).`, setup: [], methods: out, replyConsumers: [] };
}

function eventsGroup(c: Ctx, src: ClientSource, methods: CallView[], plan: EventsPlan): Group {
  const contract = src.contract as AsyncApiContract;
  const transport = c.f.importType('Transport', '@contractkit/runtime/events');
  const alias = propertyKey(src.alias);
  const producer = c.f.declare(camelCase(`${src.alias} producer`));
  const factory = c.f.importValue(`create${pascalCase(src.generatedName)}Producer`, js(src.dir, 'index'));
  const eventId = c.f.importValue('sagaEventId', SAGA);
  const out: string[] = [];
  const consumers = new Set<string>();
  let replies = false;
  const eventTypeOf = (message: string, what: string) => {
    const msg = findEventMessage(contract, message);
    const planned = msg && plan.messages.find((p) => p.message.id === msg.id);
    if (!planned) return void c.fail(`the ${what} message ${JSON.stringify(message)} of ${src.alias} has no generated type.`, 'Give the message a payload schema.');
    const receiver = plan.operations.find((o) => o.action === 'receive' && o.groups.some((g) => g.versions.includes(planned)));
    if (!receiver) return void c.fail(`no receive operation of ${src.alias} carries the ${what} message ${JSON.stringify(message)}, so no consumer is generated for it.`, `Add a \`receive\` operation for ${message} to the AsyncAPI document.`);
    consumers.add(c.f.importValue(camelCase(`consume ${receiver.id}`), js(src.dir, 'index')));
    return planned;
  };
  for (const m of methods) {
    const call = m.source!.call as { send: string; reply?: string; failure?: string };
    const op = plan.operations.find((o) => o.id === call.send && o.action === 'send');
    const group = op?.groups[0];
    if (!op || !group) continue;
    const method = op.groups.length === 1 ? camelCase(op.id) : camelCase(`${op.id} ${group.eventType}`);
    // the message schema is the whole envelope (the seed's convention) or only the event data
    const envelope = group.latest.validates === 'envelope';
    const data = envelope ? 'request.payload' : 'request';
    const params = op.channel.params.map((p) => `${propertyKey(p)}: String((${data} as Record<string, unknown>)[${stringLiteral(p)}])`);
    const meta = [
      `aggregateId: ${envelope ? 'request.aggregateId' : 'ctx.sagaId'}`,
      'correlationId: ctx.sagaId',
      ...(envelope ? ['causationId: request.causationId', 'timestamp: request.timestamp'] : []),
      'eventId',
      ...(params.length ? [`params: { ${params.join(', ')} }`] : []),
    ];
    const send = `${producer}.${method}(${data}, { ${meta.join(', ')} })`;
    if (call.reply) {
      replies = true;
      const reply = eventTypeOf(call.reply, 'reply');
      const failure = call.failure ? eventTypeOf(call.failure, 'failure') : undefined;
      if (reply === undefined || (call.failure && failure === undefined)) continue;
      const replyEnvelope = reply.validates === 'envelope';
      const response = /^[A-Za-z_$][\w$]*$/.test(m.response) ? c.f.importType(m.response, `./${sagaFileNames(c.v.saga.saga).module.replace(/\.ts$/, '.js')}`) : m.response;
      const expected = replyEnvelope ? response : `${c.f.importType('ReplyEnvelope', SAGA)} & { payload: ${response} }`;
      out.push(
        docComment([m.label, 'Starts waiting for the reply (correlationId = the saga id, causationId = the command) before sending, so an early reply is not missed.'], '      '),
        `      ${propertyKey(m.method)}: async (request, ctx) => {\n`,
        `        const eventId = ${eventId}(ctx.idempotencyKey);\n`,
        `        const reply = clients.${alias}.replies.expect<${expected}>({ correlationId: ctx.sagaId, causationId: eventId, reply: [${stringLiteral(reply.eventType)}], failure: [${failure ? stringLiteral(failure.eventType) : ''}], signal: ctx.signal });\n`,
        `        reply.catch(() => undefined); // awaited below; a failed send must not leave it unhandled\n`,
        `        await ${send};\n`,
        replyEnvelope ? `        return reply;\n` : `        return (await reply).payload;\n`,
        '      },\n',
      );
    } else {
      out.push(docComment([m.label, "Completes on the broker's confirmation."], '      '), `      ${propertyKey(m.method)}: async (request, ctx) => {\n        const eventId = ${eventId}(ctx.idempotencyKey);\n        await ${send};\n      },\n`);
    }
  }
  const inbox = replies ? `; replies: ${c.f.importType('ReplyInbox', SAGA)}` : '';
  return {
    type: `{ transport: ${transport}${inbox} }`,
    doc: `Events of \`${src.alias}\`: the transport (\`createOutboxTransport({ pool, inner })\` sends the commands through the PostgreSQL outbox)${replies ? ' and the inbox the replies arrive in (`createReplyInbox()`, fed by `start…Replies`)' : ''}.`,
    setup: [`  const ${producer} = ${factory}(clients.${alias}.transport);\n`],
    methods: out,
    replyConsumers: [...consumers].map((fn) => `${fn}(clients.${alias}.transport, { ...options, group: options.group === undefined ? undefined : options.group + ${stringLiteral(`.${fn}`)}, handler: async (event) => void clients.${alias}.replies.deliver(event) })`),
  };
}

/** Prints `<saga>.participants.ts`; findings when a call has no generated client to wire. */
export function emitParticipants(v: SagaView, sources: Map<string, ClientSource>): { file?: GeneratedFile; findings: Finding[] } {
  const findings: Finding[] = [];
  const names = sagaFileNames(v.saga.saga);
  const f = createTsFile(participantsFileName(v.saga.saga));
  const mod = `./${names.module.replace(/\.ts$/, '.js')}`;
  const P = f.importType(`${v.base}Participants`, mod);
  const clientsType = f.declare(`${v.base}Clients`);
  const create = f.declare(`create${v.base}Participants`);
  const startReplies = f.declare(`start${v.base}Replies`);
  const ctx: Ctx = {
    f,
    v,
    fail: (message, hint) => findings.push({ ruleId: 'generate/saga-reference', severity: 'error', kind: 'saga', file: v.saga.file, pointer: '/contracts', message: `Saga ${v.saga.saga}: ${message}`, hint }),
  };
  const groups = new Map<string, Group>();
  for (const [participant, methods] of v.participants) {
    const list = [...methods.values()];
    const src = [...sources.values()].find((s) => camelCase(s.alias) === participant);
    if (!src) continue;
    if (src.target === 'rest-client') groups.set(src.alias, restGroup(ctx, src, list));
    else if (src.target === 'grpc') groups.set(src.alias, grpcGroup(ctx, src, list));
    else {
      const { plan, findings: problems } = planEvents(src.contract as AsyncApiContract);
      if (!plan) findings.push(...problems);
      else groups.set(src.alias, eventsGroup(ctx, src, list, plan));
    }
  }
  if (findings.length) return { findings };

  f.print(docComment([`The clients the ${v.saga.saga} saga's participants are wired to, one entry per contract it calls.`]), `export interface ${clientsType} {\n`);
  for (const [alias, g] of groups) f.print(docComment([g.doc], '  '), `  ${propertyKey(alias)}: ${g.type};\n`);
  f.print('}\n\n');

  f.print(
    docComment([`The ${v.saga.saga} saga's participants on the generated clients: pass the result to \`create${v.base}Saga\`.`, 'Every call sends the step\'s idempotency key `<sagaId>:<step>:<do|undo>` (REST `Idempotency-Key` header, gRPC `idempotency-key` metadata, events: the eventId derived from it) and honors the step\'s abort signal.']),
    `export function ${create}(clients: ${clientsType}): ${P} {\n`,
  );
  for (const g of groups.values()) f.print(...g.setup);
  f.print('  return {\n');
  for (const [alias, g] of groups) f.print(`    ${propertyKey(camelCase(alias))}: {\n`, ...g.methods, '    },\n');
  f.print('  };\n}\n\n');

  const consumers = [...groups.values()].flatMap((g) => g.replyConsumers);
  if (consumers.length) {
    const consumer = f.importType('Consumer', '@contractkit/runtime/events');
    const store = f.importType('ProcessedEventStore', '@contractkit/runtime/events');
    f.print(
      docComment([
        `Starts the consumers of the replies the ${v.saga.saga} saga waits for and hands each reply to its inbox.`,
        'Pass a processed-event store to drop redelivered replies; `group` prefixes the consumer groups (default: the generated ones).',
        'Close the returned consumers on shutdown.',
      ]),
      `export async function ${startReplies}(clients: ${clientsType}, options: { store?: ${store}; group?: string } = {}): Promise<${consumer}[]> {\n`,
      `  return Promise.all([\n${consumers.map((c) => `    ${c},\n`).join('')}  ]);\n}\n`,
    );
  }
  return { file: f.toGeneratedFile(), findings };
}
