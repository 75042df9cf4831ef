/**
 * `@link` on a subgraph schema, and which federation directive each written
 * directive name stands for.
 *
 * Federation v2 subgraphs link the spec (`@link(url: ".../federation/v2.3",
 * import: ["@key", { name: "@shareable", as: "@share" }])`): imported names are
 * used as written or under their alias, the rest under the namespace
 * (`@federation__requires`). Federation v1 subgraphs have no link and use the
 * bare names. A plain schema uses neither.
 */
import { Kind, type ConstValueNode, type DirectiveNode, type DocumentNode, valueFromASTUntyped } from 'graphql';
import type { GraphQLLink } from '../model/graphql.js';
import { refOf } from './positions.js';

/** Directives of the federation v2 spec (2.0–2.9), by spec name. */
export const FEDERATION_V2_DIRECTIVES = [
  'key', 'requires', 'provides', 'external', 'shareable', 'extends', 'override', 'inaccessible', 'tag', 'interfaceObject',
  'composeDirective', 'authenticated', 'requiresScopes', 'policy', 'context', 'fromContext', 'cost', 'listSize',
] as const;

/** Directives a federation v1 subgraph (one without a federation `@link` that declares `@key`s) uses under their bare names. */
export const FEDERATION_V1_DIRECTIVES = ['key', 'requires', 'provides', 'external', 'extends', 'tag', 'inaccessible'] as const;

/** Host of contractkit's own version link (`@link(url: "https://contractkit.dev/version/v2.0")`). */
export const VERSION_LINK = /^https?:\/\/contractkit\.dev\/version\/v(\d+)(?:\.(\d+))?\/?$/;

/** What a subgraph's links say. */
export interface LinkResolution {
  links: GraphQLLink[];
  /** `1`, the linked v2 version (`2.3`), or undefined for a plain schema. */
  federation?: string;
  /** Written directive name → spec name, for federation and link directives. */
  specName(written: string): string | undefined;
  /** Written name of a spec directive in this subgraph (`key` → `key`, or its alias). */
  writtenName(spec: string): string;
  /** True for a type of the federation or link machinery (`_Any`, `federation__FieldSet`, an imported `FieldSet`), not the subgraph's API. */
  isMachineryType(name: string): boolean;
}

/** Machinery types every subgraph may have, whatever it imports. */
const MACHINERY = new Set(['_Any', '_Entity', '_Service', '_FieldSet']);

/** Reads the `@link`s of a subgraph's documents and resolves directive names. */
export function resolveLinks(documents: readonly DocumentNode[]): LinkResolution {
  const links: GraphQLLink[] = [];
  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
      for (const d of def.directives ?? []) if (d.name.value === 'link') links.push(readLink(d));
    }
  }
  const written = new Map<string, string>(); // written → spec
  const bySpec = new Map<string, string>(); // spec → written
  const add = (w: string, s: string) => {
    written.set(w, s);
    if (!bySpec.has(s)) bySpec.set(s, w);
  };
  add('link', 'link');
  let federation: string | undefined;
  // types a spec link imports (`import: ["FieldSet"]`) are the spec's, under their written name
  const importedTypes = new Set(links.filter((l) => l.name === 'federation' || l.name === 'link').flatMap((l) => l.imports.filter((i) => !i.name.startsWith('@')).map((i) => i.as ?? i.name)));
  const fed = links.find((l) => l.name === 'federation' && /^https?:\/\/specs\.apollo\.dev\/federation\//.test(l.url));
  if (fed) {
    federation = fed.version?.replace(/^v/, '') ?? '2.0';
    const ns = fed.as ?? 'federation';
    for (const name of FEDERATION_V2_DIRECTIVES) add(`${ns}__${name}`, name);
    for (const imp of fed.imports) {
      if (!imp.name.startsWith('@')) continue;
      const spec = imp.name.slice(1);
      add((imp.as ?? imp.name).slice(1), spec);
    }
  } else if (usesAny(documents, ['key'])) {
    // a v1 subgraph is one with entities; a plain schema may define its own `@external` or `@tag`
    federation = '1';
    for (const name of FEDERATION_V1_DIRECTIVES) add(name, name);
  }
  return {
    links,
    federation,
    specName: (w) => written.get(w),
    writtenName: (s) => bySpec.get(s) ?? s,
    isMachineryType: (name) => MACHINERY.has(name) || importedTypes.has(name) || name.startsWith('link__') || name.startsWith('federation__'),
  };
}

function readLink(d: DirectiveNode): GraphQLLink {
  const arg = (name: string): ConstValueNode | undefined => d.arguments?.find((a) => a.name.value === name)?.value as ConstValueNode | undefined;
  const url = String(valueOf(arg('url')) ?? '');
  const m = /\/([^/]+)\/(v\d+(?:\.\d+)?)\/?$/.exec(url);
  const imports: GraphQLLink['imports'] = [];
  const imp = valueOf(arg('import'));
  if (Array.isArray(imp)) {
    for (const i of imp) {
      if (typeof i === 'string') imports.push({ name: i });
      else if (i && typeof i === 'object' && typeof (i as { name?: unknown }).name === 'string') {
        const { name, as } = i as { name: string; as?: unknown };
        imports.push(typeof as === 'string' ? { name, as } : { name });
      }
    }
  }
  const link: GraphQLLink = { url, imports, location: refOf(d) };
  if (m) {
    link.name = m[1];
    link.version = m[2];
  }
  const as = valueOf(arg('as'));
  if (typeof as === 'string') link.as = as;
  return link;
}

function valueOf(node: ConstValueNode | undefined): unknown {
  return node ? valueFromASTUntyped(node) : undefined;
}

function usesAny(documents: readonly DocumentNode[], names: readonly string[]): boolean {
  const wanted = new Set(names);
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string; name?: { value: string } };
    if (n.kind === Kind.DIRECTIVE && n.name && wanted.has(n.name.value)) {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  documents.forEach(visit);
  return found;
}
