/**
 * `type: object`: one member per property (optional unless `required`),
 * with its doc comment; a property only one side of the wire carries
 * (`readOnly`, `writeOnly`) is left out of the other side's type. The index
 * signature and the empty object are additional-properties.ts's.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { docComment, propertyKey } from '../names.js';
import { closeObject } from './additional-properties.js';
import type { PrintContext, PrintSchema, SchemaObject } from './types.js';

/** Whether a property is absent on this side of the wire. */
export function hiddenOnSide(p: unknown, ctx: PrintContext): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const s = p as SchemaObject;
  return (ctx.dir === 'write' && s.readOnly === true) || (ctx.dir === 'read' && s.writeOnly === true);
}

/** The doc comment lines of a property, as the style writes them. */
export function propertyDoc(p: unknown, ctx: PrintContext): (string | undefined)[] {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return [];
  const s = p as SchemaObject;
  const description = typeof s.description === 'string' ? s.description : undefined;
  const deprecated = s.deprecated === true ? '@deprecated' : undefined;
  switch (ctx.style.propertyDocs) {
    case 'summary':
      return [description !== undefined ? description.trim() : typeof s.title === 'string' ? s.title.trim() : undefined, deprecated];
    case 'description-deprecated':
      return [description, deprecated];
    case 'description':
      return [description];
  }
}

/** The object type of `s`: `{ … }`, a `Record`, or an intersection with an index signature. */
export function objectType(s: SchemaObject, ctx: PrintContext, print: PrintSchema): string {
  const props = (isPlain(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const inner = { ...ctx, indent: ctx.indent + '  ' };
  const members: string[] = [];
  for (const [name, p] of Object.entries(props)) {
    if (hiddenOnSide(p, ctx)) continue;
    const doc = docComment(propertyDoc(p, ctx), inner.indent);
    members.push(`${doc}${inner.indent}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${print(p, inner)};`);
  }
  return closeObject(s, members, Object.keys(props).length, ctx, print);
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
