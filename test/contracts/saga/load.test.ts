import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { LoadOptions } from '../../../contracts/load/types.js';
import { loadSaga, parseDuration } from '../../../contracts/saga/load.js';
import { positionOf } from '../../../contracts/source/positions.js';

const dir = resolve(import.meta.dirname, '../../fixtures/saga');
const options: LoadOptions = { cwd: dir, rootDir: dir, allowRemoteRefs: false };
const load = (file: string) => loadSaga({ name: file.replace(/\.saga\.yaml$/, ''), kind: 'saga', path: resolve(dir, file) }, options);
/** The line a finding is reported at, resolved the way reporters resolve it. */
const lineOf = (f: Finding) => f.line ?? positionOf(f.file, f.pointer, f.onKey).line;

describe('parseDuration', () => {
  it('parses the four units', () => {
    expect(parseDuration('200ms')).toBe(200);
    expect(parseDuration('5s')).toBe(5_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1h')).toBe(3_600_000);
  });
  it('rejects anything else', () => {
    for (const bad of ['5', '5 sec', '1.5s', '-1s', '1d', '', 's']) expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('loadSaga on valid definitions', () => {
  it('normalizes the issue example', async () => {
    const { contract, findings } = await load('place-order.saga.yaml');
    expect(findings).toEqual([]);
    const c = contract!;
    const file = resolve(dir, 'place-order.saga.yaml');
    expect(c).toMatchObject({ name: 'place-order', kind: 'saga', file, files: [file], saga: 'place-order', version: 1, timeoutMs: 600_000 });
    expect(c.description).toContain('orders, payments');
    expect(c.contracts).toEqual({
      orders: resolve(dir, '../openapi/orders.yaml'),
      payments: resolve(dir, '../proto'),
      events: resolve(dir, '../asyncapi/order-events-3.0.yaml'),
    });
    expect(c.data).toEqual({ type: 'object', properties: { orderId: { type: 'string' } } });
    expect(c.steps.map((s) => [s.name, s.pivot])).toEqual([
      ['create-order', false],
      ['process-payment', false],
      ['reserve-inventory', true],
      ['create-shipment', false],
    ]);
    const [create, pay, reserve, ship] = c.steps;
    expect(create!.call).toEqual({ openapi: 'orders', operationId: 'createOrder' });
    expect(create!.compensate).toEqual({ openapi: 'orders', operationId: 'cancelOrder' });
    expect(pay).toMatchObject({
      call: { grpc: 'payments', method: 'payments.v1.PaymentService/Charge' },
      timeoutMs: 5_000,
      retry: { attempts: 3, delayMs: 200, maxDelayMs: 5_000 },
    });
    expect(reserve!.call).toEqual({ asyncapi: 'events', send: 'reserveInventory', reply: 'inventoryReserved', failure: 'inventoryReservationFailed' });
    expect(reserve!.compensate).toBeUndefined();
    expect(ship!.retry).toEqual({ attempts: 'unlimited', delayMs: 1_000, maxDelayMs: 60_000 });
    expect(reserve!.location).toEqual({ file, pointer: '/steps/2' });
    expect(positionOf(file, reserve!.location.pointer).line).toBe(21);
  });

  it('makes the last step the pivot when none is marked, and defaults the retry delay', async () => {
    const { contract, findings } = await load('no-pivot.saga.yaml');
    expect(findings).toEqual([]);
    expect(contract!.steps.map((s) => s.pivot)).toEqual([false, true]);
    expect(contract!.steps[0]!.call).toEqual({ local: 'recordRequest' });
    expect(contract!.steps[0]!.retry).toEqual({ attempts: 2, delayMs: 1_000 });
    expect(contract!.contracts).toEqual({});
    expect(contract!.timeoutMs).toBeUndefined();
  });
});

describe('loadSaga on invalid definitions', () => {
  it('reports a wrong call form once per step, at its line', async () => {
    const { contract, findings } = await load('wrong-call-form.saga.yaml');
    expect(contract).toBeUndefined();
    expect(findings.every((f) => f.ruleId === 'load/invalid-saga' && f.kind === 'saga' && f.severity === 'error' && f.hint)).toBe(true);
    expect(findings.map((f) => [f.pointer, lineOf(f)])).toEqual([
      ['/steps/1/call/grpc', 10],
      ['/steps/2/call', 12],
      ['/steps/3/call', 14],
    ]);
    expect(findings[0]!.message).toContain('mixes `openapi` and `grpc`');
    expect(findings[1]!.message).toContain('missing `method`');
    expect(findings[2]!.message).toContain('names no call form');
  });

  it('reports bad durations and attempts in plain words', async () => {
    const { findings } = await load('bad-duration.saga.yaml');
    expect(findings.map((f) => [f.pointer, lineOf(f)])).toEqual([
      ['/timeout', 3],
      ['/steps/0/retry/attempts', 8],
      ['/steps/0/retry/delay', 9],
    ]);
    expect(findings[0]!.message).toBe('`timeout` is not a duration.');
    expect(findings[0]!.hint).toContain('200ms');
    expect(findings[1]!.message).toContain('positive whole number or `unlimited`');
  });

  it('reports missing steps and a saga id that is not kebab-case', async () => {
    const { findings } = await load('missing-steps.saga.yaml');
    const missing = findings.find((f) => f.message.includes('missing `steps`'))!;
    expect(missing).toMatchObject({ pointer: '' });
    expect(lineOf(missing)).toBe(1);
    const id = findings.find((f) => f.pointer === '/saga')!;
    expect(id.message).toContain('kebab-case');
    expect(lineOf(id)).toBe(1);
  });

  it('checks step names, pivots and contract names across steps', async () => {
    const { findings } = await load('cross-checks.saga.yaml');
    expect(findings.map((f) => [f.pointer, lineOf(f)])).toEqual([
      ['/steps/1/name', 9],
      ['/steps/1/pivot', 10],
      ['/steps/1/call/openapi', 11],
    ]);
    expect(findings[2]!.message).toContain('`billing`');
  });

  it('reports invalid YAML with line and column', async () => {
    const { findings } = await load('invalid-yaml.saga.yaml');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ ruleId: 'load/invalid-yaml', kind: 'saga' });
    expect(findings[0]!.line).toBeGreaterThanOrEqual(5);
    expect(findings[0]!.column).toBeGreaterThan(0);
  });

  it('reports a missing file', async () => {
    const { findings } = await load('absent.saga.yaml');
    expect(findings).toMatchObject([{ ruleId: 'load/unreadable', kind: 'saga' }]);
  });
});
