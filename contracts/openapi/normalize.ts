/**
 * Normalizing a read (and bundled) OpenAPI document into the model's
 * `OpenApiContract`: operations, schemas, servers, security schemes.
 */
import type { ContractSpec } from '../load/types.js';
import type { HttpSchema, HttpServer, HttpTag, OpenApiContract } from '../model/types.js';
import { toPointer } from '../source/positions.js';
import type { BundledDocument } from './bundle.js';
import { createLocator, isObject, type Locator } from './locator.js';
import { normalizeOperations } from './operations.js';
import type { OpenApiDocumentRead } from './read.js';
import { unreadableParts } from './unreadable.js';

/** Builds the contract for `spec` from its read documents and their bundle. */
export function normalizeOpenApi(spec: Pick<ContractSpec, 'name'>, read: OpenApiDocumentRead, bundled: BundledDocument): OpenApiContract {
  const loc = createLocator(bundled, read.file);
  const root = loc.root;
  const v2 = read.specVersion === 'oas2';
  const info = isObject(root.info) ? root.info : {};
  return {
    name: spec.name,
    kind: 'openapi',
    file: read.file,
    files: [...read.documents.keys()],
    specVersion: read.version,
    title: typeof info.title === 'string' ? info.title : '',
    apiVersion: info.version === undefined ? '' : String(info.version),
    servers: v2 ? v2Servers(root) : v3Servers(root),
    tags: tagsOf(root),
    schemas: schemasOf(loc, v2),
    securitySchemes: securitySchemesOf(loc, v2),
    operations: normalizeOperations({ loc, v2 }),
    unreadable: unreadableParts(root),
    document: root,
  };
}

function v3Servers(root: Record<string, unknown>): OpenApiContract['servers'] {
  if (!Array.isArray(root.servers)) return [];
  return root.servers.filter(isObject).map((s) => {
    const server: HttpServer = { url: String(s.url ?? '') };
    if (typeof s.description === 'string') server.description = s.description;
    if (isObject(s.variables)) server.variables = serverVariables(s.variables);
    return server;
  });
}

function serverVariables(raw: Record<string, unknown>): NonNullable<HttpServer['variables']> {
  const out: NonNullable<HttpServer['variables']> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (!isObject(v)) continue;
    const variable: NonNullable<HttpServer['variables']>[string] = {};
    if (v.default !== undefined) variable.default = String(v.default);
    if (Array.isArray(v.enum)) variable.enum = v.enum.map(String);
    if (typeof v.description === 'string') variable.description = v.description;
    out[name] = variable;
  }
  return out;
}

function tagsOf(root: Record<string, unknown>): HttpTag[] {
  if (!Array.isArray(root.tags)) return [];
  return root.tags.filter(isObject).flatMap((t) => {
    if (typeof t.name !== 'string') return [];
    return [typeof t.description === 'string' ? { name: t.name, description: t.description } : { name: t.name }];
  });
}

/** Swagger 2.0: `schemes` × `host` + `basePath`, as 3.x-style server URLs. */
function v2Servers(root: Record<string, unknown>): OpenApiContract['servers'] {
  const basePath = typeof root.basePath === 'string' ? root.basePath : '';
  if (typeof root.host !== 'string') return basePath ? [{ url: basePath }] : [];
  const schemes = Array.isArray(root.schemes) && root.schemes.length ? root.schemes.map(String) : ['https'];
  return schemes.map((scheme) => ({ url: `${scheme}://${root.host}${basePath}` }));
}

function schemasOf(loc: Locator, v2: boolean): HttpSchema[] {
  const path = v2 ? ['definitions'] : ['components', 'schemas'];
  const map = v2 ? loc.root.definitions : isObject(loc.root.components) ? loc.root.components.schemas : undefined;
  if (!isObject(map)) return [];
  return Object.entries(map)
    .filter(([, schema]) => isObject(schema) || typeof schema === 'boolean')
    .map(([name, schema]) => ({
      name,
      schema: schema as HttpSchema['schema'],
      location: loc.locate(schema, toPointer([...path, name])),
    }));
}

function securitySchemesOf(loc: Locator, v2: boolean): OpenApiContract['securitySchemes'] {
  const path = v2 ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  const map = v2 ? loc.root.securityDefinitions : isObject(loc.root.components) ? loc.root.components.securitySchemes : undefined;
  if (!isObject(map)) return {};
  const out: OpenApiContract['securitySchemes'] = {};
  for (const [name, raw] of Object.entries(map)) {
    const hit = loc.deref(raw, toPointer([...path, name]));
    if (hit) out[name] = hit.node;
  }
  return out;
}
