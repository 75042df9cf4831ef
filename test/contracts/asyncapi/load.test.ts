import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAsyncApi } from '../../../contracts/asyncapi/load.js';
import type { LoadOptions } from '../../../contracts/load/types.js';
import { positionOf } from '../../../contracts/source/positions.js';

const dir = resolve(import.meta.dirname, '../../fixtures/asyncapi');
const options: LoadOptions = { cwd: dir, rootDir: dir, allowRemoteRefs: false };
const load = (file: string, opts: Partial<LoadOptions> = {}) =>
  loadAsyncApi({ name: file.replace(/\.yaml$/, ''), kind: 'asyncapi', path: resolve(dir, file) }, { ...options, ...opts });

describe('loadAsyncApi on AsyncAPI 3.0', () => {
  // Parsing costs the parser a few hundred ms; both tests read the same outcome.
  const outcome = load('order-events-3.0.yaml');

  it('normalizes channels, operations and messages with source locations', async () => {
    const { contract, findings } = await outcome;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(contract).toBeDefined();
    const c = contract!;
    expect(c).toMatchObject({ kind: 'asyncapi', specVersion: '3.0.0', title: 'Order events', apiVersion: '1.2.0', defaultContentType: 'application/json' });
    expect(c.files).toEqual([
      resolve(dir, 'order-events-3.0.yaml'),
      resolve(dir, 'schemas/headers.yaml'),
      resolve(dir, 'schemas/order-placed.yaml'),
    ]);

    const placed = c.channels.find((ch) => ch.id === 'orderPlaced')!;
    expect(placed.address).toBe('orders.{orderId}.placed');
    expect(placed.parameters).toEqual([
      { name: 'orderId', description: 'Id of the order.', location: { file: c.file, pointer: '/channels/orderPlaced/parameters/orderId' } },
    ]);
    expect(placed.bindings).toEqual({ amqp: { is: 'routingKey', exchange: { name: 'orders', type: 'topic' } } });
    expect(placed.location).toEqual({ file: c.file, pointer: '/channels/orderPlaced' });

    const reserve = c.operations.find((o) => o.id === 'reserveInventory')!;
    expect(reserve).toMatchObject({ action: 'send', channel: 'inventory', messages: ['ReserveInventory'] });
    expect(reserve.reply).toEqual({ channel: 'inventoryReplies', messages: ['InventoryReserved'] });
    // An operation listing no messages gets its channel's.
    expect(c.operations.find((o) => o.id === 'publishOrderPlaced')).toMatchObject({ action: 'send', messages: ['OrderPlaced'] });
    expect(c.operations.find((o) => o.id === 'onOrderPlaced')).toMatchObject({ action: 'receive', channel: 'orderPlaced' });
  });

  it('reads versions, event types and plain payload schemas of messages', async () => {
    const c = (await outcome).contract!;
    const placed = c.messages.find((m) => m.id === 'OrderPlaced')!;
    expect(placed).toMatchObject({ name: 'OrderPlaced', title: 'Order placed', eventType: 'OrderPlaced', version: 2, contentType: 'application/json' });
    expect(placed.extensions).toEqual({ 'x-event-version': 2 });
    // The payload comes from a relative file ref, without the parser's x-parser-* keys.
    expect(placed.payload).toEqual({
      type: 'object',
      required: ['orderId', 'total'],
      properties: { orderId: { type: 'string', format: 'uuid' }, total: { type: 'number', minimum: 0 } },
    });
    expect(placed.headers).toEqual({ type: 'object', properties: { correlationId: { type: 'string' } } });
    // The location is where the message is written, not the channel's $ref to it.
    expect(placed.location).toEqual({ file: c.file, pointer: '/components/messages/OrderPlaced' });
    expect(positionOf(c.file, placed.location.pointer, true).line).toBe(53);

    expect(c.messages.find((m) => m.id === 'ReserveInventory')).toMatchObject({ eventType: 'inventory.reserve' });
    const reserved = c.messages.find((m) => m.id === 'InventoryReserved')!;
    expect(reserved).toMatchObject({ eventType: 'inventory.reserved', version: 3 });
    expect(reserved.name).toBeUndefined();
    expect(JSON.stringify(c.document)).not.toContain('x-parser-');
  });
});

describe('loadAsyncApi on AsyncAPI 2.6', () => {
  it('normalizes a 2.x subscribe to send and publish to receive', async () => {
    const { contract, findings } = await load('shipping-events-2.6.yaml');
    expect(findings).toEqual([]);
    const c = contract!;
    expect(c.specVersion).toBe('2.6.0');
    const dispatched = c.operations.find((o) => o.id === 'shipmentDispatched')!;
    expect(dispatched).toMatchObject({ action: 'send', channel: 'shipments/{shipmentId}/dispatched', messages: ['ShipmentDispatched'] });
    const request = c.operations.find((o) => o.id === 'requestShipment')!;
    expect(request).toMatchObject({ action: 'receive', messages: ['requestShipmentMsg', 'CancelShipment'] });
    expect(c.channels.find((ch) => ch.id === 'shipments/{shipmentId}/dispatched')).toMatchObject({
      address: 'shipments/{shipmentId}/dispatched',
      parameters: [{ name: 'shipmentId', description: 'Id of the shipment.' }],
      bindings: { nats: { queue: 'shipping' } },
    });
  });

  it('takes message ids from messageId or the component key, and the version from x-event-version', async () => {
    const c = (await load('shipping-events-2.6.yaml')).contract!;
    const dispatched = c.messages.find((m) => m.id === 'ShipmentDispatched')!;
    expect(dispatched).toMatchObject({ version: 2, contentType: 'application/json', eventType: 'ShipmentDispatched' });
    expect(dispatched.location.pointer).toBe('/components/messages/ShipmentDispatched');
    expect(c.messages.find((m) => m.id === 'requestShipmentMsg')).toMatchObject({ name: 'RequestShipment', eventType: 'shipping.requested' });
  });
});

describe('loadAsyncApi on broken documents', () => {
  it('reports invalid YAML with its line', async () => {
    const { contract, findings } = await load('invalid-yaml.yaml');
    expect(contract).toBeUndefined();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ ruleId: 'load/invalid-yaml', severity: 'error', kind: 'asyncapi', line: 6 });
    expect(findings[0]!.hint).toBeTruthy();
  });

  it('reports an invalid AsyncAPI document at the offending line', async () => {
    const { contract, findings } = await load('invalid-asyncapi.yaml');
    expect(contract).toBeUndefined();
    const f = findings.find((x) => x.severity === 'error')!;
    expect(f).toMatchObject({ ruleId: 'load/asyncapi-document-resolved', pointer: '/operations/placeOrder/action', line: 10, column: 13 });
    expect(f.message).toContain('send');
    expect(f.hint).toBeTruthy();
  });

  it('reports an unsupported version once', async () => {
    const { contract, findings } = await load('wrong-version.yaml');
    expect(contract).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'load/unsupported-version', pointer: '/asyncapi' });
    expect(findings[0]!.message).toContain('1.2.0');
  });

  it('reports a document that is not AsyncAPI', async () => {
    const { findings } = await load('not-asyncapi.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'load/not-asyncapi', line: 1 });
    expect(findings[0]!.message).toContain('OpenAPI');
  });

  it('reports a file that does not exist', async () => {
    const { findings } = await load('missing.yaml');
    expect(findings).toMatchObject([{ ruleId: 'load/unreadable', severity: 'error' }]);
  });

  it('refuses remote refs without fetching them', async () => {
    const { contract, findings } = await load('remote-ref.yaml');
    expect(contract).toBeUndefined();
    expect(findings).toMatchObject([{ ruleId: 'load/remote-ref', pointer: '/channels/orders/messages/OrderPlaced/$ref' }]);
    expect(positionOf(findings[0]!.file, findings[0]!.pointer).line).toBe(10);
  });

  it('refuses remote refs in included files through the ref guard', async () => {
    const { contract, findings } = await load('nested-remote-ref.yaml');
    expect(contract).toBeUndefined();
    expect(findings).toMatchObject([{ ruleId: 'load/remote-ref', severity: 'error' }]);
    expect(findings[0]!.message).toContain('https://example.invalid/schemas/money.yaml');
    expect(findings[0]).toMatchObject({ file: resolve(dir, 'schemas/remote-payload.yaml'), line: 4 });
  });

  it('refuses file refs that leave the repository root', async () => {
    const { contract, findings } = await load('order-events-3.0.yaml', { rootDir: resolve(dir, 'schemas/none') });
    expect(contract).toBeUndefined();
    const refused = findings.filter((f) => f.ruleId === 'load/ref-outside-root');
    expect(refused.map((f) => [f.line, f.message.includes('schemas/headers.yaml')]).sort()).toEqual([
      [59, true],
      [61, false],
    ]);
  });
});
