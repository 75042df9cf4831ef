/** `type: array`: the element type (`items`) followed by `[]`. */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { group } from './parens.js';
import type { PrintContext, PrintSchema, SchemaObject } from './types.js';

/** `T[]` of `s.items` (no items: `unknown[]`). */
export function arrayType(s: SchemaObject, ctx: PrintContext, print: PrintSchema): string {
  const element = print(s.items as JsonSchema | undefined, ctx);
  // an exact style also wraps intersections: `A & B[]` would bind `[]` to B only
  return `${group(element, ctx.style.parens, ctx.style.parens === 'exact')}[]`;
}
