/**
 * JSON Pointer `$ref`s inside one document: decoding and resolving them. The
 * code lives with the model (contracts/model/schema-refs.ts), which holds the
 * documents the refs point into; the printer's files import it from here.
 */
export { pointerParts, resolveLocalRef } from '../../../contracts/model/schema-refs.js';
