/**
 * Naming strategy: how a schema that gets its own declaration is named. A
 * name comes from what the contract calls the schema (component name, title,
 * message name, the last segment of a ref), in PascalCase, made unique in the
 * generated module's scope; its request-side twin is `<Name>Writable`, and the
 * runtime list of an enum's values `<Name>Values`.
 */
import { pascalCase } from '../names.js';

/** Hands out unique identifiers (see createNameScope in names.ts). */
export interface Scope {
  claim(base: string): string;
}

/** The type name of a schema the contract calls `raw`. */
export const typeName = (scope: Scope, raw: string): string => scope.claim(pascalCase(raw));

/** The request-side twin of the named type `read`. */
export const writableName = (scope: Scope, read: string): string => scope.claim(read + 'Writable');

/** The request-side twin of a schema the contract calls `raw`, named from the raw name (`Order` → `OrderWritable`). */
export const writableNameOf = (scope: Scope, raw: string): string => scope.claim(pascalCase(`${raw} writable`));

/** The constant listing the values of the enum type `read`. */
export const valuesName = (scope: Scope, read: string): string => scope.claim(read + 'Values');
