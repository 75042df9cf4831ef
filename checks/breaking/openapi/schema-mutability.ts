/**
 * `readOnly` / `writeOnly` on properties, as oasdiff checks them.
 *
 * A readOnly property is never sent and a writeOnly one never read, so the
 * comparison otherwise skips them on that side (schema-compare.ts). What is
 * left to report:
 * - a flip of either flag on a property kept in both versions
 *   (`request-required-property-became-read-only`, …,
 *   `response-required-property-became-not-write-only`); "required" means
 *   required in both versions for requests and in the previous one for
 *   responses, as in oasdiff;
 * - on responses, the write-only variants of the property ids
 *   (`response-optional-write-only-property-removed`,
 *   `response-write-only-property-became-optional`,
 *   `response-write-only-property-enum-value-added`, …);
 * - on requests, the read-only variants of the narrowing ids
 *   (`request-read-only-property-enum-value-removed`, `…-max-decreased`, …).
 *
 * Every suffix recorded here reads as an oasdiff id once the direction is put
 * in front (`request-` + `required-property-became-read-only`); the reporter
 * checks the result against the catalogue, so a suffix oasdiff has no id for
 * in a direction is simply not reported.
 */
import { deref, type DiffContext } from './context.js';
import type { Direction, SchemaNode } from './schema-compare.js';

/** The two flags of a property in one version. */
export interface Mutability {
  readOnly: boolean;
  writeOnly: boolean;
}

/** Request narrowings oasdiff reports, at info, for a property clients never send. */
const READ_ONLY_NARROWINGS = [
  'enum-value-removed',
  'max-decreased',
  'exclusive-max-decreased',
  'max-length-decreased',
  'min-increased',
  'exclusive-min-increased',
  'max-items-decreased',
  'max-properties-decreased',
];
const READ_ONLY_SET: ReadonlySet<string> = new Set(READ_ONLY_NARROWINGS);

/** Suffixes recorded by this file: reported under `${dir}-${suffix}` on body properties only. */
export const MUTABILITY_SUFFIXES: ReadonlySet<string> = new Set([
  ...['required', 'optional'].flatMap((r) =>
    ['read-only', 'not-read-only', 'write-only', 'not-write-only'].map((f) => `${r}-property-became-${f}`),
  ),
  'required-write-only-property-removed',
  'optional-write-only-property-removed',
  'required-write-only-property-added',
  'optional-write-only-property-added',
  'write-only-property-became-optional',
  'write-only-property-became-required',
  'write-only-property-enum-value-added',
  ...READ_ONLY_NARROWINGS.map((s) => `read-only-property-${s}`),
]);

/** The flags of a (possibly `$ref`) property schema in one version. */
export function mutabilityOf(ctx: DiffContext, side: 'prev' | 'curr', raw: unknown, ptr: string): Mutability {
  const r = deref(side === 'prev' ? ctx.prev : ctx.curr, raw, ptr).node;
  return { readOnly: r?.readOnly === true, writeOnly: r?.writeOnly === true };
}

/** True when a property with these flags is invisible in this direction. */
export function isHidden(m: Mutability, dir: Direction): boolean {
  return dir === 'request' ? m.readOnly : m.writeOnly;
}

function add(node: SchemaNode, suffix: string, name: string, prev: string | undefined, curr: string | undefined, text: string): void {
  node.changes.push({ suffix, args: { text }, prop: name, prev, curr });
}

/** Records flips of readOnly / writeOnly on a property kept in both versions. */
export function compareFlags(node: SchemaNode, name: string, p: Mutability, c: Mutability, required: boolean, pptr: string, cptr: string): void {
  const r = required ? 'required' : 'optional';
  for (const [flag, word] of [
    ['readOnly', 'read-only'],
    ['writeOnly', 'write-only'],
  ] as const) {
    if (p[flag] === c[flag]) continue;
    add(node, `${r}-property-became-${c[flag] ? '' : 'not-'}${word}`, name, pptr, cptr, `became ${c[flag] ? '' : 'not '}${word}`);
  }
}

/** A property removed or added while invisible in this direction (write-only in a response). */
export function hiddenPropertyAddedOrRemoved(node: SchemaNode, name: string, required: boolean, removed: boolean, ptr: string, dir: Direction): void {
  if (dir !== 'response') return;
  const r = required ? 'required' : 'optional';
  if (removed) add(node, `${r}-write-only-property-removed`, name, ptr, undefined, 'was removed (it was write-only)');
  else add(node, `${r}-write-only-property-added`, name, undefined, ptr, `was added${required ? ' as required' : ''} (write-only)`);
}

/**
 * A property invisible in this direction in both versions: its requiredness
 * change (responses) and the narrowings of its own schema (`sub`, the compared
 * pair) that oasdiff still names, under their read-only / write-only ids.
 * Changes deeper inside it stay unreported, as for any hidden property.
 */
export function hiddenPropertyChanged(
  node: SchemaNode,
  name: string,
  becameRequired: boolean,
  becameOptional: boolean,
  sub: SchemaNode,
  pptr: string,
  cptr: string,
  dir: Direction,
  wording: (change: SchemaNode['changes'][number]) => string,
): void {
  if (dir === 'response') {
    if (becameRequired) add(node, 'write-only-property-became-required', name, pptr, cptr, 'became required (it is write-only)');
    if (becameOptional) add(node, 'write-only-property-became-optional', name, pptr, cptr, 'became optional (it is write-only)');
    for (const ch of sub.changes) if (ch.prop === undefined && ch.suffix === 'enum-value-added') add(node, 'write-only-property-enum-value-added', name, ch.prev, ch.curr, wording(ch));
    return;
  }
  for (const ch of sub.changes) if (ch.prop === undefined && READ_ONLY_SET.has(ch.suffix)) add(node, `read-only-property-${ch.suffix}`, name, ch.prev, ch.curr, wording(ch));
}
