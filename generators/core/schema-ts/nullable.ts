/**
 * OpenAPI 3.0 `nullable: true` (3.1 spells it `type: [..., 'null']`, which
 * primitive.ts prints).
 */
import { group } from './parens.js';
import type { PrintContext, SchemaObject } from './types.js';

/** `type`, or `type | null` when `s` is nullable, as the style spells it. */
export function withNull(s: SchemaObject, type: string, ctx: PrintContext): string {
  if (s.nullable !== true) return type;
  switch (ctx.style.nullable) {
    case 'always':
      return `${type} | null`;
    case 'known':
      return type === 'unknown' ? type : `${type} | null`;
    case 'guarded':
      return type !== 'unknown' && !/\bnull$/.test(type) ? `${group(type, ctx.style.parens)} | null` : type;
  }
}

/** Whether `nullable` applies after a `$ref` in the style (OpenAPI 3.0 ignores siblings of `$ref`, so some targets do). */
export function nullableRefs(ctx: PrintContext): boolean {
  return ctx.style.nullable === 'guarded';
}
