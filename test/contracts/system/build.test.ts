import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSystemMap } from '../../../contracts/system/build.js';
import type { SystemMap } from '../../../contracts/system/types.js';
import { callsOf } from '../../../contracts/system/queries.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractSpec } from '../../../contracts/load/types.js';
import { loadExampleModel } from './example-model.js';

const fixtures = resolve(import.meta.dirname, '../../fixtures/map');

async function mapOf(files: string[]): Promise<SystemMap> {
  const specs: ContractSpec[] = files.map((f) => ({ name: f.replace(/\.yaml$/, ''), kind: 'asyncapi', path: resolve(fixtures, f) }));
  const loaded = await loadContracts(specs, { cwd: fixtures, rootDir: fixtures, allowRemoteRefs: false });
  expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return buildSystemMap(loaded.model);
}

describe('buildSystemMap on examples/orders', () => {
  let map: SystemMap;
  beforeAll(async () => {
    map = buildSystemMap(await loadExampleModel());
  }, 120_000);

  it('finds every service, merging REST, gRPC, GraphQL and event contracts of one service', () => {
    expect(map.services.map((s) => [s.id, s.name, s.origin])).toEqual([
      ['customer', 'customers', 'graphql-subgraph'],
      // the browser side of the WebSocket notification (asyncapi/customer-app.yaml)
      ['customer-app', 'customer-app', 'title'],
      ['inventory', 'inventory', 'title'],
      ['notification', 'notification', 'title'],
      ['order', 'orders', 'proto-package'],
      ['payment', 'payments', 'proto-package'],
    ]);
    expect(map.services.find((s) => s.id === 'order')!.contracts).toEqual(['order-events', 'orders-api', 'orders-graph', 'orders-grpc']);
  });

  it('lists what each service offers', () => {
    const of = (svc: string) => map.operations.filter((o) => o.service === svc).map((o) => o.id);
    expect(of('order')).toContain('rest:orders-api:createOrder');
    expect(of('order')).toContain('rpc:orders.v1.OrderService/GetOrder');
    expect(of('payment')).toEqual(expect.arrayContaining(['rpc:payments.v1.PaymentService/Charge', 'rpc:payments.v1.PaymentService/Refund']));
    expect(of('customer').every((id) => id.startsWith('graphql:customers:'))).toBe(true);
    expect(of('customer').length).toBeGreaterThan(0);
  });

  it('gives each event its producers, consumers and versions', () => {
    const placed = map.events.find((e) => e.key === 'order.placed')!;
    expect(placed.producers.map((u) => u.service)).toEqual(['order']);
    expect(placed.consumers.map((u) => u.service)).toEqual(['notification']);
    expect(placed.messages.map((m) => [m.id, m.version])).toEqual([['orderPlacedV1', 1], ['orderPlacedV2', 2]]);
    expect(placed.messages[1]!.payload).toMatchObject({ type: 'object' });
    const cancelled = map.events.find((e) => e.key === 'order.cancelled')!;
    expect(cancelled.addresses).toEqual(['order.cancelled.{orderId}']);
    expect(cancelled.consumers.map((u) => u.service)).toEqual(['inventory', 'notification']);
  });

  it('resolves what the saga calls, and who runs it', () => {
    const saga = map.sagas.find((s) => s.saga === 'place-order')!;
    expect(saga.service).toBe('order');
    expect(saga.steps.map((s) => s.call.targets)).toEqual([
      ['rest:orders-api:createOrder'],
      ['rpc:payments.v1.PaymentService/Charge'],
      ['event:reserve.inventory', 'event:inventory.reserved', 'event:reservation.failed'],
      ['rest:orders-api:createShipment'],
    ]);
    expect(saga.steps[2]!.call.services).toEqual(['inventory']);
    expect(map.operations.find((o) => o.id === 'rpc:payments.v1.PaymentService/Refund')!.calledBy).toEqual(['place-order']);
    expect(map.events.find((e) => e.key === 'inventory.reserved')!.usedBy).toEqual(['place-order']);
  });

  it('draws service-to-service edges from events and saga calls', () => {
    const e = (from: string, to: string, kind: string) => map.edges.find((x) => x.from === from && x.to === to && x.kind === kind)?.labels;
    expect(e('order', 'inventory', 'event')).toEqual(['order.cancelled', 'reserve.inventory']);
    expect(e('payment', 'order', 'event')).toEqual(['payment.completed']);
    expect(e('order', 'saga:place-order', 'runs')).toEqual([]);
    expect(e('saga:place-order', 'payment', 'call')).toEqual(['PaymentService.Charge', 'PaymentService.Refund']);
  });

  it('knows whom a service calls through the sagas it runs', () => {
    expect(callsOf('order', map)).toEqual([
      { service: 'inventory', what: ['reserveInventory'] },
      { service: 'order', what: ['cancelOrder', 'createOrder', 'createShipment'] },
      { service: 'payment', what: ['PaymentService.Charge', 'PaymentService.Refund'] },
    ]);
    expect(callsOf('payment', map)).toEqual([]);
  });

  it('has nothing unproduced or unconsumed', () => {
    expect(map.findings).toEqual([]);
  });
});

describe('buildSystemMap on small fixtures', () => {
  it('names a service by x-service, matches AsyncAPI 3.0 send/receive with 2.6 publish/subscribe', async () => {
    const map = await mapOf(['shop-events.yaml', 'legacy-events.yaml']);
    expect(map.services.map((s) => [s.id, s.name, s.origin])).toEqual([
      ['storefront', 'storefront', 'x-service'],
      ['warehouse', 'warehouse', 'title'],
    ]);
    const e = (key: string) => map.events.find((x) => x.key === key)!;
    // 2.6 `subscribe` is a send from the application's view, `publish` a receive
    expect([e('stockChanged').producers.map((u) => u.service), e('stockChanged').consumers.map((u) => u.service)]).toEqual([['warehouse'], ['storefront']]);
    expect([e('cartAbandoned').producers.map((u) => u.service), e('cartAbandoned').consumers.map((u) => u.service)]).toEqual([['storefront'], ['warehouse']]);
    expect(map.edges.map((x) => `${x.from}->${x.to}:${x.labels.join(',')}`)).toEqual(['storefront->warehouse:cartAbandoned', 'warehouse->storefront:stockChanged']);
  });

  it('reports events nobody consumes and events nobody produces', async () => {
    const map = await mapOf(['shop-events.yaml', 'legacy-events.yaml', 'lonely-events.yaml']);
    // in event order
    expect(map.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['map-event-no-producer', 'warning', 'Event `pricingUpdated` is received by warehouse (operation `onPricingUpdated`) but no service of the map sends it.'],
      ['map-event-no-consumer', 'warning', 'Event `shouted` is sent by lonely (operation `shout`) but no service of the map receives it.'],
    ]);
    expect(map.findings.every((f) => f.file.endsWith('.yaml') && f.pointer !== undefined)).toBe(true);
  });

  it('resolves saga steps through the AsyncAPI contract named, and reports a call nothing offers', async () => {
    const specs: ContractSpec[] = [
      { name: 'shop-events', kind: 'asyncapi', path: resolve(fixtures, 'shop-events.yaml') },
      { name: 'legacy-events', kind: 'asyncapi', path: resolve(fixtures, 'legacy-events.yaml') },
      { name: 'checkout', kind: 'saga', path: resolve(fixtures, 'checkout.saga.yaml') },
    ];
    const loaded = await loadContracts(specs, { cwd: fixtures, rootDir: fixtures, allowRemoteRefs: false });
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const map = buildSystemMap(loaded.model);
    const saga = map.sagas[0]!;
    expect([saga.id, saga.version, saga.service]).toEqual(['saga:checkout', 2, 'storefront']);
    expect(saga.steps.map((s) => [s.name, s.call.targets, s.call.services])).toEqual([
      ['totals', [], []],
      ['announce', ['event:cartAbandoned'], ['warehouse']],
      ['missing', [], []],
    ]);
    expect(map.edges).toContainEqual({ from: 'saga:checkout', to: 'warehouse', kind: 'call', labels: ['sendCartAbandoned'] });
    expect(map.edges).toContainEqual({ from: 'storefront', to: 'saga:checkout', kind: 'runs', labels: [] });
    // a local step is not a call into the map; the missing operation is
    expect(map.findings.filter((f) => f.ruleId === 'map-saga-call-unresolved').map((f) => [f.pointer, f.message])).toEqual([
      ['/steps/2/call', 'Saga `checkout` step `missing` calls event sendNothing, which no contract of the map offers.'],
    ]);
  });

  it('is deterministic', async () => {
    const a = await mapOf(['shop-events.yaml', 'legacy-events.yaml']);
    const b = await mapOf(['legacy-events.yaml', 'shop-events.yaml']);
    const strip = (m: SystemMap) => JSON.stringify({ ...m, services: m.services.map((s) => s.id), findings: [] });
    expect(strip(a)).toBe(strip(b));
  });
});
