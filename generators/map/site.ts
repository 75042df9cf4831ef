/**
 * The system map as one self-contained static site: `index.html` with the
 * map (laid out by elkjs at generation time, inlined as SVG), and a page per
 * service, operation, event and saga, linked to each other, each with the
 * search box. No server, no CDN: CSS, script, SVG and the search index are
 * inlined, so the folder opens from `file://` and can be committed.
 */
import type { GeneratedFile } from '../core/registry.js';
import type { MapEvent, MapOperation, MapSaga, MapSagaCall, MapService, SystemMap } from '../../contracts/system/types.js';
import { callsOf } from '../../contracts/system/queries.js';
import { escapeXml as h } from './html/escape.js';
import { page, type SearchEntry } from './html/page.js';
import { layoutSvg, type SvgEdge, type SvgNode } from './layout-svg.js';

/** What the site shows besides the map. */
export interface SiteOptions {
  /** Page title of the index (`Orders system`). */
  title: string;
  /** Each saga's Mermaid source by saga id (`saga:place-order`), shown under its diagram. */
  sagaMermaid?: Readonly<Record<string, string>>;
  /** Findings to list on the index, already formatted as `file:line:col message`. */
  findings?: readonly string[];
}

/** Page paths from the site root, unique per element id. */
function pagePaths(map: SystemMap): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const add = (folder: string, id: string, name: string): void => {
    const base = `${folder}/${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'item'}`;
    let path = `${base}.html`;
    for (let i = 2; used.has(path.toLowerCase()); i++) path = `${base}-${i}.html`;
    used.add(path.toLowerCase());
    out.set(id, path);
  };
  for (const s of map.services) add('services', s.id, s.id);
  for (const o of map.operations) add('operations', o.id, o.id.replace(/:/g, '-').replace(/\//g, '-'));
  for (const e of map.events) add('events', e.id, e.key);
  for (const s of map.sagas) add('sagas', s.id, s.saga);
  return out;
}

/** The site's files (paths relative to its folder). */
export async function renderSite(map: SystemMap, options: SiteOptions): Promise<GeneratedFile[]> {
  const paths = pagePaths(map);
  const services = new Map(map.services.map((s) => [s.id, s]));
  const search: SearchEntry[] = [
    ...map.services.map((s) => ({ title: s.name, kind: 'service', terms: s.contracts.join(' '), path: paths.get(s.id)! })),
    ...map.operations.map((o) => ({ title: `${o.name} (${services.get(o.service)?.name ?? o.service})`, kind: 'operation', terms: `${o.signature} ${o.kind}`, path: paths.get(o.id)! })),
    ...map.events.map((e) => ({ title: e.key, kind: 'event', terms: `${e.addresses.join(' ')} ${e.messages.map((m) => m.id).join(' ')}`, path: paths.get(e.id)! })),
    ...map.sagas.map((s) => ({ title: s.saga, kind: 'saga', terms: s.description ?? '', path: paths.get(s.id)! })),
  ];
  const link = (id: string, text: string, depth: number): string => {
    const p = paths.get(id);
    return p ? `<a href="${h('../'.repeat(depth) + p)}">${h(text)}</a>` : h(text);
  };
  const svcLink = (id: string, depth: number) => link(id, services.get(id)?.name ?? id, depth);
  const files: GeneratedFile[] = [];
  const emit = (path: string, title: string, body: string): void => {
    files.push({ path, content: page({ title, depth: path.split('/').length - 1, body, search }) });
  };

  emit('index.html', options.title, await indexBody(map, options, paths, link, svcLink));
  for (const s of map.services) emit(paths.get(s.id)!, s.name, serviceBody(s, map, link, svcLink));
  for (const o of map.operations) emit(paths.get(o.id)!, o.name, operationBody(o, link, svcLink));
  for (const e of map.events) emit(paths.get(e.id)!, e.key, eventBody(e, link, svcLink));
  for (const s of map.sagas) emit(paths.get(s.id)!, s.saga, await sagaBody(s, options, link, svcLink));
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

type Link = (id: string, text: string, depth: number) => string;
type SvcLink = (id: string, depth: number) => string;

function list(items: string[], empty = '<p class="muted">None.</p>'): string {
  return items.length ? `<ul class="plain">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : empty;
}

/** The map SVG of the whole system: services and sagas as nodes. */
export async function systemSvg(map: SystemMap, paths: Map<string, string>, classes: { nodes?: ReadonlyMap<string, string>; edges?: ReadonlyMap<string, string> } = {}): Promise<string> {
  const nodes: SvgNode[] = [
    ...map.services.map((s): SvgNode => {
      const ops = map.operations.filter((o) => o.service === s.id).length;
      return { id: s.id, label: s.name, sub: `${ops} operation${ops === 1 ? '' : 's'}`, href: paths.get(s.id)!, shape: 'box', className: `service ${classes.nodes?.get(s.id) ?? ''}`.trim() };
    }),
    ...map.sagas.map((s): SvgNode => ({ id: s.id, label: `saga ${s.saga}`, sub: `v${s.version}, ${s.steps.length} steps`, href: paths.get(s.id)!, shape: 'hexagon', className: `saga ${classes.nodes?.get(s.id) ?? ''}`.trim() })),
  ];
  const edges: SvgEdge[] = map.edges.map((e) => ({ from: e.from, to: e.to, labels: e.kind === 'runs' ? ['runs'] : e.labels, className: `${e.kind} ${classes.edges?.get(`${e.kind}|${e.from}|${e.to}`) ?? ''}`.trim() }));
  return layoutSvg('System map', nodes, edges);
}

async function indexBody(map: SystemMap, options: SiteOptions, paths: Map<string, string>, link: Link, svcLink: SvcLink): Promise<string> {
  const svg = await systemSvg(map, paths);
  return [
    `<h1>${h(options.title)}</h1>`,
    `<p class="muted">${map.services.length} services, ${map.operations.length} operations, ${map.events.length} events, ${map.sagas.length} sagas. Solid edges carry events from producer to consumers; thick edges are saga calls; dashed edges lead from a service to the sagas it runs.</p>`,
    `<div class="figure" id="map">${svg}</div>`,
    options.findings?.length ? `<h2>Findings</h2>${list(options.findings.map((f) => `<span class="badge warn">warning</span> ${h(f)}`))}` : '',
    `<h2>Services</h2>${list(map.services.map((s) => svcLink(s.id, 0)))}`,
    `<h2>Sagas</h2>${list(map.sagas.map((s) => link(s.id, s.saga, 0)))}`,
    `<h2>Events</h2>${list(map.events.map((e) => `${link(e.id, e.key, 0)} <span class="muted">${h(e.producers.map((p) => p.service).join(', ') || 'no producer')} → ${h([...new Set(e.consumers.map((c) => c.service))].join(', ') || 'no consumer')}</span>`))}`,
    `<h2>Operations</h2>${list(map.operations.map((o) => `${link(o.id, o.name, 0)} <span class="muted">${h(o.kind)} · ${h(o.signature)}</span>`))}`,
  ].join('\n');
}

function serviceBody(s: MapService, map: SystemMap, link: Link, svcLink: SvcLink): string {
  const ops = map.operations.filter((o) => o.service === s.id);
  const sends = map.events.filter((e) => e.producers.some((p) => p.service === s.id));
  const receives = map.events.filter((e) => e.consumers.some((c) => c.service === s.id));
  const runs = map.sagas.filter((g) => g.service === s.id);
  const calledBy = [...new Set(ops.flatMap((o) => o.calledBy))].sort();
  return [
    `<h1>${h(s.name)} <span class="badge">service</span></h1>`,
    s.description ? `<p>${h(s.description)}</p>` : '',
    `<p class="muted">Named from: ${h(s.origin)}. Contracts: ${h(s.contracts.join(', '))}.</p>`,
    s.servers.length ? `<h2>Servers</h2>${list(s.servers.map((x) => `<code>${h(x)}</code>`))}` : '',
    `<h2>Offers</h2>${ops.length ? `<table><tr><th>operation</th><th>kind</th><th>signature</th><th>called by</th></tr>${ops.map((o) => `<tr><td>${link(o.id, o.name, 1)}${o.deprecated ? ' <span class="badge warn">deprecated</span>' : ''}</td><td>${h(o.kind)}</td><td><code>${h(o.signature)}</code></td><td>${o.calledBy.map((c) => link(`saga:${c}`, c, 1)).join(', ')}</td></tr>`).join('')}</table>` : '<p class="muted">No synchronous operations.</p>'}`,
    `<h2>Sends</h2>${list(sends.map((e) => `${link(e.id, e.key, 1)} <span class="muted">to ${[...new Set(e.consumers.map((c) => c.service))].map((c) => svcLink(c, 1)).join(', ') || 'nobody'}</span>`))}`,
    `<h2>Receives</h2>${list(receives.map((e) => `${link(e.id, e.key, 1)} <span class="muted">from ${[...new Set(e.producers.map((p) => p.service))].map((p) => svcLink(p, 1)).join(', ') || 'nobody'}</span>`))}`,
    `<h2>Runs sagas</h2>${list(runs.map((g) => link(g.id, g.saga, 1)))}`,
    `<h2>Calls (through its sagas)</h2>${list(callsOf(s.id, map).map((c) => `${svcLink(c.service, 1)} <span class="muted">${c.what.map((w) => h(w)).join(', ')}</span>`))}`,
    `<h2>Called by sagas</h2>${list(calledBy.map((c) => link(`saga:${c}`, c, 1)))}`,
  ].join('\n');
}

function operationBody(o: MapOperation, link: Link, svcLink: SvcLink): string {
  return [
    `<h1>${h(o.name)} <span class="badge">${h(o.kind)}</span>${o.deprecated ? ' <span class="badge warn">deprecated</span>' : ''}</h1>`,
    `<p><code>${h(o.signature)}</code></p>`,
    o.summary ? `<p>${h(o.summary)}</p>` : '',
    `<p>Offered by ${svcLink(o.service, 1)} in contract <code>${h(o.contract)}</code>.</p>`,
    `<h2>Called by sagas</h2>${list(o.calledBy.map((c) => link(`saga:${c}`, c, 1)), '<p class="muted">No saga of the map calls it.</p>')}`,
  ].join('\n');
}

function eventBody(e: MapEvent, link: Link, svcLink: SvcLink): string {
  const use = (u: MapEvent['producers'][number]) => `${svcLink(u.service, 1)} <span class="muted">operation <code>${h(u.operation)}</code> in ${h(u.contract)}${u.reply ? ' (as a reply)' : ''}</span>`;
  return [
    `<h1>${h(e.key)} <span class="badge">event</span></h1>`,
    `<p>Channel${e.addresses.length === 1 ? '' : 's'}: ${e.addresses.map((a) => `<code>${h(a)}</code>`).join(', ') || '<span class="muted">none</span>'}</p>`,
    `<h2>Producers</h2>${list(e.producers.map(use), '<p class="muted"><span class="badge warn">warning</span> No service of the map produces it.</p>')}`,
    `<h2>Consumers</h2>${list(e.consumers.map(use), '<p class="muted"><span class="badge warn">warning</span> No service of the map consumes it.</p>')}`,
    e.usedBy.length ? `<h2>Used by sagas</h2>${list(e.usedBy.map((s) => link(`saga:${s}`, s, 1)))}` : '',
    `<h2>Versions</h2>`,
    ...e.messages.map(
      (m) =>
        `<h3>${h(m.id)}${m.version !== undefined ? ` <span class="badge">v${m.version}</span>` : ''}${m.contentType ? ` <span class="muted">${h(m.contentType)}</span>` : ''}</h3>` +
        (m.payload !== undefined ? `<pre class="schema">${h(JSON.stringify(m.payload, null, 2))}</pre>` : '<p class="muted">No payload schema.</p>'),
    ),
  ].join('\n');
}

function callCell(call: MapSagaCall, link: Link): string {
  const targets = call.targets.map((t) => link(t, t.replace(/^(rest|rpc|graphql|event):/, ''), 1));
  return `<code>${h(call.label)}</code>${targets.length ? `<br>${targets.join(', ')}` : call.label.startsWith('local ') ? '' : ' <span class="badge warn">unresolved</span>'}`;
}

async function sagaBody(s: MapSaga, options: SiteOptions, link: Link, svcLink: SvcLink): Promise<string> {
  const nodes: SvgNode[] = [{ id: 'start', label: s.saga, shape: 'pill', className: 'saga' }];
  const edges: SvgEdge[] = [];
  s.steps.forEach((step, i) => {
    nodes.push({ id: `s${i}`, label: step.name + (step.pivot ? ' (pivot)' : ''), sub: step.call.label, shape: step.pivot ? 'hexagon' : 'box', className: step.pivot ? 'step pivot' : 'step' });
    edges.push({ from: i === 0 ? 'start' : `s${i - 1}`, to: `s${i}`, labels: [], className: 'next' });
    if (step.compensate) {
      nodes.push({ id: `c${i}`, label: `undo ${step.name}`, sub: step.compensate.label, shape: 'box', className: 'compensation' });
      edges.push({ from: `s${i}`, to: `c${i}`, labels: ['on failure'], className: 'compensation' });
    }
  });
  nodes.push({ id: 'done', label: 'completed', shape: 'pill', className: 'saga' });
  edges.push({ from: s.steps.length ? `s${s.steps.length - 1}` : 'start', to: 'done', labels: [], className: 'next' });
  const svg = await layoutSvg(`Saga ${s.saga}`, nodes, edges);
  const mermaid = options.sagaMermaid?.[s.id];
  return [
    `<h1>${h(s.saga)} <span class="badge">saga v${s.version}</span></h1>`,
    s.description ? `<p>${h(s.description)}</p>` : '',
    `<p>Run by ${s.service ? svcLink(s.service, 1) : '<span class="muted">no known service</span>'}; contract <code>${h(s.contract)}</code>.</p>`,
    `<div class="figure" id="saga-diagram">${svg}</div>`,
    `<h2>Steps</h2><table><tr><th>#</th><th>step</th><th>calls</th><th>compensation</th><th>services</th></tr>${s.steps
      .map((st, i) => `<tr><td>${i + 1}</td><td>${h(st.name)}${st.pivot ? ' <span class="badge">pivot</span>' : ''}</td><td>${callCell(st.call, link)}</td><td>${st.compensate ? callCell(st.compensate, link) : ''}</td><td>${[...new Set([...st.call.services, ...(st.compensate?.services ?? [])])].map((x) => svcLink(x, 1)).join(', ')}</td></tr>`)
      .join('')}</table>`,
    mermaid ? `<h2>Mermaid</h2><pre class="mermaid-source">${h(mermaid)}</pre>` : '',
  ].join('\n');
}
