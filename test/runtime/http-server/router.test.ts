/**
 * Routing by method and template: literal segments win over parameters
 * whatever the table's order, a trailing slash is the same path, and a path
 * with other methods only is a 405 with the allowed methods.
 */
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../runtime/src/http/server/router.js';
import type { RouteSpec } from '../../../runtime/src/http/server/types.js';

const route = (method: string, path: string): RouteSpec => ({ operationId: `${method} ${path}`, method, path });
const router = createRouter([route('GET', '/orders/{id}'), route('GET', '/orders/export'), route('POST', '/orders/{id}/items'), route('GET', '/orders/{id}/items/{item}'), route('PUT', '/orders/{id}')]);
const op = (method: string, path: string) => {
  const found = router.find(method, path);
  return 'spec' in found ? [found.spec.operationId, found.params] : found;
};

describe('createRouter', () => {
  it('prefers a literal segment over a parameter, and reads parameters', () => {
    expect(op('GET', '/orders/export')).toEqual(['GET /orders/export', {}]);
    expect(op('GET', '/orders/42')).toEqual(['GET /orders/{id}', { id: '42' }]);
    expect(op('GET', '/orders/42/items/a%20b')).toEqual(['GET /orders/{id}/items/{item}', { id: '42', item: 'a%20b' }]);
    expect(op('PUT', '/orders/export')).toEqual(['PUT /orders/{id}', { id: 'export' }]);
  });

  it('treats a trailing slash as the same path, and an empty segment as no match', () => {
    expect(op('GET', '/orders/42/')).toEqual(['GET /orders/{id}', { id: '42' }]);
    expect(op('GET', '/orders//items/x')).toEqual({ status: 404 });
  });

  it('answers 405 with the methods of the path, 404 for an unknown path', () => {
    expect(op('DELETE', '/orders/42')).toEqual({ status: 405, allow: ['GET', 'PUT'] });
    expect(op('GET', '/orders/42/items')).toEqual({ status: 405, allow: ['POST'] });
    expect(op('GET', '/customers')).toEqual({ status: 404 });
  });

  it('refuses two routes for one method and template', () => {
    expect(() => createRouter([route('GET', '/a'), route('GET', '/a')])).toThrow(/two routes for GET \/a/);
  });
});
