/**
 * Naming by title, for schemas whose refs the loader has resolved already
 * (AsyncAPI payloads: plain data; the loader cuts cycles). An object or
 * enum schema with a `title` becomes a named declaration (an `interface` for
 * a plain object), shared when the same title means the same schema;
 * everything else is printed inline. Names come from titles and the names
 * the caller gives, so no `AnonymousSchema_7` ever appears. Declarations are
 * kept in the order they were finished (a nested type before its user).
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { createNameScope, docComment, pascalCase } from '../names.js';
import { objectType } from './object.js';
import { printContext, printSchema } from './printer.js';
import { WIRE_VALUES, type PrintContext, type SchemaObject, type SchemaTsStyle } from './types.js';

/** How the events target has always printed its payloads: JSON's own types, loose parentheses, in-body index signatures. */
export const TITLED_STYLE: SchemaTsStyle = {
  parens: 'braces',
  compose: 'unions-first',
  enums: 'listed',
  nullable: 'always',
  additionalProperties: 'in-body',
  propertyDocs: 'description-deprecated',
  formats: false,
  discriminator: false,
};

/** Named declarations collected while printing, in the order they were finished. */
export interface TitledTypes {
  /** Type text for `schema`; `name` forces a named declaration of that exact name (message payload types, claimed by the caller). */
  typeOf(schema: JsonSchema | undefined, name?: string, description?: string): string;
  /** The declarations printed so far (`export interface …`, `export type …`). */
  declarations(): string;
}

/** Starts a collector whose names never clash with `reserved`. */
export function createTitledTypes(reserved: Iterable<string> = [], style: SchemaTsStyle = TITLED_STYLE): TitledTypes {
  const scope = createNameScope(reserved);
  const byContent = new Map<string, string>();
  const named = new Map<object, string>();
  const out: string[] = [];
  const inProgress = new Set<object>();

  const ctx: PrintContext = printContext({
    style,
    typed: WIRE_VALUES,
    hooks: {
      named(s) {
        if (typeof s.title !== 'string' || s.title.trim() === '' || !(s.type === 'object' || s.properties || s.enum)) return undefined;
        if (inProgress.has(s)) return named.get(s)!;
        return declare(s, s.title);
      },
    },
  });

  function declare(s: SchemaObject, base: string, exact = false): string {
    const existing = named.get(s);
    if (existing) return existing;
    const content = JSON.stringify(s);
    const same = byContent.get(`${base}\u0000${content}`);
    if (same) return same;
    // an exact name was claimed by the caller already (message types); titles get a unique name here
    const name = exact ? base : scope.claim(pascalCase(base));
    named.set(s, name);
    byContent.set(`${base}\u0000${content}`, name);
    inProgress.add(s);
    const isObject = (s.type === 'object' || s.properties !== undefined) && !s.oneOf && !s.anyOf && !s.allOf;
    const doc = docComment([typeof s.description === 'string' ? s.description : typeof s.title === 'string' && pascalCase(s.title) !== name ? s.title : undefined]);
    const decl = isObject ? declareObject(doc, name, objectType(s, ctx, printSchema)) : `${doc}export type ${name} = ${printSchema(s, { ...ctx, unnamed: true })};\n`;
    inProgress.delete(s);
    out.push(decl);
    return name;
  }


  return {
    typeOf(schema, name, description) {
      if (name && schema && typeof schema === 'object') {
        const s = { ...schema, ...(description && !schema.description ? { description } : {}) };
        return declare(s as SchemaObject, name, true);
      }
      return printSchema(schema, ctx);
    },
    declarations: () => out.join('\n'),
  };
}

// an object with members is an interface; one without (`Record<string, unknown>`) can only be a type alias
function declareObject(doc: string, name: string, body: string): string {
  return body.startsWith('{') ? `${doc}export interface ${name} ${body}\n` : `${doc}export type ${name} = ${body};\n`;
}
