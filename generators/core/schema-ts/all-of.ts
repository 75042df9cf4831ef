/** `allOf`: the intersection of the members. */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { group } from './parens.js';
import type { PrintContext, PrintSchema, SchemaObject } from './types.js';

/** Each `allOf` member's type, in order; undefined when `s` has no allOf. */
export function allOfParts(s: SchemaObject, ctx: PrintContext, print: PrintSchema): string[] | undefined {
  return Array.isArray(s.allOf) ? (s.allOf as JsonSchema[]).map((m) => print(m, ctx)) : undefined;
}

/** The members joined with `&` (an empty list: nothing, or `unknown` in the `all-of-first` composition). */
export function allOfType(parts: readonly string[], ctx: PrintContext): string {
  return parts.map((p) => group(p, ctx.style.parens)).join(' & ') || (ctx.style.compose === 'all-of-first' ? 'unknown' : '');
}
