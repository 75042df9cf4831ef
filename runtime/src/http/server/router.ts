/**
 * Routing by method and path template. Templates without parameters are
 * found in one map lookup; the others are matched segment by segment,
 * literal segments before parameters (so `/orders/export` wins over
 * `/orders/{id}` whatever the contract's order), grouped by segment count.
 */
import type { RouteSpec } from './types.js';

interface Compiled {
  spec: RouteSpec;
  /** Per segment: the literal text, or the parameter's name. */
  segments: { literal?: string; param?: string }[];
  /** Sort key: literal segments first, position by position. */
  rank: string;
}

/** What a path matched: the route and its raw (still percent-encoded) path parameters. */
export interface RouteMatch {
  spec: RouteSpec;
  params: Record<string, string>;
}

/** A route table compiled for lookups. */
export interface Router {
  /** The route for `method` and `path` (no query string), or why none: `405` with the allowed methods, or `404`. */
  find(method: string, path: string): RouteMatch | { status: 404 } | { status: 405; allow: string[] };
  /** The methods answered at `path` (for OPTIONS and 405). */
  methodsAt(path: string): string[];
}

function split(path: string): string[] {
  const parts = path.split('/');
  // a trailing slash is not a segment of its own: `/orders/` is `/orders`
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function compile(spec: RouteSpec): Compiled {
  const segments = split(spec.path).map((s) => {
    const m = /^\{([^}]+)\}$/.exec(s);
    return m ? { param: m[1]! } : { literal: s };
  });
  return { spec, segments, rank: segments.map((s) => (s.literal !== undefined ? '0' : '1')).join('') };
}

function matches(route: Compiled, parts: string[]): Record<string, string> | undefined {
  let params: Record<string, string> | undefined;
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i]!;
    const part = parts[i]!;
    if (seg.literal !== undefined) {
      if (seg.literal !== part) return undefined;
    } else {
      if (part === '') return undefined;
      (params ??= {})[seg.param!] = part;
    }
  }
  return params ?? {};
}

/** Compiles `routes`. Two routes with the same method and template are a programming error (thrown). */
export function createRouter(routes: readonly RouteSpec[]): Router {
  const statics = new Map<string, Map<string, RouteSpec>>();
  const dynamic = new Map<number, Compiled[]>();
  for (const spec of routes) {
    const c = compile(spec);
    if (c.segments.every((s) => s.literal !== undefined)) {
      const key = split(spec.path).join('/');
      let byMethod = statics.get(key);
      if (!byMethod) statics.set(key, (byMethod = new Map()));
      if (byMethod.has(spec.method)) throw new Error(`contractkit: two routes for ${spec.method} ${spec.path}`);
      byMethod.set(spec.method, spec);
    } else {
      const n = c.segments.length;
      const list = dynamic.get(n) ?? [];
      list.push(c);
      dynamic.set(n, list);
    }
  }
  for (const list of dynamic.values()) list.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));

  function candidates(path: string): { method: string; match: RouteMatch }[] {
    const parts = split(path);
    const out: { method: string; match: RouteMatch }[] = [];
    const byMethod = statics.get(parts.join('/'));
    if (byMethod) for (const [method, spec] of byMethod) out.push({ method, match: { spec, params: {} } });
    for (const c of dynamic.get(parts.length) ?? []) {
      const params = matches(c, parts);
      if (params) out.push({ method: c.spec.method, match: { spec: c.spec, params } });
    }
    return out;
  }

  return {
    find(method, path) {
      // the fast path: a static template
      const direct = statics.get(path)?.get(method);
      if (direct) return { spec: direct, params: {} };
      // then the templates of this method only; the full candidate list is built only to tell 404 from 405
      const parts = split(path);
      if (!statics.has(parts.join('/'))) {
        for (const c of dynamic.get(parts.length) ?? []) {
          if (c.spec.method !== method) continue;
          const params = matches(c, parts);
          if (params) return { spec: c.spec, params };
        }
      }
      const all = candidates(path);
      const hit = all.find((c) => c.method === method);
      if (hit) return hit.match;
      if (all.length === 0) return { status: 404 };
      return { status: 405, allow: [...new Set(all.map((c) => c.method))] };
    },
    methodsAt: (path) => [...new Set(candidates(path).map((c) => c.method))],
  };
}
