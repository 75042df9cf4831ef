/**
 * `const` and `enum`: literal types of JSON scalars. A value TypeScript has
 * no literal for (an object, an array) is `unknown`.
 */
import { stringLiteral } from '../names.js';
import { unionOf } from './parens.js';
import type { PrintContext, SchemaObject } from './types.js';

/** The literal type of one JSON value: strings quoted safely, non-finite numbers as `number`. */
export function literalType(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'number';
  if (typeof value === 'boolean' || value === null) return String(value);
  return 'unknown';
}

/** The distinct literal types of an enum's scalar values (objects and arrays left out). */
export function enumLiterals(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)).map(literalType))];
}

/** `const: x` as its literal type. */
export function constType(s: SchemaObject): string {
  return literalType(s.const);
}

/**
 * `enum: [...]` as a union of literals, or undefined when the style lets
 * the schema's `type` decide (a `distinct` enum without a scalar value).
 */
export function enumType(values: readonly unknown[], ctx: PrintContext): string | undefined {
  if (ctx.style.enums === 'listed') return values.map(literalType).join(' | ') || 'never';
  const lits = enumLiterals(values);
  return lits.length ? unionOf(lits) : undefined;
}
