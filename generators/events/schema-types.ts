/**
 * JSON Schema (as the AsyncAPI loader hands it over: refs resolved, plain
 * data) → TypeScript type text. Objects with a `title` become named
 * interfaces (Money, LineItem), shared when the same title means the same
 * schema; everything else is printed inline. Names come from titles and
 * message names only, so no `AnonymousSchema_7` ever appears.
 */
import type { JsonSchema } from '../../contracts/model/types.js';
import { createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';

/** Named declarations collected while converting, in first-use order. */
export interface TypeCollector {
  /** Type text for `schema`; `name` forces a named declaration (message payload types). */
  typeOf(schema: JsonSchema | undefined, name?: string, description?: string): string;
  /** The declarations printed so far (`export interface …`). */
  declarations(): string;
}

/** Starts a collector whose names never clash with `reserved`. */
export function createTypeCollector(reserved: Iterable<string> = []): TypeCollector {
  const scope = createNameScope(reserved);
  const byContent = new Map<string, string>();
  const named = new Map<object, string>();
  const out: string[] = [];
  const inProgress = new Set<object>();

  function literal(v: unknown): string {
    if (typeof v === 'string') return stringLiteral(v);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return JSON.stringify(v);
    return 'unknown';
  }

  function objectBody(s: Record<string, unknown>, indent: string): string {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const lines: string[] = [];
    for (const [key, prop] of Object.entries(props)) {
      const desc = typeof prop === 'object' && typeof prop.description === 'string' ? prop.description : undefined;
      const deprecated = typeof prop === 'object' && prop.deprecated === true ? '@deprecated' : undefined;
      lines.push(docComment([desc, deprecated], indent + '  ') + `${indent}  ${propertyKey(key)}${required.has(key) ? '' : '?'}: ${convert(prop, indent + '  ')};`);
    }
    const ap = s.additionalProperties;
    if (ap === true || (ap && typeof ap === 'object')) lines.push(`${indent}  [key: string]: ${ap === true ? 'unknown' : convert(ap as JsonSchema, indent + '  ') + ' | undefined'};`);
    return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : 'Record<string, unknown>';
  }

  function declare(s: Record<string, unknown>, base: string, exact = false): string {
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
    // an object without properties has a body like `Record<string, unknown>`, which only a type alias can hold
    const body = isObject ? objectBody(s, '') : undefined;
    const decl = body?.startsWith('{') ? `${doc}export interface ${name} ${body}\n` : `${doc}export type ${name} = ${body ?? convert(s, '', true)};\n`;
    inProgress.delete(s);
    out.push(decl);
    return name;
  }

  function convert(schema: JsonSchema | undefined, indent: string, skipNaming = false): string {
    if (schema === undefined || schema === true) return 'unknown';
    if (schema === false) return 'never';
    const s = schema as Record<string, unknown>;
    if (!skipNaming && typeof s.title === 'string' && s.title.trim() !== '' && (s.type === 'object' || s.properties || s.enum)) {
      if (inProgress.has(s)) return named.get(s)!;
      return declare(s, s.title);
    }
    let t: string;
    if ('const' in s) t = literal(s.const);
    else if (Array.isArray(s.enum)) t = s.enum.map(literal).join(' | ') || 'never';
    else if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) t = ((s.oneOf ?? s.anyOf) as JsonSchema[]).map((x) => wrap(convert(x, indent))).join(' | ');
    else if (Array.isArray(s.allOf)) t = (s.allOf as JsonSchema[]).map((x) => wrap(convert(x, indent))).join(' & ');
    else if (Array.isArray(s.type)) t = (s.type as string[]).map((ty) => convert({ ...s, type: ty }, indent, true)).join(' | ');
    else {
      switch (s.type) {
        case 'string':
          t = 'string';
          break;
        case 'number':
        case 'integer':
          t = 'number';
          break;
        case 'boolean':
          t = 'boolean';
          break;
        case 'null':
          t = 'null';
          break;
        case 'array':
          t = `${wrap(convert(s.items as JsonSchema | undefined, indent))}[]`;
          break;
        case 'object':
          t = objectBody(s, indent);
          break;
        default:
          t = s.properties ? objectBody(s, indent) : 'unknown';
      }
    }
    return s.nullable === true ? `${t} | null` : t;
  }

  return {
    typeOf(schema, name, description) {
      if (name && schema && typeof schema === 'object') {
        const s = { ...schema, ...(description && !schema.description ? { description } : {}) };
        return declare(s as Record<string, unknown>, name, true);
      }
      return convert(schema, '');
    },
    declarations: () => out.join('\n'),
  };
}

function wrap(t: string): string {
  return /[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t;
}
