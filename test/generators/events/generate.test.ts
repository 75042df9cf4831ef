import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { manifestFile, writeGeneratedFiles } from '../../../generators/core/writer.js';
import { FIXTURES, ROOT, generateEvents, generateShop, tempProject, typeCheck } from './helpers.js';

describe('events generator', () => {
  it('types each message version, compiles validators ahead of time and wires producers and consumers', async () => {
    const files = await generateEvents(join(FIXTURES, 'shop.yaml'), join(tmpdir(), 'unused'));
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    expect([...byPath.keys()].sort()).toEqual(['bindings.ts', 'channels.ts', 'consumers.ts', 'events.ts', 'index.ts', 'producers.ts', 'types.ts', 'upcasters.ts', 'validators.ts']);
    const types = byPath.get('types.ts')!;
    expect(types).toContain('export interface OrderPlacedV1 {');
    expect(types).toContain('export interface OrderPlacedV2 {');
    expect(types).toContain('export interface Money {');
    expect(types).toContain("export type OrderPlacedV2Event = EventEnvelope<OrderPlacedV2, 'order.placed', 2>;");
    expect(types).toContain("'weird-key'?: string;");
    expect(types).not.toMatch(/AnonymousSchema/);
    // standalone: no ajv compile at start-up, no CommonJS
    const validators = byPath.get('validators.ts')!;
    expect(validators).toContain('export const validateOrderPlacedV2: EventValidator = ');
    expect(validators.split('\n').slice(0, 4)).toContain('// @ts-nocheck');
    expect(validators).not.toMatch(/require\(|new Ajv|compile\(/);
    expect(byPath.get('channels.ts')).toContain("return 'shop.stock.' + addressSegment(params['sku'], 'sku') + '.changed';");
    expect(byPath.get('producers.ts')).toContain('async publishOrderPlaced(payload: OrderPlacedV2, meta: PublishMeta & {');
    expect(byPath.get('consumers.ts')).toContain('upcasters: { 1: upcastOrderPlacedV1ToV2 }');
    expect(byPath.get('upcasters.ts')).toContain("throw new Error('not implemented: upcast order.placed v1 → v2 (upcasters.ts)');");
  });

  it('produces code that type-checks under strict (with the user-written upcaster and with the skeleton)', async () => {
    const out = await generateShop();
    const use = join(out, 'use.ts');
    writeFileSync(
      use,
      [
        "import { createMemoryTransport } from '@contractkit/runtime/events';",
        "import { consumeOnOrderPlaced, createShopEventsProducer, stockChangedAddress } from './index.js';",
        'const t = createMemoryTransport();',
        'const p = createShopEventsProducer(t);',
        "await p.publishOrderPlaced({ orderId: '1', total: { amount: '1.00', currency: 'EUR' } }, { aggregateId: '1', correlationId: 'c', alsoAs: { v1: { orderId: '1', totalAmount: 1, currency: 'EUR' } } });",
        "await p.publishStockChanged({ sku: 'a', quantity: 1 }, { aggregateId: 'a', correlationId: 'c', params: { sku: 'a' } });",
        "await consumeOnOrderPlaced(t, { handler: async (e) => { const amount: string = e.payload.total.amount; void amount; } });",
        "const a: string = stockChangedAddress({ sku: 'x' }); void a;",
        '// @ts-expect-error v1 payloads are not what handlers see',
        "await consumeOnOrderPlaced(t, { handler: async (e) => { void e.payload.totalAmount; } });",
        '',
      ].join('\n'),
    );
    expect(typeCheck(out, ['index.ts', 'use.ts'])).toBe('');
    // the skeleton compiles as generated too
    const fresh = join(out, 'fresh');
    writeGeneratedFiles(fresh, await generateEvents(join(FIXTURES, 'shop.yaml'), fresh));
    expect(typeCheck(fresh, ['index.ts'])).toBe('');
  });

  it('keeps the user-owned upcasters file and only appends skeletons for missing steps', async () => {
    const out = join(tempProject('ck-events-up-'), 'gen');
    writeGeneratedFiles(out, await generateEvents(join(FIXTURES, 'shop.yaml'), out));
    const mine = '// mine\nexport const note = 1;\n';
    writeFileSync(join(out, 'upcasters.ts'), mine);
    const again = await generateEvents(join(FIXTURES, 'shop.yaml'), out);
    const up = again.find((f) => f.path === 'upcasters.ts')!;
    expect(up.content.startsWith(mine)).toBe(true);
    expect(up.content).toContain('export function upcastOrderPlacedV1ToV2(');
    writeFileSync(join(out, 'upcasters.ts'), up.content);
    const third = await generateEvents(join(FIXTURES, 'shop.yaml'), out);
    expect(third.find((f) => f.path === 'upcasters.ts')).toBeUndefined();
  });

  it('refuses a message without a payload schema, naming it, and writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-events-bad-'));
    const err = await generateEvents(join(FIXTURES, 'no-payload.yaml'), out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const f = (err as UsageError).findings[0]!;
    expect(f.message).toContain('Message `pinged` has no payload schema');
    expect(f.file).toBe(join(FIXTURES, 'no-payload.yaml'));
    expect(f.pointer).toBe('/channels/pinged/messages/pinged');
    expect(f.hint).toBeTruthy();
    expect(readdirSync(out)).toEqual([]);
  });

  it('matches the committed examples/orders output (CI diff check) and that output type-checks', async () => {
    const dir = join(ROOT, 'examples/orders/generated/events');
    const files = await generateEvents(join(ROOT, 'examples/orders/asyncapi/order-events.yaml'), mkdtempSync(join(tmpdir(), 'ck-events-ex-')), 'order-events');
    const committed = readdirSync(dir, { recursive: true }).map(String).filter((p) => p !== '.contractkit').sort();
    // `contractkit generate` wrote the target's manifest beside the files
    const expected = [...files, manifestFile('events', files)];
    expect(expected.map((f) => f.path).sort()).toEqual(committed);
    for (const f of expected) expect(f.content, `${f.path} is stale: run contractkit generate in examples/orders`).toBe(readFileSync(join(dir, f.path), 'utf8'));
    const out = join(tempProject('ck-events-ex-tc-'), 'gen');
    writeGeneratedFiles(out, files);
    expect(typeCheck(out, ['index.ts'])).toBe('');
  });
});
