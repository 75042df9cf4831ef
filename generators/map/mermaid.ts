/**
 * The system map as a Mermaid flowchart (for a README or a PR comment):
 * services as boxes, sagas as hexagons, events as solid edges from producer
 * to consumers, saga calls as thick edges, "runs" as dotted edges. A diff
 * (`map --against`) marks nodes and edges with the classes `added`,
 * `removed` and `breaking`.
 */
import type { SystemMap } from '../../contracts/system/types.js';
import { edgeKey, type ChangeMark, type MapMarks } from '../../contracts/system/marks.js';

export type { ChangeMark, MapMarks };

/** Text safe inside a quoted Mermaid label: quotes, angle brackets and `#` as Mermaid entities. */
export function mermaidText(s: string): string {
  return s.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');
}

/** Mermaid node ids: letters, digits and `_` only, unique, stable for a given map. */
function nodeIds(ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    const base = 'n_' + id.replace(/[^A-Za-z0-9]/g, '_');
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}

const CLASSES = [
  '  classDef service fill:#eef4ff,stroke:#3b6fd8,color:#111',
  '  classDef saga fill:#fff6e0,stroke:#c98a00,color:#111',
  '  classDef added fill:#e3f8e6,stroke:#1f8a36,stroke-width:3px,color:#111',
  '  classDef removed fill:#fde7e7,stroke:#c62828,stroke-width:3px,stroke-dasharray:5 3,color:#111',
  '  classDef breaking fill:#fff0f0,stroke:#c62828,stroke-width:4px,color:#111',
];

const LINK_STYLE: Record<ChangeMark, string> = {
  added: 'stroke:#1f8a36,stroke-width:3px',
  removed: 'stroke:#c62828,stroke-width:3px,stroke-dasharray:5 3',
  breaking: 'stroke:#c62828,stroke-width:4px',
};

/** A Mermaid `flowchart LR` of `map`, with change marks when given. */
export function mapToMermaid(map: SystemMap, marks?: MapMarks): string {
  const ids = nodeIds([...map.services.map((s) => s.id), ...map.sagas.map((s) => s.id)]);
  const lines = ['flowchart LR'];
  for (const s of map.services) {
    const counts = (['rest', 'rpc', 'graphql'] as const)
      .map((k) => [k, map.operations.filter((o) => o.service === s.id && o.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k === 'rest' ? 'REST' : k === 'rpc' ? 'gRPC' : 'GraphQL'}`);
    const sub = counts.length ? `<br/><small>${counts.join(' · ')}</small>` : '';
    lines.push(`  ${ids.get(s.id)}["${mermaidText(s.name)}${sub}"]:::${marks?.nodes.get(s.id) ?? 'service'}`);
  }
  for (const s of map.sagas) lines.push(`  ${ids.get(s.id)}{{"${mermaidText(`saga ${s.saga} v${s.version}`)}"}}:::${marks?.nodes.get(s.id) ?? 'saga'}`);
  const styled: string[] = [];
  let drawn = 0;
  for (const e of map.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const label = e.labels.map(mermaidText).join('<br/>');
    if (e.kind === 'runs') lines.push(`  ${from} -. runs .-> ${to}`);
    else if (e.kind === 'call') lines.push(`  ${from} == "${label}" ==> ${to}`);
    else lines.push(`  ${from} -- "${label}" --> ${to}`);
    const mark = marks?.edges.get(edgeKey(e));
    // linkStyle counts edges in the order they are drawn
    if (mark) styled.push(`  linkStyle ${drawn} ${LINK_STYLE[mark]}`);
    drawn++;
  }
  // a removed edge is not in `map.edges`: marks can only style edges drawn, so
  // diffs draw the union of both maps (see checks/map/diff.ts)
  lines.push(...CLASSES, ...styled);
  return lines.join('\n') + '\n';
}
