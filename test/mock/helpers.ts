/**
 * Helpers of the mock tests: an ajv of the tests' own to judge answers, a
 * contract-valid request for an operation, and a fetch that parses JSON.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { HttpOperation, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { DOC_ID, toJsonSchema } from '../../contracts/openapi/json-schema.js';
import { refTargets } from '../../contracts/openapi/local-ref.js';
import type { RunningMock } from '../../mock/index.js';
import { createSampler } from '../../mock/openapi/samples.js';

/** An ajv of the test's own over the contract, to judge the mock's answers. */
export function judge(c: OpenApiContract): (schema: JsonSchema, value: unknown) => string[] {
  const v30 = /^3\.0|^2/.test(c.specVersion);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...(toJsonSchema(refTargets(c), v30) as object), $id: DOC_ID });
  return (schema, value) => {
    const validate = ajv.compile(toJsonSchema(schema, v30) as object);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

/** A request for `op` that the contract accepts: path parameters and a body sampled with another seed. */
export function requestFor(c: OpenApiContract, op: HttpOperation): { path: string; init: RequestInit } {
  const sampler = createSampler(c, 99);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(String(p?.schema ? sampler.sample(p.schema, name) : 'x'));
  });
  const headers: Record<string, string> = {};
  for (const p of op.parameters) if (p.in === 'header' && p.required && p.schema) headers[p.name] = String(sampler.sample(p.schema, p.name));
  const query = new URLSearchParams();
  for (const p of op.parameters) if (p.in === 'query' && p.required && p.schema) query.set(p.name, String(sampler.sample(p.schema, p.name)));
  const media = op.requestBody?.content.find((m) => m.mediaType.includes('json'));
  const body = media?.schema !== undefined ? JSON.stringify(sampler.sample(media.schema, `${op.operationId}:body`)) : undefined;
  if (body) headers['content-type'] = media!.mediaType;
  return { path: query.size > 0 ? `${path}?${query}` : path, init: { method: op.method.toUpperCase(), headers, body } };
}

/** Fetches `path` from the mock; the body parsed as JSON. */
export const call = async (m: RunningMock, path: string, init: RequestInit = {}) => {
  const res = await fetch(m.url + path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};

