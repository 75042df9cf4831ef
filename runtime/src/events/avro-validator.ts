/**
 * Validators of Avro payloads (AsyncAPI `schemaFormat:
 * application/vnd.apache.avro…`) on avsc: `Type.forSchema(schema, {
 * wrapUnions: 'never' }).isValid(value)`, the value being the payload as it
 * travels in the JSON envelope (unions unwrapped; the generator refuses
 * unions avsc cannot tell apart). avsc is an optional peer dependency,
 * loaded when the first Avro payload is validated, so services without
 * Avro payloads need not install it.
 */
import { createRequire } from 'node:module';
import type { EventValidator } from './validation.js';

/** What avsc says about a type: a named type's full name, or its kind (`int`, `array`, `union:unwrapped`). */
interface AvscTypeInfo {
  name?: string | undefined;
  typeName?: string | undefined;
  toString(): string;
}
interface AvscType {
  isValid(value: unknown, options: { errorHook: (path: string[], value: unknown, type: AvscTypeInfo) => void }): boolean;
}
interface Avsc {
  Type: { forSchema(schema: unknown, options: { wrapUnions: 'never' }): AvscType };
}

let avsc: Avsc | undefined;

function loadAvsc(): Avsc {
  if (avsc) return avsc;
  try {
    avsc = createRequire(import.meta.url)('avsc') as Avsc;
  } catch (err) {
    throw new Error(`Avro payloads are validated with the \`avsc\` package, which is not installed: npm install avsc (${(err as Error).message})`);
  }
  return avsc;
}

/** A type as an error names it: `int`, `com.example.OrderLine`, or its schema (`["null","string"]`) when it has neither. */
function typeName(type: AvscTypeInfo): string {
  if (type.name) return type.name;
  if (type.typeName && !/[:]/.test(type.typeName) && !['array', 'map'].includes(type.typeName)) return type.typeName;
  const text = type.toString();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * An {@link EventValidator} checking values against the Avro `schema`; its
 * `errors` name each invalid value by its path (`/lines/0/quantity must be
 * "int"`). The schema is compiled on the first call.
 */
export function avroValidator(schema: unknown): EventValidator {
  let type: AvscType | undefined;
  const validate: EventValidator = (value: unknown): boolean => {
    type ??= loadAvsc().Type.forSchema(schema, { wrapUnions: 'never' });
    const errors: NonNullable<EventValidator['errors']> = [];
    const ok = type.isValid(value, {
      errorHook: (path, v, t) => errors.push({ instancePath: path.length ? `/${path.join('/')}` : '', message: v === undefined ? `is missing (Avro ${typeName(t)})` : `must be Avro ${typeName(t)}`, params: {} }),
    });
    validate.errors = ok ? null : errors;
    return ok;
  };
  return validate;
}
