/**
 * The state of one OpenAPI diff: both documents, `$ref` resolution with a
 * cache, the level threshold, and the list findings are collected in.
 */
import type { Finding, Severity } from '../../../contracts/finding.js';
import { atOrAbove } from '../../../contracts/finding.js';
import type { OpenApiContract } from '../../../contracts/model/types.js';
import { pointerSegments, toPointer } from '../../../contracts/source/positions.js';
import { OPENAPI_LEVELS, type OpenApiBreakingId } from './catalogue.js';

/** Plain JSON object. */
export type Json = Record<string, unknown>;

/** One side of the diff. */
export interface Side {
  contract: OpenApiContract;
  doc: Json;
  /** Cache of resolved `$ref` pointers. */
  refs: Map<string, unknown>;
}

/** Options of {@link diffOpenApi}. */
export interface DiffOptions {
  /** Lowest severity to report (default `info`: the whole changelog). */
  level?: Severity;
  /** Days of notice a new `x-sunset` must give (oasdiff's `--deprecation-days-stable`); 0 (default) checks nothing. */
  minSunsetDays?: number;
  /** Today, for sunset comparisons (tests pin it). */
  now?: Date;
  /** Drops accepted findings before the versioning rule counts breaking changes (see `BreakingOptions.suppress`). */
  suppress?: (findings: Finding[]) => Finding[];
}

/** What every part of the differ shares. */
export interface DiffContext {
  prev: Side;
  curr: Side;
  level: Severity;
  minSunsetDays: number;
  /** Today as `YYYY-MM-DD`. */
  today: string;
  findings: Finding[];
  /** Findings already reported (id + pointer + message), so shared schemas do not repeat themselves. */
  seen: Set<string>;
}

/** Which document a finding points into: removals point into the previous one. */
export type Where = 'prev' | 'curr';

/** Creates the context for one diff. */
export function createDiffContext(previous: OpenApiContract, current: OpenApiContract, options: DiffOptions = {}): DiffContext {
  return {
    prev: { contract: previous, doc: previous.document, refs: new Map() },
    curr: { contract: current, doc: current.document, refs: new Map() },
    level: options.level ?? 'info',
    minSunsetDays: options.minSunsetDays ?? 0,
    today: (options.now ?? new Date()).toISOString().slice(0, 10),
    findings: [],
    seen: new Set(),
  };
}

/** True when a rule's level passes the threshold. */
export function wants(ctx: DiffContext, id: OpenApiBreakingId): boolean {
  return atOrAbove(levelOf(id), ctx.level);
}

/** The level of a catalogued id; an id outside the catalogue is a bug in the differ, never a silent drop. */
function levelOf(id: OpenApiBreakingId): Severity {
  const severity = OPENAPI_LEVELS.get(id);
  if (severity === undefined) throw new Error(`internal error: breaking id \`${id}\` is not in the OpenAPI breaking catalogue (checks/breaking/openapi/catalogue.ts); the differ must report catalogued ids only.`);
  return severity;
}

/**
 * Reports one change under an oasdiff id; leaves out ids below the
 * threshold and throws on an id outside the catalogue. A finding about something removed (`where` = `prev`) is
 * reported where the user can act — the nearest element of the current
 * document that still exists on the way to it (from `anchor`, when given, the
 * current element that held it) — and keeps where it was as `previous`.
 */
export function report(ctx: DiffContext, id: OpenApiBreakingId, message: string, where: Where, pointer: string, hint?: string, anchor?: string): void {
  const severity = levelOf(id);
  if (!atOrAbove(severity, ctx.level)) return;
  const key = `${id}\u0000${pointer}\u0000${message}`;
  if (ctx.seen.has(key)) return;
  ctx.seen.add(key);
  const base = { ruleId: id, severity, message, kind: 'openapi' as const, hint: hint ?? defaultHint(severity) };
  if (where === 'curr') {
    ctx.findings.push({ ...base, file: ctx.curr.contract.file, pointer });
    return;
  }
  ctx.findings.push({
    ...base,
    file: ctx.curr.contract.file,
    pointer: survivingPointer(ctx.curr.doc, anchor ?? pointer),
    onKey: true,
    previous: { file: ctx.prev.contract.file, pointer },
  });
}

/** The longest prefix of `pointer` that exists in `doc` (`''` at worst). */
function survivingPointer(doc: Json, pointer: string): string {
  const segments = pointerSegments(pointer);
  let node: unknown = doc;
  let n = 0;
  for (const seg of segments) {
    const next = Array.isArray(node) ? node[Number(seg)] : isObject(node) ? node[seg] : undefined;
    if (next === undefined) break;
    node = next;
    n++;
  }
  return toPointer(segments.slice(0, n));
}

function defaultHint(severity: Severity): string {
  if (severity === 'error') return 'Clients built on the previous contract break: revert the change, or publish it under a new major version.';
  if (severity === 'warning') return 'Some clients may break: check who depends on this before releasing it.';
  return 'Not breaking; listed for the changelog.';
}

/** True for a plain object. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves a local `$ref` (`#/components/schemas/Order`) to its target, or undefined. */
export function lookup(side: Side, ref: string): unknown {
  if (side.refs.has(ref)) return side.refs.get(ref);
  let node: unknown = undefined;
  if (ref.startsWith('#')) {
    node = side.doc;
    for (const seg of pointerSegments(ref.slice(1))) {
      if (Array.isArray(node)) node = node[Number(seg)];
      else if (isObject(node)) node = node[seg];
      else {
        node = undefined;
        break;
      }
    }
  }
  side.refs.set(ref, node);
  return node;
}

/** A node followed through its `$ref` chain, with the pointer of where it is written. */
export interface Resolved {
  node: Json | undefined;
  pointer: string;
}

/** Follows `$ref`s (at most 32 hops, so a ref cycle cannot hang) from a node at `pointer`. */
export function deref(side: Side, node: unknown, pointer: string): Resolved {
  let hops = 0;
  while (isObject(node) && typeof node.$ref === 'string' && hops++ < 32) {
    const ref = node.$ref;
    const target = lookup(side, ref);
    if (target === undefined) break;
    pointer = ref.slice(1);
    node = target;
  }
  return { node: isObject(node) ? node : undefined, pointer };
}

/** Appends segments to a pointer. */
export function child(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toPointer(segments);
}
