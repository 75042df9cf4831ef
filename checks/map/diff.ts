/**
 * What a change does to the system map: elements added and removed (by id),
 * and the breaking-check findings placed on the element (and service) they
 * are about. The merged map (current plus what was removed) is what a diff
 * draws, so removed services and edges can be shown struck through.
 */
import type { Finding } from '../../contracts/finding.js';
import type { MapEdge, SystemMap } from '../../contracts/system/types.js';
import { edgeKey, type ChangeMark, type MapMarks } from '../../contracts/system/marks.js';

/** One element of the map a change touched. */
export interface MapChange {
  /** `service`, `operation`, `event`, `saga`, `edge`. */
  what: 'service' | 'operation' | 'event' | 'saga' | 'edge';
  id: string;
  /** The name shown (`createOrder (orders)`, `orders → inventory: order.cancelled`). */
  label: string;
}

/** A breaking-check finding placed on the map. */
export interface MapBreak {
  finding: Finding;
  /** The element it is about, when one is found. */
  element?: string;
  /** The service it is about, when one is found. */
  service?: string;
}

/** The diff of two maps. */
export interface MapDiff {
  added: MapChange[];
  removed: MapChange[];
  breaking: MapBreak[];
  /** Map findings (nobody produces or consumes) the change brings, by message. */
  newFindings: Finding[];
  /** The current map plus the removed services, sagas and edges. */
  merged: SystemMap;
  marks: MapMarks;
}

interface Located {
  id: string;
  service?: string;
  file: string;
  pointer: string;
  /** Names a proto finding may mention (`Charge`, `PaymentService`). */
  names: string[];
}

function locatedOf(map: SystemMap, shown: (file: string) => string): Located[] {
  const out: Located[] = [];
  for (const o of map.operations) out.push({ id: o.id, service: o.service, file: shown(o.location.file), pointer: o.location.pointer ?? '', names: [o.name.split('.').pop()!, o.name] });
  for (const e of map.events) {
    for (const u of [...e.producers, ...e.consumers]) out.push({ id: e.id, service: u.service, file: shown(u.location.file), pointer: u.location.pointer ?? '', names: [] });
    // a message or channel definition: the service is the one whose document it sits in
    for (const src of e.sources) {
      const user = [...e.producers, ...e.consumers].find((u) => u.location.file === src.file);
      out.push({ id: e.id, ...(user ? { service: user.service } : {}), file: shown(src.file), pointer: src.pointer ?? '', names: [] });
    }
  }
  for (const s of map.sagas) out.push({ id: s.id, ...(s.service ? { service: s.service } : {}), file: shown(s.location.file), pointer: '', names: [] });
  return out;
}

function isPrefix(prefix: string, pointer: string): boolean {
  return prefix === '' || pointer === prefix || pointer.startsWith(prefix + '/');
}

/** The element a finding is about: the longest pointer that contains the finding's, in the same file. */
function place(elements: Located[], file: string, pointer: string | undefined, message: string): Located | undefined {
  const same = elements.filter((e) => e.file === file);
  if (pointer !== undefined) return same.filter((e) => isPrefix(e.pointer, pointer)).sort((a, b) => b.pointer.length - a.pointer.length)[0];
  // proto findings carry lines, not pointers: the method or service the message names
  return same.find((e) => e.names.some((n) => new RegExp(`[\`"'.]${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\`"']`).test(message)));
}

/** The service described by a file, when all its elements belong to one. */
function serviceOfFile(elements: Located[], file: string): string | undefined {
  const services = new Set(elements.filter((e) => e.file === file && e.service).map((e) => e.service!));
  return services.size === 1 ? [...services][0] : undefined;
}

function edgeLabel(map: SystemMap, e: MapEdge): string {
  const name = (id: string) => map.services.find((s) => s.id === id)?.name ?? id;
  return `${name(e.from)} → ${name(e.to)}${e.labels.length ? `: ${e.labels.join(', ')}` : ''}`;
}

/**
 * The diff of `previous` and `current`, with `breaking` (findings of the
 * breaking check, restored to work-tree paths) placed on the map. `shown`
 * maps a previous-side path (a temporary git checkout) to the path users know.
 */
export function diffMaps(previous: SystemMap, current: SystemMap, breaking: readonly Finding[], shown: (file: string) => string = (f) => f): MapDiff {
  const added: MapChange[] = [];
  const removed: MapChange[] = [];
  const svcName = (m: SystemMap, id: string) => m.services.find((s) => s.id === id)?.name ?? id;
  const compare = <T extends { id: string }>(what: MapChange['what'], prev: T[], cur: T[], label: (m: SystemMap, x: T) => string): void => {
    const p = new Set(prev.map((x) => x.id));
    const c = new Set(cur.map((x) => x.id));
    for (const x of cur) if (!p.has(x.id)) added.push({ what, id: x.id, label: label(current, x) });
    for (const x of prev) if (!c.has(x.id)) removed.push({ what, id: x.id, label: label(previous, x) });
  };
  compare('service', previous.services, current.services, (_m, s) => s.name);
  compare('saga', previous.sagas, current.sagas, (_m, s) => `${s.saga} v${s.version}`);
  compare('operation', previous.operations, current.operations, (m, o) => `${o.name} (${svcName(m, o.service)}, ${o.signature})`);
  compare('event', previous.events, current.events, (_m, e) => e.key);
  // an edge changes label by label: `orders → inventory` losing `order.cancelled` is a removal
  const perLabel = (m: SystemMap) => m.edges.flatMap((e) => (e.labels.length ? e.labels : ['']).map((l) => ({ ...e, labels: l ? [l] : [], id: `${edgeKey(e)}|${l}` })));
  compare('edge', perLabel(previous), perLabel(current), (m, e) => edgeLabel(m, e));

  const curElements = locatedOf(current, (f) => f);
  const prevElements = locatedOf(previous, shown);
  const breaks: MapBreak[] = breaking.map((finding) => {
    const hit =
      place(curElements, finding.file, finding.pointer, finding.message) ??
      (finding.previous ? place(prevElements, shown(finding.previous.file), finding.previous.pointer, finding.message) : undefined);
    if (hit) return { finding, element: hit.id, ...(hit.service ? { service: hit.service } : {}) };
    // nothing of the map is at that place (a channel, a schema): the file's service
    const service = serviceOfFile(curElements, finding.file) ?? (finding.previous ? serviceOfFile(prevElements, shown(finding.previous.file)) : undefined);
    return { finding, ...(service ? { service } : {}) };
  });

  const nodes = new Map<string, ChangeMark>();
  const edges = new Map<string, ChangeMark>();
  for (const b of breaks) if (b.service && b.finding.severity === 'error') nodes.set(b.service, 'breaking');
  for (const c of added) if (c.what === 'service' || c.what === 'saga') nodes.set(c.id, 'added');
  for (const c of removed) if (c.what === 'service' || c.what === 'saga') nodes.set(c.id, 'removed');
  const edgeOf = (id: string) => id.slice(0, id.lastIndexOf('|'));
  for (const c of added) if (c.what === 'edge') edges.set(edgeOf(c.id), 'added');
  for (const c of removed) if (c.what === 'edge') edges.set(edgeOf(c.id), 'removed');

  const curSvc = new Set(current.services.map((s) => s.id));
  const curSaga = new Set(current.sagas.map((s) => s.id));
  const curEdge = new Set(current.edges.map(edgeKey));
  const merged: SystemMap = {
    ...current,
    services: [...current.services, ...previous.services.filter((s) => !curSvc.has(s.id))],
    sagas: [...current.sagas, ...previous.sagas.filter((s) => !curSaga.has(s.id))],
    edges: [
      // an edge that lost labels shows them, marked
      ...current.edges.map((e) => {
        const gone = previous.edges.find((p) => edgeKey(p) === edgeKey(e))?.labels.filter((l) => !e.labels.includes(l)) ?? [];
        return gone.length ? { ...e, labels: [...e.labels, ...gone.map((l) => `removed: ${l}`)] } : e;
      }),
      ...previous.edges.filter((e) => !curEdge.has(edgeKey(e))),
    ],
  };
  const before = new Set(previous.findings.map((f) => f.message));
  const newFindings = current.findings.filter((f) => !before.has(f.message));
  return { added, removed, breaking: breaks, newFindings, merged, marks: { nodes, edges } };
}
