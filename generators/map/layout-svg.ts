/**
 * Lays a small directed graph out with elkjs (the Eclipse Layout Kernel's
 * layered algorithm, run here in Node at generation time) and draws it as a
 * static SVG: the site then needs no script and no network to show the map.
 * Every text goes through {@link escapeXml}; coordinates are rounded so the
 * same graph gives byte-identical SVG.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { escapeXml } from './html/escape.js';

/** A node to draw. */
export interface SvgNode {
  id: string;
  label: string;
  /** A smaller second line. */
  sub?: string;
  /** Link target (relative URL) of the node. */
  href?: string;
  shape: 'box' | 'hexagon' | 'pill';
  /** CSS class(es) on the node group (`service`, `saga`, `added`…). */
  className: string;
}

/** An edge to draw. */
export interface SvgEdge {
  from: string;
  to: string;
  /** Lines of the edge's label. */
  labels: string[];
  className: string;
}

const CHAR = 7.2;
const SMALL_CHAR = 6.2;
const LINE = 14;

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The SVG of the graph, laid out left to right; `title` is its accessible name. */
export async function layoutSvg(title: string, nodes: readonly SvgNode[], edges: readonly SvgEdge[]): Promise<string> {
  const elk = new (ELK as unknown as new () => { layout(g: ElkNode): Promise<ElkNode> })();
  const known = new Set(nodes.map((n) => n.id));
  const drawn = edges.filter((e) => known.has(e.from) && known.has(e.to));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '36',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: Math.max(90, Math.ceil(Math.max(n.label.length * CHAR, (n.sub ?? '').length * SMALL_CHAR)) + 28),
      height: n.sub ? 46 : 34,
    })),
    edges: drawn.map(
      (e, i): ElkExtendedEdge => ({
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        labels: e.labels.length
          ? [{ id: `e${i}l`, text: e.labels.join('\n'), width: Math.ceil(Math.max(...e.labels.map((l) => l.length)) * SMALL_CHAR) + 6, height: e.labels.length * LINE + 2 }]
          : [],
      }),
    ),
  };
  const laid = await elk.layout(graph);
  const W = (laid.width ?? 0) + 20;
  const H = (laid.height ?? 0) + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" viewBox="-10 -10 ${round(W)} ${round(H)}" width="${round(W)}" height="${round(H)}">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>',
  ];
  (laid.edges ?? []).forEach((le, i) => {
    const e = drawn[i]!;
    const points = (le.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    out.push(`<g class="edge ${escapeXml(e.className)}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}">`);
    out.push(`<polyline points="${points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ')}" marker-end="url(#arrow)"/>`);
    for (const l of le.labels ?? []) {
      e.labels.forEach((text, k) => {
        out.push(`<text class="edge-label" x="${round((l.x ?? 0) + 3)}" y="${round((l.y ?? 0) + LINE * (k + 1) - 2)}">${escapeXml(text)}</text>`);
      });
    }
    out.push('</g>');
  });
  for (const c of laid.children ?? []) {
    const n = nodes.find((x) => x.id === c.id)!;
    const [x, y, w, h] = [c.x ?? 0, c.y ?? 0, c.width ?? 0, c.height ?? 0];
    const shape =
      n.shape === 'hexagon'
        ? `<polygon points="${[[x + 12, y], [x + w - 12, y], [x + w, y + h / 2], [x + w - 12, y + h], [x + 12, y + h], [x, y + h / 2]].map(([a, b]) => `${round(a!)},${round(b!)}`).join(' ')}"/>`
        : `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" rx="${n.shape === 'pill' ? round(h / 2) : '6'}"/>`;
    const text = n.sub
      ? `<text x="${round(x + w / 2)}" y="${round(y + 19)}" class="node-label">${escapeXml(n.label)}</text><text x="${round(x + w / 2)}" y="${round(y + 36)}" class="node-sub">${escapeXml(n.sub)}</text>`
      : `<text x="${round(x + w / 2)}" y="${round(y + h / 2 + 5)}" class="node-label">${escapeXml(n.label)}</text>`;
    const body = `<g class="node ${escapeXml(n.className)}" data-id="${escapeXml(n.id)}">${shape}${text}</g>`;
    out.push(n.href ? `<a href="${escapeXml(n.href)}">${body}</a>` : body);
  }
  out.push('</svg>');
  return out.join('\n');
}
