import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, createFileRegistry, type DescFile } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuf } from './buf.js';
import { decodeImage, isImportFile } from './image.js';
import { createSourceIndex, sourcePathOf, spanOf } from './source-info.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const moduleRoot = path.join(repo, 'test/fixtures/proto/module');

describe('source paths and spans on a real buf image', () => {
  let orders: DescFile;
  let payments: DescFile;
  let imports: Record<string, boolean | undefined>;
  beforeAll(async () => {
    const run = await runBuf(['build', '.', '-o', '-'], { cwd: moduleRoot });
    expect(run.exitCode).toBe(0);
    const image = decodeImage(run.stdout);
    orders = image.registry.getFile('orders/v1/orders.proto')!;
    payments = image.registry.getFile('payments/v1/payments.proto')!;
    imports = Object.fromEntries(image.set.file.map((f) => [f.name, isImportFile(f)]));
  });

  it('reads buf’s is_import flag from the image file extension', () => {
    expect(imports).toEqual({
      'google/protobuf/timestamp.proto': true,
      'payments/v1/payments.proto': false,
      'orders/v1/orders.proto': false,
    });
  });

  it('computes source paths of services, methods, messages, nested elements and fields', () => {
    const service = orders.services[0];
    expect(sourcePathOf(service)).toEqual([6, 0]);
    expect(sourcePathOf(service.methods[2])).toEqual([6, 0, 2, 2]);
    const order = orders.messages[0];
    expect(sourcePathOf(order)).toEqual([4, 0]);
    const line = order.nestedMessages.find((m) => m.name === 'Line')!;
    expect(sourcePathOf(line)).toEqual([4, 0, 3, 0]);
    expect(sourcePathOf(line.fields[1])).toEqual([4, 0, 3, 0, 2, 1]);
    expect(sourcePathOf(order.nestedEnums[0])).toEqual([4, 0, 4, 0]);
    expect(sourcePathOf(order.nestedEnums[0].values[2])).toEqual([4, 0, 4, 0, 2, 2]);
    expect(sourcePathOf(order.oneofs[0])).toEqual([4, 0, 8, 0]);
    expect(sourcePathOf(payments.enums[0])).toEqual([5, 0]);
  });

  it('turns spans into 1-based line and column ranges', () => {
    expect(spanOf(orders.services[0])).toEqual({ line: 9, column: 1, endLine: 23, endColumn: 2 });
    // `rpc StreamOrders(…) returns (stream …);` on one line: a 3-element span.
    expect(spanOf(orders.services[0].methods[2])).toMatchObject({ line: 17, column: 3, endLine: 17 });
    expect(spanOf(orders.messages[0].oneofs[0])).toMatchObject({ line: 41, column: 3 });
    expect(spanOf(payments.enums[0].values[1])).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 20 });
  });
});

describe('createSourceIndex', () => {
  it('converts both span shapes and returns undefined for unknown paths or files without source info', () => {
    const set = create(FileDescriptorSetSchema, {
      file: [
        {
          name: 'a.proto',
          syntax: 'proto3',
          sourceCodeInfo: {
            location: [
              { path: [4, 0], span: [2, 0, 5, 1] },
              { path: [4, 0, 2, 0], span: [3, 2, 17] },
            ],
          },
        },
        { name: 'b.proto', syntax: 'proto3' },
      ],
    });
    const registry = createFileRegistry(set);
    const index = createSourceIndex(registry.getFile('a.proto')!);
    expect(index.spanOf([4, 0])).toEqual({ line: 3, column: 1, endLine: 6, endColumn: 2 });
    expect(index.spanOf([4, 0, 2, 0])).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 18 });
    expect(index.spanOf([4, 1])).toBeUndefined();
    expect(createSourceIndex(registry.getFile('b.proto')!).spanOf([4, 0])).toBeUndefined();
  });
});
