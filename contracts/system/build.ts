/**
 * Builds the {@link SystemMap} from a loaded ContractModel: a pure function
 * (no files, no config), so the CLI, the renderers and `--against` share it.
 *
 * Events are keyed as the `event-has-consumer`/`event-has-producer` rules key
 * them (event type, else message id), so the producer's and the consumers'
 * documents meet even when they name channels and operations differently.
 */
import { resolve } from 'node:path';
import type { Finding } from '../finding.js';
import type { AsyncApiContract, Contract, ContractModel, EventMessage, SagaCall, SagaContract } from '../model/types.js';
import { namedTypeOf } from '../model/graphql.js';
import type { GraphQLTypeRef } from '../model/graphql.js';
import { betterName, documentService, protoService, serviceKey, type ServiceName } from './services.js';
import type { MapEdge, MapEvent, MapEventUse, MapOperation, MapSaga, MapSagaCall, MapService, SystemMap } from './types.js';

/** The map of every contract in `model`. */
export function buildSystemMap(model: ContractModel): SystemMap {
  const services = new ServiceIndex();
  const operations: MapOperation[] = [];
  const events = new Map<string, MapEvent>();
  const producerMessages = new Set<string>();

  // in name order, so the map does not depend on the config's order
  const contracts = [...model.contracts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const c of contracts) {
    if (c.kind === 'openapi') {
      const svc = services.add(documentService(c), c.name, c.document);
      for (const s of c.servers) services.server(svc, s.url);
      for (const op of c.operations) {
        operations.push({
          id: `rest:${c.name}:${op.operationId ?? `${op.method.toUpperCase()} ${op.path}`}`,
          kind: 'rest',
          service: svc,
          contract: c.name,
          name: op.operationId ?? `${op.method.toUpperCase()} ${op.path}`,
          signature: `${op.method.toUpperCase()} ${op.path}`,
          ...(op.summary ? { summary: op.summary } : {}),
          deprecated: op.deprecated,
          calledBy: [],
          location: op.location,
        });
      }
    } else if (c.kind === 'proto') {
      for (const s of c.services) {
        const svc = services.add(protoService(s.package, c.name), c.name);
        for (const m of s.methods) {
          operations.push({
            id: `rpc:${m.path.replace(/^\//, '')}`,
            kind: 'rpc',
            service: svc,
            contract: c.name,
            name: `${s.name}.${m.name}`,
            signature: `${m.path} (${m.input} → ${m.output}${m.kind === 'unary' ? '' : `, ${m.kind.replace('_', ' ')}`})`,
            deprecated: m.deprecated,
            calledBy: [],
            location: m.location,
          });
        }
      }
    } else if (c.kind === 'graphql') {
      const svc = services.add({ name: c.subgraph, origin: 'graphql-subgraph' }, c.name);
      for (const typeName of Object.values(c.rootTypes)) {
        const type = c.types.find((t) => t.name === typeName);
        for (const f of type?.fields ?? []) {
          const args = f.args.map((a) => `${a.name}: ${a.typeText}`).join(', ');
          operations.push({
            id: `graphql:${c.subgraph}:${type!.name}.${f.name}`,
            kind: 'graphql',
            service: svc,
            contract: c.name,
            name: `${type!.name}.${f.name}`,
            signature: `${f.name}${args ? `(${args})` : ''}: ${typeText(f.type)}`,
            ...(f.description ? { summary: f.description } : {}),
            deprecated: f.deprecated !== undefined,
            calledBy: [],
            location: f.location,
          });
        }
      }
    } else if (c.kind === 'asyncapi') {
      const svc = services.add(documentService(c), c.name, c.document);
      for (const s of asyncServers(c)) services.server(svc, s);
      addEventUses(c, svc, events, producerMessages);
    }
  }

  const opById = new Map(operations.map((o) => [o.id, o]));
  const sagas = contracts.filter((c): c is SagaContract => c.kind === 'saga').map((s) => mapSaga(s, model, services, opById, events));
  const findings = [...orphanFindings(events), ...sagaFindings(sagas, model)];
  return {
    services: services.list(),
    operations: operations.sort(byId),
    events: [...events.values()].map(finishEvent).sort(byId),
    sagas: sagas.sort(byId),
    edges: edgesOf([...events.values()], sagas, opById),
    findings,
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function typeText(ref: GraphQLTypeRef): string {
  const inner = ref.kind === 'named' ? namedTypeOf(ref) : `[${typeText(ref.ofType)}]`;
  return ref.nonNull ? `${inner}!` : inner;
}

/** Services by their shared key (see services.ts), with the best name seen. */
class ServiceIndex {
  private readonly byKey = new Map<string, { name: ServiceName; contracts: Set<string>; servers: Set<string>; description?: string }>();

  /** Registers `contract` as describing the service `name`; returns the service key. */
  add(name: ServiceName, contract: string, document?: Record<string, unknown>): string {
    const key = serviceKey(name.name);
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { name, contracts: new Set(), servers: new Set() }));
    else if (betterName(name, entry.name)) entry.name = name;
    entry.contracts.add(contract);
    const info = document?.info as Record<string, unknown> | undefined;
    if (!entry.description && typeof info?.description === 'string') entry.description = info.description.trim();
    return key;
  }

  server(key: string, text: string): void {
    this.byKey.get(key)?.servers.add(text);
  }

  /** The display name of a service key. */
  name(key: string): string {
    return this.byKey.get(key)?.name.name ?? key;
  }

  /** The services, ids rewritten to slugs of their best names, sorted by id. */
  list(): MapService[] {
    return [...this.byKey.entries()]
      .map(([key, e]) => ({
        id: key,
        name: e.name.name,
        contracts: [...e.contracts].sort(),
        origin: e.name.origin,
        ...(e.description ? { description: e.description } : {}),
        servers: [...e.servers].sort(),
      }))
      .sort(byId);
  }
}

function asyncServers(c: AsyncApiContract): string[] {
  const servers = (c.document.servers ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(servers).map(([name, s]) => {
    const where = [s.host, s.pathname].filter((x) => typeof x === 'string').join('') || (typeof s.url === 'string' ? s.url : '');
    return `${name}: ${typeof s.protocol === 'string' ? s.protocol : ''} ${where}`.replace(/\s+/g, ' ').trim();
  });
}

/** The event key the event rules use: event type, else message id. */
export function eventKey(message: EventMessage | undefined, messageId: string): string {
  return message?.eventType ?? messageId;
}

function addEventUses(c: AsyncApiContract, svc: string, events: Map<string, MapEvent>, producerMessages: Set<string>): void {
  const messages = new Map(c.messages.map((m) => [m.id, m]));
  const channels = new Map(c.channels.map((ch) => [ch.id, ch]));
  for (const op of c.operations) {
    const add = (id: string, action: 'send' | 'receive', reply: boolean, channelId: string | undefined): void => {
      const message = messages.get(id);
      const key = eventKey(message, id);
      let ev = events.get(key);
      if (!ev) events.set(key, (ev = { id: `event:${key}`, key, addresses: [], messages: [], producers: [], consumers: [], usedBy: [], sources: [] }));
      const channel = channelId ? channels.get(channelId) : undefined;
      const address = channel?.address;
      for (const where of [message?.location, channel?.location]) {
        if (where && !ev.sources.some((x) => x.file === where.file && x.pointer === where.pointer)) ev.sources.push(where);
      }
      if (address && !ev.addresses.includes(address)) ev.addresses.push(address);
      // the producer's definition of a message wins over a consumer's copy
      const seen = ev.messages.findIndex((m) => m.id === id);
      if (seen >= 0 && action === 'send' && !producerMessages.has(`${key}|${id}`)) ev.messages.splice(seen, 1);
      if (action === 'send') producerMessages.add(`${key}|${id}`);
      if (!ev.messages.some((m) => m.id === id)) {
        ev.messages.push({
          id,
          ...(message?.version !== undefined ? { version: message.version } : {}),
          ...(message?.contentType ?? c.defaultContentType ? { contentType: (message?.contentType ?? c.defaultContentType)! } : {}),
          ...(message?.payload !== undefined ? { payload: message.payload } : {}),
        });
      }
      const use: MapEventUse = { service: svc, contract: c.name, operation: op.id, reply, location: op.location };
      const list = action === 'send' ? ev.producers : ev.consumers;
      if (!list.some((u) => u.contract === use.contract && u.operation === use.operation)) list.push(use);
    };
    for (const id of op.messages) add(id, op.action, false, op.channel);
    // the side that sends a request receives its reply, and the other way round
    const replyAction = op.action === 'send' ? 'receive' : 'send';
    for (const id of op.reply?.messages ?? []) add(id, replyAction, true, op.reply?.channel ?? op.channel);
  }
}

function finishEvent(ev: MapEvent): MapEvent {
  const byUse = (a: MapEventUse, b: MapEventUse) => (a.service + a.contract + a.operation < b.service + b.contract + b.operation ? -1 : 1);
  return {
    ...ev,
    addresses: [...ev.addresses].sort(),
    messages: [...ev.messages].sort((a, b) => (a.version ?? 0) - (b.version ?? 0) || (a.id < b.id ? -1 : 1)),
    producers: [...ev.producers].sort(byUse),
    consumers: [...ev.consumers].sort(byUse),
    usedBy: [...new Set(ev.usedBy)].sort(),
    sources: [...ev.sources].sort((a, b) => (`${a.file}#${a.pointer ?? ''}` < `${b.file}#${b.pointer ?? ''}` ? -1 : 1)),
  };
}

function contractAt(model: ContractModel, path: string | undefined, kind: Contract['kind']): Contract | undefined {
  if (!path) return undefined;
  const abs = resolve(path);
  return model.contracts.find((c) => c.kind === kind && (resolve(c.file) === abs || ('root' in c && resolve(c.root) === abs)));
}

function mapSaga(saga: SagaContract, model: ContractModel, services: ServiceIndex, ops: Map<string, MapOperation>, events: Map<string, MapEvent>): MapSaga {
  const id = `saga:${saga.saga}`;
  let owner: string | undefined;
  const resolveCall = (call: SagaCall): MapSagaCall => {
    if ('local' in call) return { label: `local ${call.local}`, targets: [], services: [] };
    if ('openapi' in call) {
      const c = contractAt(model, saga.contracts[call.openapi], 'openapi');
      const op = c ? ops.get(`rest:${c.name}:${call.operationId}`) : undefined;
      if (op) op.calledBy.push(saga.saga);
      return { label: `REST ${call.openapi}.${call.operationId}`, targets: op ? [op.id] : [], services: op ? [op.service] : [] };
    }
    if ('grpc' in call) {
      const op = ops.get(`rpc:${call.method.replace(/^\//, '')}`);
      if (op) op.calledBy.push(saga.saga);
      return { label: `gRPC ${call.method}`, targets: op ? [op.id] : [], services: op ? [op.service] : [] };
    }
    const c = contractAt(model, saga.contracts[call.asyncapi], 'asyncapi') as AsyncApiContract | undefined;
    const label = `event ${call.send}${call.reply ? ` → ${call.reply}` : ''}`;
    if (!c) return { label, targets: [], services: [] };
    owner ??= [...services.list()].find((s) => s.contracts.includes(c.name))?.id;
    const targets: string[] = [];
    const reached = new Set<string>();
    for (const opId of [call.send, call.reply, call.failure]) {
      if (!opId) continue;
      // `send` names an operation; `reply` and `failure` name a message (or the operation receiving it)
      const op = c.operations.find((o) => o.id === opId);
      const mids = op ? op.messages : c.messages.some((m) => m.id === opId) ? [opId] : [];
      for (const mid of mids) {
        const ev = events.get(eventKey(c.messages.find((m) => m.id === mid), mid));
        if (!ev) continue;
        ev.usedBy.push(saga.saga);
        if (!targets.includes(ev.id)) targets.push(ev.id);
        // the command reaches its consumers; a reply comes from its producers
        for (const u of opId === call.send ? ev.consumers : ev.producers) if (u.contract !== c.name) reached.add(u.service);
      }
    }
    return { label, targets, services: [...reached].sort() };
  };
  const steps = saga.steps.map((step) => ({
    name: step.name,
    pivot: step.pivot,
    call: resolveCall(step.call),
    ...(step.compensate ? { compensate: resolveCall(step.compensate) } : {}),
  }));
  // without an event contract, the saga runs in the service of its first REST call
  owner ??= steps.find((s) => s.call.label.startsWith('REST '))?.call.services[0];
  return {
    id,
    saga: saga.saga,
    version: saga.version,
    contract: saga.name,
    ...(saga.description ? { description: saga.description } : {}),
    ...(owner ? { service: owner } : {}),
    steps,
    location: { file: saga.file, pointer: '' },
  };
}

function edgesOf(events: MapEvent[], sagas: MapSaga[], ops: Map<string, MapOperation>): MapEdge[] {
  const edges = new Map<string, MapEdge>();
  const add = (from: string, to: string, kind: MapEdge['kind'], label: string): void => {
    const k = `${kind}|${from}|${to}`;
    let e = edges.get(k);
    if (!e) edges.set(k, (e = { from, to, kind, labels: [] }));
    if (label && !e.labels.includes(label)) e.labels.push(label);
  };
  for (const ev of events) for (const p of ev.producers) for (const c of ev.consumers) if (p.service !== c.service) add(p.service, c.service, 'event', ev.key);
  for (const saga of sagas) {
    if (saga.service) add(saga.service, saga.id, 'runs', '');
    for (const step of saga.steps) {
      for (const call of [step.call, step.compensate]) {
        if (!call) continue;
        for (const t of call.targets) {
          const op = ops.get(t);
          if (op) add(saga.id, op.service, 'call', op.name);
        }
        if (call.label.startsWith('event ')) for (const s of call.services) add(saga.id, s, 'call', call.label.slice('event '.length).split(' ')[0]!);
      }
    }
  }
  return [...edges.values()]
    .map((e) => ({ ...e, labels: [...e.labels].sort() }))
    .sort((a, b) => (`${a.from}|${a.to}|${a.kind}` < `${b.from}|${b.to}|${b.kind}` ? -1 : 1));
}

function orphanFindings(events: Map<string, MapEvent>): Finding[] {
  const out: Finding[] = [];
  for (const ev of [...events.values()].sort(byId)) {
    if (ev.consumers.length === 0) {
      for (const p of ev.producers) {
        out.push({
          ruleId: 'map-event-no-consumer',
          severity: 'warning',
          kind: 'asyncapi',
          file: p.location.file,
          ...(p.location.pointer !== undefined ? { pointer: p.location.pointer } : {}),
          onKey: true,
          message: `Event \`${ev.key}\` is sent by ${p.service} (operation \`${p.operation}\`) but no service of the map receives it.`,
          hint: 'Add the consuming service\'s AsyncAPI document (with a `receive` operation) to contractkit.yaml, or remove the event if nothing needs it.',
        });
      }
    }
    if (ev.producers.length === 0) {
      for (const c of ev.consumers) {
        out.push({
          ruleId: 'map-event-no-producer',
          severity: 'warning',
          kind: 'asyncapi',
          file: c.location.file,
          ...(c.location.pointer !== undefined ? { pointer: c.location.pointer } : {}),
          onKey: true,
          message: `Event \`${ev.key}\` is received by ${c.service} (operation \`${c.operation}\`) but no service of the map sends it.`,
          hint: 'Add the producing service\'s AsyncAPI document (with a `send` operation) to contractkit.yaml, or drop the receive operation.',
        });
      }
    }
  }
  return out;
}

function sagaFindings(sagas: MapSaga[], model: ContractModel): Finding[] {
  const out: Finding[] = [];
  for (const saga of sagas) {
    const contract = model.contracts.find((c) => c.kind === 'saga' && c.name === saga.contract) as SagaContract;
    saga.steps.forEach((step, i) => {
      for (const [call, what] of [[step.call, 'call'], [step.compensate, 'compensate']] as const) {
        if (!call || call.label.startsWith('local ') || call.targets.length > 0) continue;
        out.push({
          ruleId: 'map-saga-call-unresolved',
          severity: 'warning',
          kind: 'saga',
          file: contract.file,
          pointer: `/steps/${i}/${what}`,
          message: `Saga \`${saga.saga}\` step \`${step.name}\` ${what}s ${call.label}, which no contract of the map offers.`,
          hint: 'List the contract the step calls under `contracts` in contractkit.yaml (and in the saga\'s `contracts:`), or fix the operation name.',
        });
      }
    });
  }
  return out;
}
