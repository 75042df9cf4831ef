/**
 * Walking the bundled document: following internal `$ref`s and telling where
 * each element is written (file + pointer), for SourceRefs in the model.
 */
import type { JsonSchema, SourceRef } from '../model/types.js';
import { pointerSegments } from '../source/positions.js';
import type { BundledDocument } from './bundle.js';

/** A node reached in the bundled document, with its pointer there and its source location. */
export interface Located<T = Record<string, unknown>> {
  node: T;
  /** Pointer in the bundled document. */
  pointer: string;
  location: SourceRef;
}

/** Navigation helpers over one bundled document. */
export interface Locator {
  root: Record<string, unknown>;
  /** Follows `$ref`s from `node` (found at `pointer`) to the object they name. */
  deref(node: unknown, pointer: string): Located | undefined;
  /** Source location of `node` found at bundle pointer `pointer`. */
  locate(node: unknown, pointer: string): SourceRef;
  /** Follows a schema's `$ref` chain (for inspection; the model keeps the `$ref`). */
  derefSchema(schema: JsonSchema): JsonSchema | undefined;
}

const MAX_HOPS = 64;

/** Creates a {@link Locator} for `bundled`, whose entry file is `file`. */
export function createLocator(bundled: BundledDocument, file: string): Locator {
  const root = bundled.document;
  const locate = (node: unknown, pointer: string): SourceRef =>
    (node && typeof node === 'object' ? bundled.originOf(node) : undefined) ?? { file, pointer };
  const follow = (node: unknown, pointer: string): { node: unknown; pointer: string } | undefined => {
    let current = node;
    let at = pointer;
    for (let hop = 0; isRef(current); hop++) {
      const ref = current.$ref;
      // Only internal refs remain after bundling; anything else (or a cycle of pure refs) stops here.
      if (hop >= MAX_HOPS || !ref.startsWith('#')) return undefined;
      at = ref.slice(1);
      current = getAt(root, at);
    }
    return current === undefined ? undefined : { node: current, pointer: at };
  };
  return {
    root,
    locate,
    deref(node, pointer) {
      const hit = follow(node, pointer);
      if (!hit || !isObject(hit.node)) return undefined;
      return { node: hit.node, pointer: hit.pointer, location: locate(hit.node, hit.pointer) };
    },
    derefSchema(schema) {
      const hit = follow(schema, '');
      return hit && (isObject(hit.node) || typeof hit.node === 'boolean') ? (hit.node as JsonSchema) : undefined;
    },
  };
}

/** The value at a JSON pointer, or undefined. */
export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

/** True for a plain object (not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}
