/**
 * The JSON primitive types, and the formats that change a type: `binary` is
 * a `Blob`, `date-time` a `Date` and `int64` a `bigint` or `string` when the
 * typed-value options say so (the runtime revives them; see rest-client/revival.ts).
 */
import type { PrintContext, SchemaObject } from './types.js';

/** The type of `kind` (`string`, `integer`, `number`, `boolean`, `null`) for `s`, or undefined for a kind that is not a primitive. */
export function primitiveType(kind: string, s: SchemaObject, ctx: PrintContext): string | undefined {
  const formats = ctx.style.formats;
  switch (kind) {
    case 'string':
      if (!formats) return 'string';
      return s.format === 'binary' ? 'Blob' : s.format === 'date-time' && ctx.typed.dateType === 'Date' ? 'Date' : 'string';
    case 'integer':
      return formats && s.format === 'int64' && ctx.typed.int64 !== 'number' ? ctx.typed.int64 : 'number';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    default:
      return undefined;
  }
}
