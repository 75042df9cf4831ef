/**
 * OpenAPI documents the rest-client generator cannot produce a faithful
 * client from, though they load: `paths` or an operation that is not an
 * object (the loader skips what it cannot read, so the client would silently
 * lack it), or nothing at all to generate (no operation, no schema).
 */
import type { Finding } from '../../contracts/finding.js';
import type { OpenApiContract } from '../../contracts/model/types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Located findings explaining why `contract` cannot be generated from, or [] when it can. */
export function unusableForRestClient(contract: OpenApiContract): Finding[] {
  const doc = contract.document as Record<string, unknown>;
  const at = (pointer: string, message: string, hint: string): Finding => ({ ruleId: 'rest-client/unusable', severity: 'error', kind: 'openapi', file: contract.file, pointer, message, hint });
  const findings: Finding[] = [];
  const paths = doc.paths;
  if (paths !== undefined && !isObject(paths)) {
    findings.push(at('/paths', '`paths` is not an object, so no operation can be read from it.', 'Make `paths` a map of path templates to path items (`/orders: { get: … }`), or remove it.'));
  } else if (isObject(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      const p = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isObject(item)) {
        findings.push(at(p, `The path item ${path} is not an object.`, 'A path item maps HTTP methods to operations: `get: { responses: … }`.'));
        continue;
      }
      for (const m of METHODS) {
        if (item[m] !== undefined && !isObject(item[m])) findings.push(at(`${p}/${m}`, `The ${m.toUpperCase()} operation of ${path} is not an object.`, 'An operation is an object with at least `responses`.'));
      }
    }
  }
  if (findings.length === 0 && contract.operations.length === 0 && !hasSchemas(doc)) {
    findings.push(at(isObject(paths) ? '/paths' : '', 'The document has no operation and no schema: there is nothing to generate a client from.', 'Add operations under `paths` (or schemas under `components.schemas`).'));
  }
  return findings;
}

function hasSchemas(doc: Record<string, unknown>): boolean {
  const components = doc.components;
  return isObject(components) && isObject(components.schemas) && Object.keys(components.schemas).length > 0;
}
