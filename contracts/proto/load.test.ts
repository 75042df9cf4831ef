import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadOutcome, LoadOptions } from '../load/types.js';
import type { ProtoContract } from '../model/types.js';
import { BUF_BINARY_ENV } from './buf.js';
import { loadProto } from './load.js';
import { scratchTree } from '../../test/scratch-tree.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repo, 'test/fixtures/proto');
const options: LoadOptions = { cwd: repo, rootDir: repo, allowRemoteRefs: false };

function load(rel: string): Promise<LoadOutcome<ProtoContract>> {
  return loadProto({ name: 'test', kind: 'proto', path: path.join(fixtures, rel) }, options);
}

function loaded(outcome: LoadOutcome<ProtoContract>): ProtoContract {
  expect(outcome.findings).toEqual([]);
  expect(outcome.contract).toBeDefined();
  return outcome.contract!;
}

describe('loadProto on a buf module (v2 buf.yaml, two packages)', () => {
  const root = path.join(fixtures, 'module');
  const ordersFile = path.join(root, 'orders/v1/orders.proto');
  let contract: ProtoContract;
  beforeAll(async () => {
    contract = loaded(await load('module'));
  });

  it('lists only the module files, not imports like google/protobuf/timestamp.proto', () => {
    expect(contract.root).toBe(root);
    expect(contract.bufModule).toBe(true);
    expect(contract.protoFiles).toEqual(['orders/v1/orders.proto', 'payments/v1/payments.proto']);
    expect(contract.files).toEqual([ordersFile, path.join(root, 'payments/v1/payments.proto')]);
    expect(contract.messages.map((m) => m.fullName)).not.toContain('google.protobuf.Timestamp');
  });

  it('keeps the image bytes, imports and source info included', () => {
    const set = fromBinary(FileDescriptorSetSchema, contract.image);
    const names = set.file.map((f) => f.name);
    expect(names).toContain('google/protobuf/timestamp.proto');
    expect(names).toContain('orders/v1/orders.proto');
    expect(set.file.find((f) => f.name === 'orders/v1/orders.proto')?.sourceCodeInfo?.location.length).toBeGreaterThan(0);
  });

  it('normalizes services and all four method kinds with paths, idempotency and deprecation', () => {
    expect(contract.services.map((s) => s.fullName)).toEqual(['orders.v1.OrderService', 'payments.v1.PaymentService']);
    const service = contract.services[0];
    expect(service).toMatchObject({ name: 'OrderService', package: 'orders.v1', protoFile: 'orders/v1/orders.proto' });
    expect(service.methods.map((m) => [m.name, m.kind, m.idempotency, m.deprecated])).toEqual([
      ['GetOrder', 'unary', 'no_side_effects', false],
      ['CancelOrder', 'unary', 'idempotent', false],
      ['StreamOrders', 'server_streaming', 'unknown', false],
      ['UploadOrders', 'client_streaming', 'unknown', false],
      ['SyncOrders', 'bidi_streaming', 'unknown', false],
      ['LegacyLookup', 'unary', 'unknown', true],
    ]);
    expect(service.methods[0]).toMatchObject({
      path: '/orders.v1.OrderService/GetOrder',
      input: 'orders.v1.GetOrderRequest',
      output: 'orders.v1.GetOrderResponse',
    });
  });

  it('places services and methods at their line and column', () => {
    const service = contract.services[0];
    expect(service.location).toEqual({ file: ordersFile, line: 9, column: 1 });
    expect(service.methods[0].location).toEqual({ file: ordersFile, line: 11, column: 3 });
    expect(service.methods[4].location).toEqual({ file: ordersFile, line: 19, column: 3 });
    expect(contract.services[1].methods[0].location).toEqual({ file: path.join(root, 'payments/v1/payments.proto'), line: 17, column: 3 });
  });

  it('normalizes messages, nested ones too, and leaves map entries out', () => {
    const names = contract.messages.map((m) => m.fullName);
    expect(names).toContain('orders.v1.Order.Line');
    expect(names).toContain('payments.v1.Money');
    expect(names.some((n) => n.endsWith('LabelsEntry'))).toBe(false);
    const line = contract.messages.find((m) => m.fullName === 'orders.v1.Order.Line')!;
    expect(line.location).toEqual({ file: ordersFile, line: 31, column: 3 });
    expect(line.fields[1]).toMatchObject({ name: 'quantity', type: 'int32', location: { line: 33, column: 5 } });
  });

  it('normalizes fields: kinds, types, json names, oneofs and presence', () => {
    const order = contract.messages.find((m) => m.fullName === 'orders.v1.Order')!;
    const byName = Object.fromEntries(order.fields.map((f) => [f.name, f]));
    const summary = order.fields.map((f) => [f.name, f.number, f.fieldKind, f.type, f.optional, f.oneof]);
    expect(summary).toEqual([
      ['order_id', 1, 'scalar', 'string', false, undefined],
      ['status', 2, 'enum', 'orders.v1.Order.Status', false, undefined],
      ['lines', 3, 'list', 'orders.v1.Order.Line', false, undefined],
      ['labels', 4, 'map', 'map<string, string>', false, undefined],
      ['created_at', 5, 'message', 'google.protobuf.Timestamp', true, undefined],
      ['note', 6, 'scalar', 'string', true, undefined],
      ['coupon_code', 7, 'scalar', 'string', true, 'discount'],
      ['percent_off', 8, 'scalar', 'int64', true, 'discount'],
      ['total', 9, 'message', 'payments.v1.Money', true, undefined],
    ]);
    expect(byName.created_at.jsonName).toBe('createdAt');
    expect(byName.order_id.location).toEqual({ file: ordersFile, line: 35, column: 3 });
  });

  it('normalizes top-level and nested enums', () => {
    expect(contract.enums).toEqual([
      {
        fullName: 'orders.v1.Order.Status',
        values: [
          { name: 'STATUS_UNSPECIFIED', number: 0 },
          { name: 'STATUS_PLACED', number: 1 },
          { name: 'STATUS_CANCELLED', number: 2 },
        ],
        location: { file: ordersFile, line: 26, column: 3 },
      },
      {
        fullName: 'payments.v1.Currency',
        values: [
          { name: 'CURRENCY_UNSPECIFIED', number: 0 },
          { name: 'CURRENCY_EUR', number: 1 },
          { name: 'CURRENCY_USD', number: 2 },
        ],
        location: { file: path.join(root, 'payments/v1/payments.proto'), line: 5, column: 1 },
      },
    ]);
  });
});

describe('loadProto on other layouts', () => {
  it('builds a plain directory without buf.yaml as a module', async () => {
    const contract = loaded(await load('plain'));
    expect(contract.bufModule).toBe(false);
    expect(contract.protoFiles).toEqual(['shapes/v1/points.proto', 'shapes/v1/shapes.proto']);
    expect(contract.services[0].location).toEqual({ file: path.join(fixtures, 'plain/shapes/v1/shapes.proto'), line: 9, column: 1 });
    // proto2: `required` has legacy-required presence (not optional), `optional` has explicit presence.
    const point = contract.messages.find((m) => m.fullName === 'shapes.v1.Point')!;
    expect(point.fields.map((f) => [f.name, f.optional, f.fieldKind])).toEqual([
      ['x', false, 'scalar'],
      ['y', true, 'scalar'],
      ['tags', false, 'list'],
    ]);
  });

  it('builds a single .proto file from its directory', async () => {
    const file = path.join(fixtures, 'plain/shapes/v1/shapes.proto');
    const contract = loaded(await load('plain/shapes/v1/shapes.proto'));
    expect(contract.file).toBe(file);
    expect(contract.root).toBe(path.dirname(file));
    expect(contract.protoFiles).toEqual(['shapes.proto']);
    expect(contract.messages.map((m) => m.fullName)).toEqual(['shapes.v1.Circle', 'shapes.v1.AreaResponse']);
    expect(contract.services[0].methods[0].location).toEqual({ file, line: 10, column: 3 });
  });

  it('builds a single .proto file inside a buf module from the module root, so its imports resolve', async () => {
    const contract = loaded(await load('module/orders/v1/orders.proto'));
    expect(contract.root).toBe(path.join(fixtures, 'module'));
    expect(contract.protoFiles).toEqual(['orders/v1/orders.proto']);
    expect(contract.services.map((s) => s.fullName)).toEqual(['orders.v1.OrderService']);
  });

  it('builds a directory inside a buf module from the module root, restricted to that directory', async () => {
    const contract = loaded(await load('module/payments'));
    expect(contract.file).toBe(path.join(fixtures, 'module/payments'));
    expect(contract.root).toBe(path.join(fixtures, 'module'));
    expect(contract.protoFiles).toEqual(['payments/v1/payments.proto']);
    expect(contract.services[0].location).toEqual({ file: path.join(fixtures, 'module/payments/v1/payments.proto'), line: 16, column: 1 });
  });

  it('builds one module directory of a v2 workspace', async () => {
    const contract = loaded(await load('workspace/proto'));
    expect(contract.protoFiles).toEqual(['billing/v1/billing.proto']);
    expect(contract.files).toEqual([path.join(fixtures, 'workspace/proto/billing/v1/billing.proto')]);
    expect(contract.bufModule).toBe(true);
  });

  it('builds a directory inside a workspace module from the workspace root', async () => {
    const contract = loaded(await load('workspace/proto/billing'));
    expect(contract.root).toBe(path.join(fixtures, 'workspace'));
    expect(contract.protoFiles).toEqual(['billing/v1/billing.proto']);
    expect(contract.services[0].location).toEqual({ file: path.join(fixtures, 'workspace/proto/billing/v1/billing.proto'), line: 7, column: 1 });
  });

  it('loads a v1 buf module', async () => {
    const contract = loaded(await load('v1-module'));
    expect(contract.bufModule).toBe(true);
    expect(contract.services[0].methods[0].path).toBe('/inventory.v1.InventoryService/Reserve');
  });

  it('loads a v2 workspace with two module directories and maps files to them', async () => {
    const contract = loaded(await load('workspace'));
    expect(contract.protoFiles).toEqual(['billing/v1/billing.proto', 'common/v1/ids.proto']);
    expect(contract.files).toEqual([
      path.join(fixtures, 'workspace/proto/billing/v1/billing.proto'),
      path.join(fixtures, 'workspace/proto-common/common/v1/ids.proto'),
    ]);
    expect(contract.messages.find((m) => m.fullName === 'common.v1.Id')?.location).toEqual({
      file: path.join(fixtures, 'workspace/proto-common/common/v1/ids.proto'),
      line: 5,
      column: 1,
    });
  });
});

describe('loadProto on bad input', () => {
  afterEach(() => {
    delete process.env[BUF_BINARY_ENV];
  });

  it('reports compile errors with file, line and column', async () => {
    const outcome = await load('broken');
    expect(outcome.contract).toBeUndefined();
    expect(outcome.findings).toEqual([
      {
        ruleId: 'load/proto-compile',
        severity: 'error',
        message: 'cannot find `Gadget` in this scope',
        kind: 'proto',
        file: path.join(fixtures, 'broken/broken/v1/broken.proto'),
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 9,
        hint: expect.stringContaining('compiles'),
      },
    ]);
  });

  it('says where imports are resolved from when an import is missing in a folder without buf.yaml', async () => {
    const dir = scratchTree({
      'proto/acme/v1/x.proto': 'syntax = "proto3";\npackage acme.v1;\nimport "acme/v1/y.proto";\nmessage X { Y y = 1; }\n',
      'proto/acme/v1/y.proto': 'syntax = "proto3";\npackage acme.v1;\nmessage Y { string n = 1; }\n',
    });
    const outcome = await loadProto({ name: 'searched', kind: 'proto', path: dir, protoPaths: ['proto/acme/v1'] }, { cwd: dir, rootDir: dir, allowRemoteRefs: false });
    const missing = outcome.findings.find((f) => f.message === 'imported file does not exist');
    expect(missing?.hint).toContain(`relative to the folder buf builds from (${dir})`);
    expect(missing?.hint).toContain('buf.yaml');
    // from the folder the imports start at, it builds
    loaded(await loadProto({ name: 'proto', kind: 'proto', path: path.join(dir, 'proto') }, { cwd: dir, rootDir: dir, allowRemoteRefs: false }));
  });

  it('reports a missing directory', async () => {
    const outcome = await load('does-not-exist');
    expect(outcome.contract).toBeUndefined();
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      ruleId: 'load/not-found',
      severity: 'error',
      kind: 'proto',
      file: path.join(fixtures, 'does-not-exist'),
    });
    expect(outcome.findings[0].hint).toBeTruthy();
  });

  it('reports a file that is not proto', async () => {
    const outcome = await load('module/buf.yaml');
    expect(outcome.findings[0]).toMatchObject({ ruleId: 'load/not-found', message: expect.stringContaining('not a .proto file') });
  });

  it('reports buf failures that are not compile errors with buf’s own message', async () => {
    const outcome = await load('bad-config');
    expect(outcome.contract).toBeUndefined();
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ ruleId: 'load/buf-failed', severity: 'error', file: path.join(fixtures, 'bad-config') });
    expect(outcome.findings[0].message).toContain('unknown file version');
  });

  it('reports a missing buf binary as one finding instead of throwing', async () => {
    process.env[BUF_BINARY_ENV] = path.join(fixtures, 'no-such-buf-binary');
    const outcome = await load('module');
    expect(outcome.contract).toBeUndefined();
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ ruleId: 'load/buf-failed', severity: 'error', kind: 'proto' });
    expect(outcome.findings[0].message).toContain('ENOENT');
    expect(outcome.findings[0].hint).toContain('npm install');
  });
});
