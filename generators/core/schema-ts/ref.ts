/** JSON Pointer `$ref`s inside one document: decoding and resolving them. */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { isSchemaObject } from './types.js';

/** Decodes a `#/a/b~1c` pointer into segments (percent-encoding and `~1`/`~0` escapes undone). */
export function pointerParts(ref: string): string[] {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      let t = s;
      try {
        t = decodeURIComponent(s);
      } catch {
        // keep as written
      }
      return t.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** The schema a local `#/…` ref points to in `document`; undefined for other refs and dangling pointers. */
export function resolveLocalRef(document: unknown, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = document;
  for (const p of pointerParts(ref)) node = isSchemaObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[p] : undefined;
  return isSchemaObject(node) || typeof node === 'boolean' ? (node as JsonSchema) : undefined;
}
