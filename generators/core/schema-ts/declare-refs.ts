/**
 * Naming by reference, for schemas that keep their `$ref`s across documents
 * (a saga's `data` and the bodies and payloads of the contracts it calls):
 * each referenced schema becomes a named alias the first time it is used,
 * named after the ref's last segment, and declared once in first-use order;
 * so recursive shapes stay finite and the output reads like hand-written
 * types. A referenced schema whose members differ by direction
 * (direction.ts) gets one alias per side (`<Name>Writable` for requests).
 * Other named types (protobuf messages) join the same scope and order
 * through `declare`.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { createNameScope, docComment, pascalCase } from '../names.js';
import { hasSides } from './direction.js';
import { writableNameOf } from './naming.js';
import { printContext, printSchema } from './printer.js';
import { WIRE_VALUES, type Direction, type SchemaTsStyle } from './types.js';

/** How saga types have always been printed: JSON's own types, `&`/`|` always parenthesised, `Record` for member-less objects. */
export const REF_STYLE: SchemaTsStyle = {
  parens: 'symbols',
  compose: 'all-of-first',
  enums: 'listed',
  nullable: 'known',
  additionalProperties: 'record',
  propertyDocs: 'description',
  formats: false,
  discriminator: false,
};

/** What a ref resolves to: the schema, the document it lives in (for its own refs), a key unique across documents, and the name hint. */
export interface ResolvedRef<D> {
  schema: JsonSchema;
  doc: D;
  key: string;
  hint: string;
}

/** Named aliases collected while printing. */
export interface RefTypes<D> {
  /** Type text of `schema`, which lives in `doc`; `dir` the side of an HTTP exchange (undefined: neither). */
  schemaType(schema: JsonSchema | undefined, doc: D, indent?: string, dir?: Direction): string;
  /**
   * The name of the named type `key` (claimed from `base` on first use, then
   * `build` gives its text and doc; a recursive use during `build` gets the name).
   */
  declare(key: string, base: string, build: () => { text: string; doc?: string }): string;
  /** Reserves a name for a type the caller declares. */
  claim(base: string): string;
  /** The named types collected so far, as `export type` declarations in first-use order. */
  declarations(): string;
}

/** Starts a collector; `resolve` follows a ref seen in a document, `reserved` are names the caller declares. */
export function createRefTypes<D>(resolve: (ref: string, doc: D) => ResolvedRef<D> | undefined, reserved: Iterable<string> = [], style: SchemaTsStyle = REF_STYLE): RefTypes<D> {
  const scope = createNameScope(reserved);
  const named = new Map<string, { name: string; text: string; doc?: string }>();
  const order: string[] = [];
  const sided = new Map<string, boolean>();

  function declare(key: string, name: () => string, build: () => { text: string; doc?: string }): string {
    const existing = named.get(key);
    if (existing) return existing.name;
    const entry: { name: string; text: string; doc?: string } = { name: name(), text: 'unknown', doc: undefined };
    named.set(key, entry);
    order.push(key);
    const built = build();
    entry.text = built.text;
    entry.doc = built.doc;
    return entry.name;
  }

  function schemaType(schema: JsonSchema | undefined, doc: D, indent = '', dir?: Direction): string {
    const hooks = {
      ref(ref: string): string {
        const target = resolve(ref, doc);
        if (!target) return 'unknown';
        const side = dir !== undefined && hasSides({ $ref: ref }, doc, resolve, sided) ? dir : undefined;
        return declare(
          side ? `${target.key}|${side}` : target.key,
          () => (side === 'write' ? writableNameOf(scope, target.hint) : scope.claim(pascalCase(target.hint))),
          () => {
            const text = schemaType(target.schema, target.doc, '', side);
            const t = target.schema as Record<string, unknown>;
            return { text, doc: typeof t === 'object' && typeof t.description === 'string' ? t.description : undefined };
          },
        );
      },
    };
    return printSchema(schema, printContext({ style, typed: WIRE_VALUES, dir, indent, hooks }));
  }

  return {
    schemaType,
    declare: (key, base, build) => declare(key, () => scope.claim(pascalCase(base)), build),
    claim: (base) => scope.claim(base),
    declarations: () =>
      order
        .map((k) => named.get(k)!)
        .map((e) => `${docComment([e.doc])}export type ${e.name} = ${e.text};\n`)
        .join('\n'),
  };
}
