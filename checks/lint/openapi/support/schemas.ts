/**
 * Schema helpers for rules: properties through `$ref` and `allOf`, response
 * bodies of OpenAPI 3 and 2, and what counts as a collection response.
 */
import type { Location, UserContext } from '@redocly/openapi-core';
import { resolveAt, type Located, type ResponseInfo } from './operations.js';
import { isJsonMediaType as isJsonName } from '../../../../contracts/openapi/media-types.js';

/** A response body: media type and its schema. */
export interface ResponseBody {
  mediaType: string;
  /** Location of the media type key (OpenAPI 3) or of the response (OpenAPI 2). */
  mediaLocation: Location;
  schema?: Located;
  /** The `$ref` the schema was written as, when it was one. */
  schemaRef?: string;
}

/** Media types whose body the pagination and 202 rules read as JSON: JSON ones, and the any-type wildcard (usually JSON in practice). */
export function isJsonMediaType(mediaType: string): boolean {
  return isJsonName(mediaType) || mediaType === '*/*';
}

/** The bodies of a response (OpenAPI 3 `content`; OpenAPI 2 `schema`, as `application/json` unless `produces` says otherwise). */
export function responseBodies(ctx: UserContext, response: ResponseInfo, produces?: string[]): ResponseBody[] {
  const node = response.node;
  const out: ResponseBody[] = [];
  if (node?.content && typeof node.content === 'object') {
    for (const mediaType of Object.keys(node.content)) {
      const mediaLocation = response.location.child(['content', mediaType]);
      const media = node.content[mediaType];
      const raw = media?.schema;
      out.push({
        mediaType,
        mediaLocation: mediaLocation.key(),
        schema: raw === undefined ? undefined : resolveAt(ctx, raw, mediaLocation.child(['schema'])),
        schemaRef: typeof raw?.$ref === 'string' ? raw.$ref : undefined,
      });
    }
  } else if (node?.schema !== undefined) {
    const schemaLocation = response.location.child(['schema']);
    for (const mediaType of produces?.length ? produces : ['application/json']) {
      out.push({
        mediaType,
        mediaLocation: response.location,
        schema: resolveAt(ctx, node.schema, schemaLocation),
        schemaRef: typeof node.schema.$ref === 'string' ? node.schema.$ref : undefined,
      });
    }
  }
  return out;
}

/** Properties of an object schema, following `$ref` and `allOf` (depth-limited against cycles). */
export function schemaProperties(ctx: UserContext, schema: Located | undefined, depth = 0): Map<string, Located> {
  const props = new Map<string, Located>();
  if (!schema || depth > 8 || typeof schema.node !== 'object' || schema.node === null) return props;
  const node = schema.node;
  if (node.properties && typeof node.properties === 'object') {
    for (const name of Object.keys(node.properties)) {
      const r = resolveAt(ctx, node.properties[name], schema.location.child(['properties', name]));
      if (r) props.set(name, r);
    }
  }
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((part: unknown, i: number) => {
      const r = resolveAt(ctx, part, schema.location.child(['allOf', i]));
      for (const [name, value] of schemaProperties(ctx, r, depth + 1)) if (!props.has(name)) props.set(name, value);
    });
  }
  return props;
}

/** True when a schema is an array (by `type` or by `items`). */
export function isArraySchema(schema: Located | undefined): boolean {
  const node = schema?.node;
  if (!node || typeof node !== 'object') return false;
  const type = node.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array')) || (type === undefined && node.items !== undefined);
}

/** Properties that hold the items of a wrapped collection, unless a rule is told otherwise. */
export const COLLECTION_FIELDS = ['data', 'items'];

/** How a response carries a collection. */
export type CollectionShape =
  | { kind: 'array'; schema: Located }
  | { kind: 'wrapped'; field: string; array: Located; wrapper: Located; properties: Map<string, Located> };

/**
 * Whether a response schema is a collection: an array at the top, or an array
 * under one of `fields` (`data`, `items`). An array bounded by a small
 * `maxItems` (at most `boundedMaxItems`) is a fixed list, not a collection.
 */
export function collectionShape(
  ctx: UserContext,
  schema: Located | undefined,
  fields: readonly string[],
  boundedMaxItems: number,
): CollectionShape | undefined {
  if (!schema) return undefined;
  const bounded = (s: Located) => typeof s.node?.maxItems === 'number' && s.node.maxItems <= boundedMaxItems;
  if (isArraySchema(schema)) return bounded(schema) ? undefined : { kind: 'array', schema };
  const properties = schemaProperties(ctx, schema);
  for (const field of fields) {
    const array = properties.get(field);
    if (array && isArraySchema(array) && !bounded(array)) return { kind: 'wrapped', field, array, wrapper: schema, properties };
  }
  return undefined;
}

/** Finds a property at the top of an object schema or one level down (`pagination.nextCursor`, `meta.hasMore`). */
export function findProperty(ctx: UserContext, properties: Map<string, Located>, name: string): Located | undefined {
  const direct = properties.get(name);
  if (direct) return direct;
  for (const value of properties.values()) {
    if (value.node?.type === 'object' || value.node?.properties) {
      const nested = schemaProperties(ctx, value).get(name);
      if (nested) return nested;
    }
  }
  return undefined;
}
