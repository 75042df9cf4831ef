/**
 * Metadata helpers.
 */
import { Metadata } from '@grpc/grpc-js';
import type { MetadataInit } from './types.js';

/** grpc-js `Metadata` from a record or Metadata (a copy, so callers' objects are never changed). */
export function toMetadata(...inits: (MetadataInit | undefined)[]): Metadata {
  const md = new Metadata();
  for (const init of inits) {
    if (!init) continue;
    if (init instanceof Metadata) {
      md.merge(init);
      continue;
    }
    for (const [key, value] of Object.entries(init)) {
      for (const v of Array.isArray(value) ? value : [value]) md.add(key, v);
    }
  }
  return md;
}
