/**
 * How a change touched the map (`map --against`): marks by node and edge,
 * shared by the diff (checks/map) and the renderers (generators/map).
 */
import type { MapEdge } from './types.js';

/** How a change touched a node or an edge. */
export type ChangeMark = 'added' | 'removed' | 'breaking';

/** Marks by node id (service id, `saga:<id>`) and by edge key ({@link edgeKey}). */
export interface MapMarks {
  nodes: ReadonlyMap<string, ChangeMark>;
  edges: ReadonlyMap<string, ChangeMark>;
}

/** The key of an edge in {@link MapMarks}. */
export function edgeKey(e: Pick<MapEdge, 'from' | 'to' | 'kind'>): string {
  return `${e.kind}|${e.from}|${e.to}`;
}
