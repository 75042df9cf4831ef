import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contracts/finding.js';
import { setSourceText } from '../../contracts/source/positions.js';
import { resolvePositions } from './resolve.js';

const here = dirname(fileURLToPath(import.meta.url));
const src = (name: string) => join(here, '../../test/fixtures/report/src', name);

function at(file: string, extra: Partial<Finding>): Finding {
  return { ruleId: 'r', severity: 'error', kind: 'openapi', file, message: 'm', ...extra };
}

function position(f: Finding) {
  const [r] = resolvePositions([f]);
  return [r!.line, r!.column, r!.endLine, r!.endColumn];
}

describe('resolvePositions', () => {
  it('resolves a pointer to a YAML value and to its key', () => {
    expect(position(at(src('orders.yaml'), { pointer: '/info/title' }))).toEqual([3, 10, 3, 16]);
    expect(position(at(src('orders.yaml'), { pointer: '/paths/~1getOrders', onKey: true }))).toEqual([6, 3, 6, 13]);
  });

  it('ends a YAML block value on its last line, not at the next key', () => {
    const pointer = '/paths/~1orders/get/responses/200/content/application~1json/schema';
    expect(position(at(src('orders.yaml'), { pointer }))).toEqual([21, 17, 23, 53]);
  });

  it('resolves a pointer to a JSON value and to its key', () => {
    expect(position(at(src('events.json'), { pointer: '/components/messages/processOrder/name' }))).toEqual([13, 17, 13, 32]);
    expect(position(at(src('events.json'), { pointer: '/asyncapi', onKey: true }))).toEqual([2, 3, 2, 13]);
  });

  it('falls back to the nearest existing ancestor when the pointer is gone', () => {
    expect(position(at(src('orders.yaml'), { pointer: '/paths/~1getOrders/post/responses' }))[0]).toBe(7);
  });

  it('keeps explicit positions and fills what is missing', () => {
    expect(position(at(src('orders.proto'), { line: 8, column: 10, endLine: 8, endColumn: 20 }))).toEqual([8, 10, 8, 20]);
    expect(position(at(src('orders.proto'), { line: 8 }))).toEqual([8, 1, 8, 1]);
    // An explicit line wins over a pointer: the loader knew better.
    expect(position(at(src('orders.yaml'), { line: 2, column: 1, pointer: '/paths' }))).toEqual([2, 1, 2, 1]);
  });

  it('places findings without any location, or in unreadable files, at 1:1', () => {
    expect(position(at(src('orders.yaml'), {}))).toEqual([1, 1, 1, 1]);
    expect(position(at(src('missing.yaml'), { pointer: '/paths' }))).toEqual([1, 1, 1, 1]);
  });

  it('uses text registered with setSourceText (a file read from a git ref)', () => {
    const file = src('from-git-ref.yaml');
    setSourceText(file, 'openapi: 3.1.0\npaths:\n  /orders: {}\n');
    expect(position(at(file, { pointer: '/paths/~1orders', onKey: true }))).toEqual([3, 3, 3, 10]);
  });

  it('sorts by file, then position, then rule id', () => {
    const sorted = resolvePositions([
      at(src('orders.yaml'), { ruleId: 'b', pointer: '/paths/~1orders' }),
      at(src('orders.yaml'), { ruleId: 'a', pointer: '/paths/~1orders' }),
      at(src('orders.yaml'), { ruleId: 'c', pointer: '/info' }),
      at(src('events.json'), { ruleId: 'd', pointer: '/info' }),
    ]);
    expect(sorted.map((f) => f.ruleId)).toEqual(['d', 'c', 'a', 'b']);
  });
});
