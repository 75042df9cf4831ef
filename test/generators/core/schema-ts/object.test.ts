import { describe, expect, it } from 'vitest';
import { print, STYLES } from './helpers.js';

const order = {
  type: 'object',
  required: ['id', 'total'],
  properties: {
    id: { type: 'string', readOnly: true, description: '  The id.  ' },
    total: { type: 'number', title: 'Total', deprecated: true },
    'line-items': { type: 'array', items: { type: 'string' } },
    secret: { type: 'string', writeOnly: true },
  },
};

describe('objects', () => {
  it('members are optional unless required; odd keys are quoted; docs in the summary style', () => {
    expect(print(order)).toBe(
      "{\n  /** The id. */\n  id: string;\n  /**\n   * Total\n   * @deprecated\n   */\n  total: number;\n  'line-items'?: string[];\n  secret?: string;\n}",
    );
  });

  it('the read side leaves writeOnly members out, the write side readOnly ones', () => {
    expect(print(order, { dir: 'read' })).not.toContain('secret');
    expect(print(order, { dir: 'read' })).toContain('id: string;');
    expect(print(order, { dir: 'write' })).not.toContain('id: string;');
    expect(print(order, { dir: 'write' })).toContain('secret?: string;');
  });

  it('other doc styles: description and @deprecated untrimmed, or the description alone', () => {
    expect(print(order, { style: STYLES.titled })).toContain('  /**   The id. */\n  id: string;\n  /** @deprecated */\n  total: number;');
    expect(print(order, { style: STYLES.ref })).toContain('  /**   The id. */\n  id: string;\n  total: number;');
  });

  it('nested objects are indented one step per level', () => {
    expect(print({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } })).toBe('{\n  a?: {\n    b?: string;\n  };\n}');
  });
});
