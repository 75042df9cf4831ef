/**
 * Questions the renderers ask of a system map.
 */
import type { SystemMap } from './types.js';

/** The services a service calls through the sagas it runs, with what it calls in each, sorted. */
export function callsOf(service: string, map: SystemMap): { service: string; what: string[] }[] {
  const sagas = new Set(map.sagas.filter((g) => g.service === service).map((g) => g.id));
  return map.edges.filter((e) => e.kind === 'call' && sagas.has(e.from)).reduce<{ service: string; what: string[] }[]>((acc, e) => {
    const entry = acc.find((x) => x.service === e.to) ?? (acc.push({ service: e.to, what: [] }), acc[acc.length - 1]!);
    for (const l of e.labels) if (!entry.what.includes(l)) entry.what.push(l);
    return acc;
  }, []).map((x) => ({ ...x, what: x.what.sort() })).sort((a, b) => (a.service < b.service ? -1 : 1));
}
