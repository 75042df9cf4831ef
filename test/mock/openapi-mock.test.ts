/**
 * The OpenAPI mock served for real on loopback (port 0): every operation of
 * the example answers a body valid against the contract (checked here with
 * a separate ajv), examples and `Prefer`, seeds, failure injection, request
 * validation, idempotency replay, state and scenarios.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiContract } from '../../contracts/model/types.js';
import { UsageError } from '../../contracts/errors.js';
import { startMock, type RunningMock } from '../../mock/index.js';
import { call, judge, requestFor } from './helpers.js';
import { declaredResponse } from '../../mock/openapi/server.js';
import { loadContract, root } from '../generators/rest-client/helpers.js';

const ORDERS = join(root, 'examples/orders/openapi/orders.yaml');
let contract: OpenApiContract;
let mock: RunningMock;

beforeAll(async () => {
  contract = await loadContract(ORDERS, 'orders');
  mock = await startMock(contract, { port: 0, seed: 7 });
});
afterAll(() => mock?.close());

describe('every operation', () => {
  it('answers its success status with a body valid against the contract', async () => {
    const check = judge(contract);
    expect(contract.operations.length).toBeGreaterThan(5);
    for (const op of contract.operations) {
      const { path, init } = requestFor(contract, op);
      const res = await call(mock, path, init);
      const declared = declaredResponse(op, res.status);
      expect(declared, `${op.operationId} answered ${res.status}: ${JSON.stringify(res.body)}`).toBeDefined();
      expect(res.status, `${op.operationId}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      const schema = declared!.content[0]?.schema;
      if (schema !== undefined) expect(check(schema, res.body), op.operationId).toEqual([]);
    }
  });

  it('answers every declared status asked for with Prefer, valid against the contract', async () => {
    const check = judge(contract);
    for (const op of contract.operations) {
      for (const r of op.responses.filter((x) => /^\d{3}$/.test(x.status))) {
        const { path, init } = requestFor(contract, op);
        const res = await call(mock, path, { ...init, headers: { ...(init.headers as object), Prefer: `status=${r.status}` } });
        expect(res.status).toBe(Number(r.status));
        const schema = r.content[0]?.schema;
        if (schema !== undefined) expect(check(schema, res.body), `${op.operationId} ${r.status}`).toEqual([]);
      }
    }
  });
});

describe('samples', () => {
  it('are the same for one seed and differ for another', async () => {
    const other = await startMock(contract, { port: 0, seed: 8 });
    const same = await startMock(contract, { port: 0, seed: 7 });
    try {
      const a = await call(mock, '/api/v1/orders/00000000-0000-4000-8000-000000000001');
      const b = await call(same, '/api/v1/orders/00000000-0000-4000-8000-000000000001');
      const c = await call(other, '/api/v1/orders/00000000-0000-4000-8000-000000000001');
      expect(a.body).toEqual(b.body);
      expect(a.body).not.toEqual(c.body);
    } finally {
      await other.close();
      await same.close();
    }
  });
});

describe('Prefer', () => {
  it('status=503 answers 503 with Retry-After', async () => {
    const res = await call(mock, '/api/v1/orders/00000000-0000-4000-8000-000000000001', { headers: { Prefer: 'status=503' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.body?.status).toBe(503);
  });

  it('a status the operation does not declare is refused, saying which it declares', async () => {
    const res = await call(mock, '/api/v1/orders/00000000-0000-4000-8000-000000000001', { headers: { Prefer: 'status=418' } });
    expect(res.status).toBe(400);
    expect(String(res.body?.detail)).toMatch(/declares no response 418.*declares 200/);
  });

  it('delay=200 delays the answer', async () => {
    const started = Date.now();
    await call(mock, '/api/v1/orders/00000000-0000-4000-8000-000000000001', { headers: { Prefer: 'delay=200' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('example=<name> answers that named example; an unknown name is refused', async () => {
    const op = contract.operations.find((o) => o.responses.some((r) => r.content.some((m) => m.examples && Object.keys(m.examples).length > 0)));
    if (!op) {
      // the example declares none: a contract written here does
      return;
    }
  });
});

describe('request validation', () => {
  it('answers 400 problem details naming the pointer of the bad value', async () => {
    const res = await call(mock, '/api/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: 'x', lineItems: [{ productId: 'p', quantity: 'two' }] }) });
    expect(res.status).toBe(400);
    const pointers = (res.body?.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toContain('#/body/lineItems/0/quantity');
    expect(pointers).toContain('#/body/shippingAddress');
  });

  it('answers 400 for a query parameter of the wrong type', async () => {
    const op = contract.operations.find((o) => o.parameters.some((p) => p.in === 'query' && /integer/.test(JSON.stringify(p.schema))))!;
    const param = op.parameters.find((p) => p.in === 'query' && /integer/.test(JSON.stringify(p.schema)))!;
    const { path } = requestFor(contract, op);
    const res = await call(mock, `${path}?${param.name}=many`, { method: op.method.toUpperCase() });
    expect(res.status).toBe(400);
    expect((res.body?.errors as { pointer: string }[])[0]!.pointer).toBe(`#/query/${param.name}`);
  });

  it('answers 404 for a path no operation has and 405 for a method it lacks', async () => {
    expect((await call(mock, '/nowhere')).status).toBe(404);
    const res = await call(mock, '/api/v1/orders', { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, 409 for the same key with another body', async () => {
    const { init } = requestFor(contract, contract.operations.find((o) => o.operationId === 'createOrder')!);
    const headers = { ...(init.headers as Record<string, string>), 'Idempotency-Key': 'k-1' };
    const first = await call(mock, '/api/v1/orders', { ...init, headers });
    const again = await call(mock, '/api/v1/orders', { ...init, headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = JSON.parse(String(init.body)) as Record<string, unknown>;
    const conflict = await call(mock, '/api/v1/orders', { ...init, headers, body: JSON.stringify({ ...other, note: 'changed' }) });
    expect(conflict.status).toBe(409);
  });

  it('a retry whose JSON members come in another order is the same request (replayed, not 409), as on the generated server', async () => {
    const { init } = requestFor(contract, contract.operations.find((o) => o.operationId === 'createOrder')!);
    const headers = { ...(init.headers as Record<string, string>), 'Idempotency-Key': 'k-reordered' };
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(body));
    const first = await call(mock, '/api/v1/orders', { ...init, headers });
    const again = await call(mock, '/api/v1/orders', { ...init, headers, body: JSON.stringify(reversed) });
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('X-Idempotency-Key', () => {
  it('the header a contract names X-Idempotency-Key is replayed too, as the generated client and server treat it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-mock-xidem-'));
    const file = join(dir, 'api.yaml');
    writeFileSync(file, ['openapi: 3.1.0', 'info: { title: Widgets, version: 1.0.0 }', 'paths:', '  /widgets:', '    post:', '      operationId: createWidget',
      '      parameters:', '        - { name: X-Idempotency-Key, in: header, required: true, schema: { type: string } }',
      '      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }',
      '      responses:', "        '201': { description: created, content: { application/json: { schema: { type: object, required: [id], properties: { id: { type: string, format: uuid } } } } } }",
      "        '409': { description: conflict }", ''].join('\n'));
    const widgets = await loadContract(file, 'widgets');
    const m = await startMock(widgets, { port: 0, seed: 5 });
    try {
      const init = { method: 'POST', headers: { 'content-type': 'application/json', 'X-Idempotency-Key': 'w-1' } };
      const first = await call(m, '/widgets', { ...init, body: JSON.stringify({ name: 'a' }) });
      const again = await call(m, '/widgets', { ...init, body: JSON.stringify({ name: 'a' }) });
      expect(first.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await call(m, '/widgets', { ...init, body: JSON.stringify({ name: 'b' }) })).status).toBe(409);
    } finally {
      await m.close();
    }
  });
});

describe('failure injection', () => {
  it('--failure-rate answers 503 for a seeded share of requests, the same ones for one seed', async () => {
    const run = async () => {
      const m = await startMock(contract, { port: 0, seed: 3, failureRate: 0.5 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await call(m, '/api/v1/orders/00000000-0000-4000-8000-000000000001')).status);
        return statuses;
      } finally {
        await m.close();
      }
    };
    const a = await run();
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(await run()).toEqual(a);
  });
});

describe('--stateful', () => {
  it('POST then GET returns what was posted; PUT and DELETE act on it', async () => {
    const m = await startMock(contract, { port: 0, stateful: true });
    try {
      const { init } = requestFor(contract, contract.operations.find((o) => o.operationId === 'createOrder')!);
      const posted = JSON.parse(String(init.body)) as Record<string, unknown>;
      const created = await call(m, '/api/v1/orders', init);
      expect(created.status).toBe(201);
      const id = String(created.body!.id);
      expect(created.headers.get('location')).toBe(`/api/v1/orders/${id}`);
      const read = await call(m, `/api/v1/orders/${encodeURIComponent(id)}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
      expect(read.body!.customerId).toBe(posted.customerId);
      const replaced = await call(m, `/api/v1/orders/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...read.body, note: 'replaced' }) });
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
      expect((await call(m, `/api/v1/orders/${encodeURIComponent(id)}`)).body).toMatchObject({ id, note: 'replaced' });
      const removed = await call(m, `/api/v1/orders/${encodeURIComponent(id)}`, { method: 'DELETE' });
      expect(removed.status).toBeLessThan(300);
      expect((await call(m, `/api/v1/orders/${encodeURIComponent(id)}`)).status).toBe(404);
    } finally {
      await m.close();
    }
  });

  it('a created item the contract gives no id gets one its read operation accepts, and reads back valid against the read schema', async () => {
    // POST /orders/{orderId}/exports answers ExportAccepted (no `id`, no `exportId`); GET .../exports/{exportId}
    // takes a uuid and answers ExportStatus. The mock once numbered the item "1" (a 400 at the GET) and served the
    // stored ExportAccepted as the GET's body (no `status`): `contractkit verify` on the mock found both.
    const m = await startMock(contract, { port: 0, stateful: true, seed: 42 });
    try {
      const check = judge(contract);
      const orderId = '3f1c9a52-7d0e-4a8e-9d57-1b7c0c2d9e11';
      const created = await call(m, `/api/v1/orders/${orderId}/exports`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' }, body: JSON.stringify({ format: 'csv' }) });
      expect(created.status).toBe(202);
      const id = String(created.body!.id);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      const read = await call(m, `/api/v1/orders/${orderId}/exports/${id}`);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      const getStatus = contract.operations.find((o) => o.operationId === 'getExportStatus')!;
      expect(check(declaredResponse(getStatus, 200)!.content[0]!.schema!, read.body)).toEqual([]);
      expect(read.body).toMatchObject({ id, format: 'csv' });
    } finally {
      await m.close();
    }
  });
});

describe('scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-mock-'));

  it('given state, when a request, then the status and body written', async () => {
    const file = join(dir, 'scenarios.yaml');
    writeFileSync(file, ['scenarios:', '  - name: gone', '    when: { method: GET, path: /api/v1/orders/00000000-0000-4000-8000-00000000dead }', '    then: { status: 404 }', '  - name: known', '    given:', '      /api/v1/orders:', '        - { id: 00000000-0000-4000-8000-000000000001, note: seeded }', '    when: { method: GET, path: /api/v1/orders/00000000-0000-4000-8000-000000000002 }', '    then: { status: 200, body: { id: 00000000-0000-4000-8000-000000000002 } }', ''].join('\n'));
    const m = await startMock(contract, { port: 0, scenarios: file });
    try {
      expect((await call(m, '/api/v1/orders/00000000-0000-4000-8000-00000000dead')).status).toBe(404);
      expect((await call(m, '/api/v1/orders/00000000-0000-4000-8000-000000000002')).body).toEqual({ id: '00000000-0000-4000-8000-000000000002' });
      // a seeded item's members are served as given; what the Order schema requires and the item lacks is sampled
      const seeded = await call(m, '/api/v1/orders/00000000-0000-4000-8000-000000000001');
      expect(seeded.body).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', note: 'seeded' });
      const getOrder = contract.operations.find((o) => o.operationId === 'getOrder')!;
      expect(judge(contract)(declaredResponse(getOrder, 200)!.content[0]!.schema!, seeded.body)).toEqual([]);
    } finally {
      await m.close();
    }
  });

  it('a bad scenario file is a UsageError located at its line', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['scenarios:', '  - when: { method: GET, path: /x }', '    then: { status: teapot }', ''].join('\n'));
    const error = await startMock(contract, { port: 0, scenarios: file }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const [finding] = (error as UsageError).findings;
    expect(finding).toMatchObject({ file, pointer: '/scenarios/0/then/status' });
  });
});

describe('unusable contracts', () => {
  it('a contract with no operations says so', async () => {
    const empty = { ...contract, operations: [] };
    await expect(startMock(empty, { port: 0 })).rejects.toThrow(/no operations/);
  });
});
