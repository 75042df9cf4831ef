import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAsyncApi } from './index.js';
import { loadAsyncApi } from '../../../contracts/asyncapi/load.js';
import type { AsyncApiContract } from '../../../contracts/model/types.js';
import type { Finding, Severity } from '../../../contracts/finding.js';
import { packageRoot } from '../../../contracts/source/package-files.js';

const FIXTURES = join(packageRoot(), 'test/fixtures/breaking/asyncapi');

const loaded = new Map<string, Promise<AsyncApiContract>>();

/** Loads a fixture once per file (the parser takes a while); the differ never mutates contracts. */
function load(path: string): Promise<AsyncApiContract> {
  let hit = loaded.get(path);
  if (!hit) {
    hit = loadAsyncApi({ name: 'events', kind: 'asyncapi', path }, { cwd: packageRoot(), rootDir: packageRoot(), allowRemoteRefs: false }).then((out) => {
      if (!out.contract) throw new Error(`fixture ${path} did not load: ${JSON.stringify(out.findings)}`);
      return out.contract;
    });
    loaded.set(path, hit);
  }
  return hit;
}

async function diff(name: string, options: { compatibility?: string; level?: Severity } = {}): Promise<Finding[]> {
  const [prev, curr] = await Promise.all([load(join(FIXTURES, name, 'previous.yaml')), load(join(FIXTURES, name, 'current.yaml'))]);
  return diffAsyncApi(prev, curr, { level: 'info', ...options });
}

const ids = (fs: Finding[], severity?: Severity): string[] => fs.filter((f) => !severity || f.severity === severity).map((f) => f.ruleId).sort();
const one = (fs: Finding[], id: string): Finding => {
  const hits = fs.filter((f) => f.ruleId === id);
  expect(hits, `${id} in ${JSON.stringify(ids(fs))}`).toHaveLength(1);
  return hits[0]!;
};

describe('AsyncAPI elements', () => {
  it('channel-removed (with its operation and message), at `channels` of the current file, previously in the previous one', async () => {
    const fs = await diff('channel-removed');
    expect(ids(fs, 'error')).toEqual(['channel-removed', 'message-removed', 'operation-removed']);
    const f = one(fs, 'channel-removed');
    expect(f.file).toBe(join(FIXTURES, 'channel-removed/current.yaml'));
    expect(f.pointer).toBe('/channels');
    expect(f.previous).toEqual({ file: join(FIXTURES, 'channel-removed/previous.yaml'), pointer: '/channels/orderCancelled' });
    expect(one(fs, 'operation-removed').pointer).toBe('/operations');
    expect(f.message).toContain('order.cancelled');
  });

  it('channel-address-changed at the new address', async () => {
    const f = one(await diff('channel-address-changed'), 'channel-address-changed');
    expect(f.severity).toBe('error');
    expect(f.pointer).toBe('/channels/orderPlaced/address');
    expect(f.message).toContain('`order.placed` to `orders.placed`');
  });

  it('channel-renamed is info: the address did not change', async () => {
    const fs = await diff('channel-renamed');
    expect(ids(fs, 'error')).toEqual([]);
    expect(one(fs, 'channel-renamed').severity).toBe('info');
  });

  it('operation-renamed is a warning, not a removal', async () => {
    const fs = await diff('operation-renamed');
    expect(ids(fs, 'error')).toEqual([]);
    expect(one(fs, 'operation-renamed').message).toContain('`publishOrderPlaced` was renamed to `sendOrderPlaced`');
  });

  it('operation-action-changed', async () => {
    const f = one(await diff('operation-action-changed'), 'operation-action-changed');
    expect(f.message).toContain('from send to receive');
    expect(f.pointer).toBe('/operations/publishOrderPlaced/action');
  });

  it('operation-message-removed', async () => {
    const fs = await diff('operation-message-removed');
    expect(one(fs, 'operation-message-removed').message).toContain('order.placed v1');
  });

  it('message-renamed keeps the event type and version', async () => {
    const fs = await diff('message-renamed');
    expect(ids(fs, 'error')).toEqual([]);
    expect(one(fs, 'message-renamed').severity).toBe('warning');
  });

  it('message-event-type-changed', async () => {
    const f = one(await diff('message-event-type-changed'), 'message-event-type-changed');
    expect(f.message).toContain('from `order.placed` to `order.confirmed`');
  });

  it('message-content-type-changed', async () => {
    const f = one(await diff('message-content-type-changed'), 'message-content-type-changed');
    expect(f.message).toContain('`application/json` to `application/avro`');
  });

  it('message-removed when v1 is dropped after v2 exists', async () => {
    const fs = await diff('message-removed');
    expect(ids(fs, 'error')).toEqual(['message-removed', 'operation-message-removed']);
    expect(one(fs, 'message-removed').message).toContain('order.placed v1');
  });

  it('message-version-added is info', async () => {
    const fs = await diff('message-version-added');
    expect(ids(fs, 'error')).toEqual([]);
    expect(one(fs, 'message-version-added').message).toContain('order.placed v2 beside order.placed v1');
  });
});

describe('AsyncAPI payloads under Confluent semantics', () => {
  it('an optional property added to a closed model breaks old consumers of a sent message (forward)', async () => {
    const fs = await diff('closed-optional-added-send');
    expect(ids(fs, 'error')).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'event-breaking-needs-new-version']);
    const f = one(fs, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL');
    expect(f.pointer).toBe('/components/messages/orderPlaced/payload/properties/note');
    expect(f.message).toContain('`payload.note`');
    expect(f.message).toContain('under `forward` compatibility');
    const v = one(fs, 'event-breaking-needs-new-version');
    expect(v.message).toContain('`x-event-version: 2`');
    expect(v.hint).toContain('upcaster v1 → v2');
  });

  it('the same change to a received message is backward compatible', async () => {
    const fs = await diff('closed-optional-added-receive');
    expect(ids(fs, 'error')).toEqual([]);
    expect(one(fs, 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL').severity).toBe('info');
  });

  it('a property removed from a closed model breaks the new consumer (backward)', async () => {
    const fs = await diff('closed-property-removed-receive');
    expect(one(fs, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL').message).toContain('under `backward` compatibility');
  });

  it('an optional property added to an open model: forward compatible, backward incompatible', async () => {
    expect(ids(await diff('open-optional-added'), 'error')).toEqual([]);
    const fs = await diff('open-optional-added', { compatibility: 'backward' });
    expect(ids(fs, 'error')).toEqual(['PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', 'event-breaking-needs-new-version']);
  });

  it('REQUIRED_ATTRIBUTE_ADDED, TYPE_CHANGED, ENUM_ARRAY_NARROWED, and header schemas', async () => {
    expect(ids(await diff('required-added'), 'error')).toContain('REQUIRED_ATTRIBUTE_ADDED');
    expect(ids(await diff('type-changed'), 'error')).toContain('TYPE_CHANGED');
    expect(ids(await diff('enum-narrowed'), 'error')).toContain('ENUM_ARRAY_NARROWED');
    const h = one(await diff('headers-changed'), 'TYPE_CHANGED');
    expect(h.pointer).toBe('/components/messages/orderPlaced/headers/properties/traceId');
    expect(h.message).toContain('`headers.traceId`');
  });

  it('level filters: at error level the changelog entries are gone', async () => {
    const fs = await diff('closed-optional-added-receive', { level: 'error' });
    expect(fs).toEqual([]);
  });
});

describe('compatibility modes across the versions a document declares (1.0, 1.1, then 1.2)', () => {
  // 1.1 dropped `note` from a closed model (already released); 1.2 adds an optional `tag`.
  const cases: [string, string[]][] = [
    ['backward', []],
    ['backward_transitive', ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/note']],
    ['forward', ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/tag']],
    ['forward_transitive', ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/tag']],
    ['full', ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/tag']],
    ['full_transitive', ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/note', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL@properties/tag']],
    ['none', []],
  ];
  for (const [mode, expected] of cases) {
    it(mode, async () => {
      const fs = (await diff('transitive-three-versions', { compatibility: mode })).filter((f) => f.severity === 'error');
      // a property the current version no longer has is reported at its parent; `previous` says where it was
      const schema = fs.filter((f) => f.ruleId !== 'event-breaking-needs-new-version').map((f) => `${f.ruleId}@${(f.previous?.pointer ?? f.pointer!).split('/payload/')[1]}`).sort();
      expect(schema).toEqual(expected);
      expect(fs.some((f) => f.ruleId === 'event-breaking-needs-new-version')).toBe(expected.length > 0);
      for (const f of fs) expect(f.pointer).toContain('/components/messages/orderPlaced_1_2');
    });
  }

  it('transitive errors name the version they break against', async () => {
    const fs = await diff('transitive-three-versions', { compatibility: 'backward_transitive' });
    expect(one(fs, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL').message).toContain('order.placed v1.0');
  });
});

describe('where the mode comes from', () => {
  it('x-contractkit-compatibility on a channel overrides the direction default', async () => {
    expect(ids(await diff('mode-on-channel'), 'error')).toContain('PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL');
  });

  it('on a message it overrides the config too (case-insensitive)', async () => {
    const fs = await diff('mode-on-message', { compatibility: 'none' });
    expect(one(fs, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL').message).toContain('set on the message');
  });

  it('the config overrides the direction default', async () => {
    expect(ids(await diff('closed-optional-added-send', { compatibility: 'none' }), 'error')).toEqual([]);
  });
});

describe('the orders example', () => {
  it('compares clean against itself', async () => {
    const file = join(packageRoot(), 'examples/orders/asyncapi/order-events.yaml');
    const a = await load(file);
    expect(diffAsyncApi(a, structuredClone(a), { level: 'info' })).toEqual([]);
  });
});
