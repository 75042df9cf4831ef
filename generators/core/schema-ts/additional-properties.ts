/**
 * `additionalProperties`: the index signature of an object type, and what an
 * object without members is. The styles (`SchemaTsStyle.additionalProperties`):
 *
 * - `exact`: an object without properties and without `additionalProperties`
 *   is open (`[key: string]: unknown`); a schema of extra values is an
 *   intersection `{ … } & { [key: string]: T }` (so declared members keep
 *   their own types), and without members a map `{ [key: string]: T }`;
 *   `additionalProperties: false` alone is `Record<string, never>`.
 * - `in-body`: the signature is a member, `T | undefined` (a looked-up key
 *   may be absent); no member at all is `Record<string, unknown>`.
 * - `record`: no member is `Record<string, T>`; any extras make the
 *   signature `unknown` (the members' types need not fit `T`).
 *
 * `patternProperties` is not typed (no target has typed it: its keys are
 * not expressible as a TypeScript key type); the extra values are `unknown`
 * only where `additionalProperties` says so.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import type { PrintContext, PrintSchema, SchemaObject } from './types.js';
import { isSchemaObject } from './types.js';

/** The finished object type of `s` from its printed `members` (`declared`: how many properties it declares, either side). */
export function closeObject(s: SchemaObject, members: string[], declared: number, ctx: PrintContext, print: PrintSchema): string {
  const ap = s.additionalProperties;
  const inner = { ...ctx, indent: ctx.indent + '  ' };
  const body = (lines: string[]) => `{\n${lines.join('\n')}\n${ctx.indent}}`;
  switch (ctx.style.additionalProperties) {
    case 'exact': {
      let index: string | undefined;
      if (ap === true || (ap === undefined && declared === 0)) index = 'unknown';
      else if (isSchemaObject(ap)) index = print(ap, inner);
      const lines = index === 'unknown' ? [...members, `${inner.indent}[key: string]: unknown;`] : members;
      if (lines.length === 0) {
        if (ap === false) return 'Record<string, never>';
        // a map: its values' type is the signature (not `{}`, which would accept anything and lose the type)
        return index !== undefined ? `{ [key: string]: ${print(ap as JsonSchema, ctx)} }` : '{}';
      }
      return index !== undefined && index !== 'unknown' ? `${body(lines)} & { [key: string]: ${index} }` : body(lines);
    }
    case 'in-body': {
      const lines = [...members];
      if (ap === true || (ap && typeof ap === 'object')) lines.push(`${inner.indent}[key: string]: ${ap === true ? 'unknown' : print(ap as JsonSchema, inner) + ' | undefined'};`);
      return lines.length ? body(lines) : 'Record<string, unknown>';
    }
    case 'record': {
      if (members.length === 0) return `Record<string, ${ap && ap !== true ? print(ap as JsonSchema, ctx) : 'unknown'}>`;
      const lines = ap && ap !== false ? [...members, `${inner.indent}[key: string]: unknown;`] : members;
      return body(lines);
    }
  }
}
