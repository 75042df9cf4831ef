import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineRule } from './define-rule.js';
import { paginationCursor } from './openapi/pagination-cursor.js';

const optionsSchema = {
  type: 'object',
  properties: { maxLength: { type: 'integer' }, names: { type: 'array', items: { type: 'string' } }, mode: { enum: ['loose', 'strict'] } },
  additionalProperties: false,
} as const;

describe('defineRule', () => {
  it('types the options from the schema, the defaulted ones present (checked by tsc over this file)', () => {
    const rule = defineRule({
      id: 'x-rule',
      kind: 'openapi',
      engine: 'model',
      description: 'A rule for the test.',
      defaultSeverity: 'warning',
      presets: [],
      optionsSchema,
      defaultOptions: { maxLength: 10 },
      check(_model, ctx) {
        expectTypeOf(ctx.options.maxLength).toEqualTypeOf<number>();
        expectTypeOf(ctx.options.names).toEqualTypeOf<string[] | undefined>();
        expectTypeOf(ctx.options.mode).toEqualTypeOf<'loose' | 'strict' | undefined>();
      },
    });
    expect(rule.engine).toBe('model');
    defineRule({
      id: 'y-rule',
      kind: 'openapi',
      engine: 'model',
      description: 'A rule for the test.',
      defaultSeverity: 'warning',
      presets: [],
      optionsSchema,
      // @ts-expect-error a default of the wrong type is a compile error
      defaultOptions: { maxLength: 'ten' },
      check() {},
    });
  });

  it('leaves a plain rule for the registry: schema and defaults as written', () => {
    expect(paginationCursor.optionsSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(paginationCursor.defaultOptions).toMatchObject({ cursorParam: 'cursor', limitParam: 'limit' });
  });
});
