/**
 * Operations of a document, matched across versions by method and path
 * template with path parameter names normalized (`/orders/{id}` and
 * `/orders/{orderId}` are the same operation).
 */
import { child, deref, isObject, type Json, type Side } from './context.js';

/** HTTP methods an OpenAPI path item can hold. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A parameter as the operation sees it (path-level and operation-level merged). */
export interface OpParameter {
  name: string;
  in: string;
  node: Json;
  /** Where the parameter object is written (its component, when it is a `$ref`). */
  pointer: string;
  /** Match key: `in:name`, or for path parameters `path:#<position in the template>`. */
  key: string;
  /** Written on the path item (shared by its operations) or on the operation itself. */
  level: 'path' | 'operation';
}

/** One operation of one side. */
export interface Op {
  method: string;
  /** Path as written. */
  path: string;
  /** Path with every `{param}` replaced by `{}`. */
  normalized: string;
  node: Json;
  pointer: string;
  parameters: OpParameter[];
}

/** `/orders/{orderId}` → `/orders/{}`. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}

/** Operation match key. */
export function opKey(method: string, path: string): string {
  return `${method} ${normalizePath(path)}`;
}

/** `GET /orders/{orderId}`. */
export function opLabel(op: Op): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

function templateNames(path: string): Map<string, number> {
  const names = new Map<string, number>();
  let i = 0;
  for (const m of path.matchAll(/\{([^}]*)\}/g)) names.set(m[1], i++);
  return names;
}

function collectParameters(side: Side, list: unknown, basePointer: string, positions: Map<string, number>, into: Map<string, OpParameter>, level: OpParameter['level']): void {
  if (!Array.isArray(list)) return;
  list.forEach((raw, i) => {
    const r = deref(side, raw, child(basePointer, 'parameters', i));
    const p = r.node;
    if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') return;
    const pos = p.in === 'path' ? positions.get(p.name) : undefined;
    const key = pos !== undefined ? `path:#${pos}` : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
    into.set(key, { name: p.name, in: p.in, node: p, pointer: r.pointer, key, level });
  });
}

/** All operations of a document by match key (first one wins when two paths normalize alike). */
export function collectOperations(side: Side): Map<string, Op> {
  const out = new Map<string, Op>();
  const paths = side.doc.paths;
  if (!isObject(paths)) return out;
  for (const path of Object.keys(paths)) {
    const item = deref(side, paths[path], child('/paths', path));
    if (!item.node) continue;
    const positions = templateNames(path);
    for (const method of METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const pointer = child(item.pointer, method);
      const params = new Map<string, OpParameter>();
      collectParameters(side, item.node.parameters, item.pointer, positions, params, 'path');
      collectParameters(side, node.parameters, pointer, positions, params, 'operation');
      const key = opKey(method, path);
      if (!out.has(key)) out.set(key, { method, path, normalized: normalizePath(path), node, pointer, parameters: [...params.values()] });
    }
  }
  return out;
}

/** oasdiff's stability levels, lowest first. */
export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;

/** The `x-stability-level` of an operation: a level (missing means stable), or an error for anything else. */
export function stabilityOf(node: Json): { level: (typeof STABILITY_LEVELS)[number] } | { error: string } {
  const v = node['x-stability-level'];
  if (v === undefined) return { level: 'stable' };
  if (typeof v === 'string' && (STABILITY_LEVELS as readonly string[]).includes(v)) return { level: v as (typeof STABILITY_LEVELS)[number] };
  return { error: `x-stability-level ${JSON.stringify(v)} is not one of draft, alpha, beta or stable` };
}

/** Draft and alpha operations may change freely (oasdiff's default `--stability-level beta`). */
export function isUnstable(node: Json): boolean {
  const s = stabilityOf(node);
  return 'level' in s && (s.level === 'draft' || s.level === 'alpha');
}

/** Parses an `x-sunset` value (`2025-12-31` or an RFC 3339 date-time) to `YYYY-MM-DD`, or an error. */
export function sunsetOf(node: Json): { date: string } | { error: string } | undefined {
  const v = node['x-sunset'];
  if (v === undefined) return undefined;
  const text = v instanceof Date ? v.toISOString() : String(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) return { error: `x-sunset ${JSON.stringify(text)} is not a date (YYYY-MM-DD)` };
  return { date: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
