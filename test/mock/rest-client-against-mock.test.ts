/**
 * The example's generated REST client (examples/orders/generated/rest-client)
 * against the mock, as a consumer tests without the provider: its retries
 * are seen against `Prefer: status=503` (with Retry-After) and get through
 * a seeded `--failure-rate`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HttpProblemError } from '@contractkit/runtime/http';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { startMock, type RunningMock } from '../../mock/index.js';
import { createOrdersAPIClient } from '../../examples/orders/generated/rest-client/index.js';
import { loadContract, root } from '../generators/rest-client/helpers.js';

let contract: OpenApiContract;
const lines: string[] = [];
let mock: RunningMock;
const ORDER = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders');
  mock = await startMock(contract, { port: 0, log: (l) => lines.push(l) });
});
afterAll(() => mock?.close());

it('retries a 503 the mock was asked for, then reports it', async () => {
  lines.length = 0;
  const client = createOrdersAPIClient({ baseUrl: mock.url, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 20 }, circuitBreaker: false, headers: { Prefer: 'status=503' } });
  const error = await client.orders.getOrder({ path: { orderId: ORDER } }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpProblemError);
  expect((error as HttpProblemError).status).toBe(503);
  expect(lines.filter((l) => l.includes('→ 503'))).toHaveLength(3);
});

it('gets through a seeded failure rate by retrying', async () => {
  const flaky = await startMock(contract, { port: 0, seed: 5, failureRate: 0.5, log: (l) => lines.push(l) });
  try {
    lines.length = 0;
    const client = createOrdersAPIClient({ baseUrl: flaky.url, retry: { maxRetries: 6, baseDelayMs: 1, maxDelayMs: 20 }, circuitBreaker: false });
    for (let i = 0; i < 5; i++) {
      const order = await client.orders.getOrder({ path: { orderId: ORDER } });
      expect(typeof order.id).toBe('string');
    }
    expect(lines.some((l) => l.includes('→ 503'))).toBe(true);
  } finally {
    await flaky.close();
  }
});
