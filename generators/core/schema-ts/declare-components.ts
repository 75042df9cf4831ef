/**
 * Naming by component: every `#/components/schemas/*` schema of an OpenAPI
 * contract is a named type, declared once in the types module (so recursion
 * is free), in the contract's order. A schema whose members differ by
 * direction (direction.ts) gets a second, request-side type
 * (`<Name>Writable`); an enum, a runtime list of its values. Other local refs
 * are printed inline.
 */
import { schemaAtRef } from '../../../contracts/model/schema-refs.js';
import type { JsonSchema, OpenApiContract } from '../../../contracts/model/types.js';
import { docComment } from '../names.js';
import { directionalSchemas } from './direction.js';
import { enumLiterals } from './enum-const.js';
import { typeName, valuesName, writableName, type Scope } from './naming.js';
import { printContext, printSchema } from './printer.js';
import { aliasEdges, InlineStack } from './recursion.js';
import { pointerParts } from './ref.js';
import { EXACT_STYLE, isSchemaObject, WIRE_VALUES, type Direction, type PrintHooks, type SchemaObject, type TypedValueOptions } from './types.js';

interface Named {
  raw: string;
  pointer: string;
  schema: JsonSchema;
  read: string;
  /** Request-side name, when the schema differs by direction. */
  write?: string;
  /** Runtime list of enum values, for enum schemas. */
  values?: string;
}

const SCHEMAS_PREFIX = '#/components/schemas/';

/** The component types of one contract. `refName` maps a named type to the local name to print (imports). */
export interface ComponentTypes {
  /** TypeScript type text of `schema`. */
  typeOf(schema: JsonSchema | undefined, direction: Direction, refName: (name: string) => string): string;
  /** Follows `$ref`s to the schema object. */
  deref(schema: JsonSchema | undefined): JsonSchema | undefined;
  /** Declarations of every component schema (and enum value lists), for the types file. */
  declarations(): string;
  /** Every named type. */
  names(): string[];
}

/** Names the component schemas of `contract` in `types` (their enum lists in `values`) and prints with them. */
export function createComponentTypes(contract: OpenApiContract, types: Scope, values: Scope, typed: TypedValueOptions = WIRE_VALUES): ComponentTypes {
  const byPointer = new Map<string, Named>();
  const named: Named[] = [];
  for (const s of contract.schemas) {
    const n: Named = { raw: s.name, pointer: SCHEMAS_PREFIX + s.name, schema: s.schema, read: typeName(types, s.name) };
    named.push(n);
    byPointer.set(n.pointer, n);
  }
  const lookup = (ref: string): Named | undefined => {
    if (!ref.startsWith(SCHEMAS_PREFIX)) return undefined;
    const parts = pointerParts(ref);
    return parts.length === 3 ? byPointer.get(SCHEMAS_PREFIX + parts[2]) : undefined;
  };
  const resolve = (ref: string) => schemaAtRef(contract, ref);
  const schemas = new Map(named.map((n) => [n, n.schema]));

  const directional = directionalSchemas(schemas, lookup, resolve);
  for (const n of named) {
    if (directional.has(n)) n.write = writableName(types, n.read);
    if (isSchemaObject(n.schema) && Array.isArray(n.schema.enum) && enumLiterals(n.schema.enum).length > 0) n.values = valuesName(values, n.read);
  }
  const reaches = aliasEdges(schemas, lookup);
  const byName = new Map(named.flatMap((n) => [[n.read, n] as const, ...(n.write ? [[n.write, n] as const] : [])]));

  /** The hooks of one print: component refs by name (through `refName`), other local refs inline. */
  const hooks = (refName: (name: string) => string, stack: InlineStack): PrintHooks => ({
    ref(ref, ctx) {
      const target = lookup(ref);
      if (target) {
        const alias = ctx.aliasOf === undefined ? undefined : byName.get(ctx.aliasOf);
        if (alias && reaches(target, alias)) return 'unknown';
        return refName(ctx.dir === 'write' && target.write ? target.write : target.read);
      }
      return stack.enter(ref, () => {
        const resolved = resolve(ref);
        return resolved === undefined ? 'unknown' : printSchema(resolved, ctx);
      });
    },
    refTarget: (ref) => lookup(ref)?.raw,
  });

  function declare(n: Named, dir: Direction, name: string): string {
    const s = n.schema;
    const doc = isSchemaObject(s) ? docComment([typeof s.description === 'string' ? s.description.trim() : typeof s.title === 'string' ? s.title.trim() : undefined, s.deprecated === true ? '@deprecated' : undefined]) : '';
    const stack = new InlineStack();
    stack.hold(n.pointer);
    const type = printSchema(s, { ...printContext({ style: EXACT_STYLE, typed, dir, hooks: hooks((x) => x, stack) }), aliasOf: name });
    return `${doc}export type ${name} = ${type};\n`;
  }

  return {
    typeOf: (schema, dir, refName) => printSchema(schema, printContext({ style: EXACT_STYLE, typed, dir, hooks: hooks(refName, new InlineStack()) })),
    deref(schema) {
      let s = schema;
      for (let i = 0; i < 20 && isSchemaObject(s) && typeof s.$ref === 'string'; i++) s = resolve(s.$ref);
      return s;
    },
    declarations() {
      const out: string[] = [];
      for (const n of named) {
        out.push(declare(n, 'read', n.read));
        if (n.write) out.push(declare(n, 'write', n.write));
        if (n.values) out.push(`/** Every value of {@link ${n.read}}, for runtime checks and pickers. */\nexport const ${n.values} = [${enumLiterals((n.schema as SchemaObject).enum as unknown[]).join(', ')}] as const;\n`);
        out.push('\n');
      }
      return out.join('');
    },
    names: () => named.flatMap((n) => (n.write ? [n.read, n.write] : [n.read])),
  };
}
