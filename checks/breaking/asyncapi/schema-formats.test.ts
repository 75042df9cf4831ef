/**
 * Payload and header schemas in other schema formats: AsyncAPI 3.x Multi
 * Format Schema Objects (`payload: { schemaFormat, schema }`) and a 2.x
 * message's `schemaFormat`. JSON Schema formats are compared like plain
 * payloads; a format contractkit cannot compare is said so, never passed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffAsyncApi } from './index.js';
import { loadAsyncApi } from '../../../contracts/asyncapi/load.js';
import type { AsyncApiContract } from '../../../contracts/model/types.js';
import type { Finding } from '../../../contracts/finding.js';

const dir = mkdtempSync(join(tmpdir(), 'ck-schema-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function load(doc: object): Promise<AsyncApiContract> {
  const path = join(dir, `doc-${++n}.yaml`);
  writeFileSync(path, stringify(doc));
  const out = await loadAsyncApi({ name: 'events', kind: 'asyncapi', path }, { cwd: dir, rootDir: dir, allowRemoteRefs: false });
  if (!out.contract) throw new Error(JSON.stringify(out.findings));
  return out.contract;
}

const JSON_DRAFT_07 = 'application/schema+json;version=draft-07';
const AVRO = 'application/vnd.apache.avro;version=1.9.0';

/** A 3.0 document with one received message (backward compatibility) whose payload (and headers) are given as written. */
function v3(payload: unknown, headers?: unknown): object {
  return {
    asyncapi: '3.0.0',
    info: { title: 'Orders', version: '1.0.0' },
    channels: {
      orders: {
        address: 'orders',
        messages: { orderPlaced: { name: 'orderPlaced', 'x-event-version': 1, payload, ...(headers ? { headers } : {}) } },
      },
    },
    operations: { onOrderPlaced: { action: 'receive', channel: { $ref: '#/channels/orders' } } },
  };
}

/** A 2.6 document where the service receives the message (a 2.x `publish`). */
function v26(message: object): object {
  return { asyncapi: '2.6.0', info: { title: 'Orders', version: '1.0.0' }, channels: { orders: { publish: { message: { name: 'orderPlaced', 'x-event-version': 1, ...message } } } } };
}

const before = { type: 'object', properties: { id: { type: 'string', minLength: 1 }, total: { type: 'number' }, note: { type: 'string' } }, additionalProperties: false };
const after = { type: 'object', properties: { id: { type: 'string', minLength: 5 }, total: { type: 'string' } }, additionalProperties: false };

async function diff(prev: object, curr: object): Promise<Finding[]> {
  return diffAsyncApi(await load(prev), await load(curr), { level: 'info' });
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.pointer ?? ''}`).sort();

describe('AsyncAPI schema formats', () => {
  it('3.0 Multi Format Schema Object in JSON Schema draft-07: compared like a plain payload, at /payload/schema', async () => {
    const plain = await diff(v3(before), v3(after));
    const wrapped = await diff(v3({ schemaFormat: JSON_DRAFT_07, schema: before }), v3({ schemaFormat: JSON_DRAFT_07, schema: after }));
    const ids = wrapped.map((f) => f.ruleId);
    // minLength raised, a type changed, a property removed from a closed model: each incompatible for a receiver
    for (const id of ['MIN_LENGTH_INCREASED', 'TYPE_CHANGED', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'event-breaking-needs-new-version']) expect(ids).toContain(id);
    expect(summary(wrapped)).toEqual(summary(plain).map((s) => s.replace('/payload/', '/payload/schema/')));
    expect(wrapped.find((f) => f.ruleId === 'TYPE_CHANGED')!.pointer).toBe('/channels/orders/messages/orderPlaced/payload/schema/properties/total');
  });

  it('3.0 headers in a Multi Format Schema Object are compared too', async () => {
    const h = (type: string) => ({ schemaFormat: JSON_DRAFT_07, schema: { type: 'object', properties: { tenant: { type } } } });
    const fs = await diff(v3(before, h('string')), v3(before, h('integer')));
    expect(fs.find((f) => f.ruleId === 'TYPE_CHANGED')!.pointer).toBe('/channels/orders/messages/orderPlaced/headers/schema/properties/tenant');
  });

  it('2.6 schemaFormat JSON Schema draft-07 on the message: compared', async () => {
    const fs = await diff(v26({ schemaFormat: JSON_DRAFT_07, payload: before }), v26({ schemaFormat: JSON_DRAFT_07, payload: after }));
    expect(fs.map((f) => f.ruleId)).toContain('TYPE_CHANGED');
    expect(fs.map((f) => f.ruleId)).toContain('event-breaking-needs-new-version');
  });

  it('Avro (3.0 Multi Format and 2.6 schemaFormat): compared under Avro schema resolution', async () => {
    const record = (type: string, extra: object[] = []) => ({ type: 'record', name: 'Order', fields: [{ name: 'id', type }, ...extra] });
    const v3Changed = await diff(v3({ schemaFormat: AVRO, schema: record('string') }), v3({ schemaFormat: AVRO, schema: record('int') }));
    expect(summary(v3Changed)).toEqual([
      'TYPE_MISMATCH error /channels/orders/messages/orderPlaced/payload/schema',
      'event-breaking-needs-new-version error /channels/orders/messages/orderPlaced',
    ].sort());
    expect(v3Changed.find((f) => f.ruleId === 'TYPE_MISMATCH')!.message).toContain('field `id`');
    const v26Changed = await diff(v26({ schemaFormat: AVRO, payload: record('string') }), v26({ schemaFormat: AVRO, payload: record('string', [{ name: 'total', type: 'double' }]) }));
    expect(v26Changed.map((f) => f.ruleId).sort()).toEqual(['READER_FIELD_MISSING_DEFAULT_VALUE', 'event-breaking-needs-new-version']);
    // a new field with a default, and int → long, are readable by the new (receiving) schema
    const compatible = await diff(v3({ schemaFormat: AVRO, schema: record('int') }), v3({ schemaFormat: AVRO, schema: record('long', [{ name: 'note', type: 'string', default: '' }]) }));
    expect(compatible).toEqual([]);
    expect(await diff(v3({ schemaFormat: AVRO, schema: record('string') }), v3({ schemaFormat: AVRO, schema: record('string') }))).toEqual([]);
  });

  it('a format contractkit cannot compare (RAML): a change is reported as not compared, an unchanged schema is silent', async () => {
    const RAML = 'application/raml+yaml;version=1.0';
    const raml = (type: string) => ({ type: 'object', properties: { id: type } });
    const changed = await diff(v3({ schemaFormat: RAML, schema: raml('string') }), v3({ schemaFormat: RAML, schema: raml('number') }));
    expect(summary(changed)).toEqual(['message-schema-not-compared warning /channels/orders/messages/orderPlaced/payload/schema']);
    expect(changed[0]!.message).toContain(RAML);
    expect(await diff(v3({ schemaFormat: RAML, schema: raml('string') }), v3({ schemaFormat: RAML, schema: raml('string') }))).toEqual([]);
  });

  it('a payload whose schema format changed family is an error that asks for a new version', async () => {
    const fs = await diff(v3({ schemaFormat: JSON_DRAFT_07, schema: before }), v3({ schemaFormat: AVRO, schema: { type: 'record', name: 'Order', fields: [] } }));
    expect(summary(fs)).toEqual([
      'event-breaking-needs-new-version error /channels/orders/messages/orderPlaced',
      'message-schema-format-changed error /channels/orders/messages/orderPlaced/payload/schemaFormat',
    ]);
  });

  it('AsyncAPI Schema and JSON Schema draft-07 are one family: switching between them is no change by itself', async () => {
    expect(await diff(v3(before), v3({ schemaFormat: JSON_DRAFT_07, schema: before }))).toEqual([]);
  });
});
