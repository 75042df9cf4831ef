import { expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from '../../../runtime/src/http/server/idempotency/index.js';

it('canonical JSON sorts keys at every depth and otherwise follows JSON.stringify', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  expect(canonicalJson({ a: undefined, b: [undefined, 'x'] })).toBe('{"b":[null,"x"]}');
  expect(canonicalJson({ when: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"when":"2026-01-02T03:04:05.000Z"}');
  expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
});

it('the fingerprint is sha-256 hex, the same for bodies differing in key order, and differs by method, path and body', () => {
  const f = requestFingerprint('POST', '/orders', { sku: 'a', qty: 1 });
  expect(f).toMatch(/^[0-9a-f]{64}$/);
  expect(requestFingerprint('post', '/orders', { qty: 1, sku: 'a' })).toBe(f);
  expect(requestFingerprint('PUT', '/orders', { sku: 'a', qty: 1 })).not.toBe(f);
  expect(requestFingerprint('POST', '/orders/1', { sku: 'a', qty: 1 })).not.toBe(f);
  expect(requestFingerprint('POST', '/orders', { sku: 'a', qty: 2 })).not.toBe(f);
  // no body, a null body and an empty string are three requests
  const none = requestFingerprint('POST', '/orders', undefined);
  expect(new Set([none, requestFingerprint('POST', '/orders', null), requestFingerprint('POST', '/orders', '')]).size).toBe(3);
});
