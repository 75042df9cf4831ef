/**
 * Builds the {@link SystemMap} from a loaded ContractModel: a pure function
 * (no files, no config), so the CLI, the renderers and `--against` share it.
 *
 * Events are keyed as the `event-has-consumer`/`event-has-producer` rules key
 * them (event type, else message id), so the producer's and the consumers'
 * documents meet even when they name channels and operations differently.
 */
import type { ContractModel, SagaContract } from '../model/types.js';
import { namedTypeOf } from '../model/graphql.js';
import type { GraphQLTypeRef } from '../model/graphql.js';
import { betterName, documentService, protoService, serviceKey, type ServiceName } from './services.js';
import { addEventUses, asyncServers, finishEvent, orphanFindings } from './events.js';
import { mapSaga, sagaFindings } from './sagas.js';
import type { MapEdge, MapEvent, MapOperation, MapSaga, MapService, SystemMap } from './types.js';

export { eventKey } from './events.js';

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
  const sagas = contracts.filter((c): c is SagaContract => c.kind === 'saga').map((s) => mapSaga(s, model, (name) => services.list().find((x) => x.contracts.includes(name))?.id, opById, events));
  const findings = [...orphanFindings(events, (key) => services.name(key)), ...sagaFindings(sagas, model)];
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
