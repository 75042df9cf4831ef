import { describe, expect, it } from 'vitest';
import { checkCompatibility } from './compatibility.js';
import { diffJsonSchema } from './json-schema-diff.js';

const types = (o: unknown, u: unknown): string[] => diffJsonSchema(o, u).map((d) => `${d.type}${d.compatible ? '' : '!'}@${d.path.join('/')}`);

describe('diffJsonSchema (Confluent difference names; ! = incompatible for the new reader)', () => {
  const cases: [string, unknown, unknown, string[]][] = [
    ['anything to the empty schema', { type: 'string' }, {}, []],
    ['integer widened to number', { type: 'integer' }, { type: 'number' }, ['TYPE_EXTENDED@type']],
    ['number narrowed to integer', { type: 'number' }, { type: 'integer' }, ['TYPE_NARROWED!@type']],
    ['string to union', { type: 'string' }, { type: ['string', 'null'] }, ['SUM_TYPE_EXTENDED@']],
    ['maxLength added', { type: 'string' }, { type: 'string', maxLength: 3 }, ['MAX_LENGTH_ADDED!@maxLength']],
    ['maximum increased', { type: 'number', maximum: 1 }, { type: 'number', maximum: 2 }, ['MAXIMUM_INCREASED@maximum']],
    ['enum extended', { enum: ['a'] }, { enum: ['a', 'b'] }, ['ENUM_ARRAY_EXTENDED@enum']],
    ['closed model opened', { type: 'object', additionalProperties: false }, { type: 'object' }, ['ADDITIONAL_PROPERTIES_ADDED@additionalProperties']],
    ['property removed from open model', { properties: { a: { type: 'string' } } }, { properties: {} }, ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL@properties/a']],
    [
      'property removed, covered by a partially open model',
      { properties: { a: { type: 'integer' } }, additionalProperties: false },
      { properties: {}, additionalProperties: { type: 'number' } },
      ['TYPE_EXTENDED@properties/a/type', 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL@properties/a', 'ADDITIONAL_PROPERTIES_ADDED@additionalProperties'],
    ],
    [
      'required property with a default added to a closed model',
      { properties: {}, additionalProperties: false },
      { properties: { a: { type: 'string', default: 'x' } }, required: ['a'], additionalProperties: false },
      ['REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL@properties/a'],
    ],
    ['tuple item added to closed array', { items: [{}], additionalItems: false }, { items: [{}, { type: 'string' }], additionalItems: false }, ['ITEM_ADDED_TO_CLOSED_CONTENT_MODEL@items/1']],
    ['oneOf branch removed', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, { oneOf: [{ type: 'string' }] }, ['SUM_TYPE_NARROWED!@']],
  ];
  for (const [name, o, u, want] of cases) it(name, () => expect(types(o, u)).toEqual(want));

  it('recursive schemas terminate', () => {
    const tree = (extra: object) => ({ type: 'object', properties: { children: { type: 'array', items: { $ref: '#' } }, ...extra } });
    expect(types(tree({}), tree({ name: { type: 'string' } }))).toEqual(['PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL!@properties/name']);
  });

  it('checkCompatibility: full reports a change that breaks both ways once', () => {
    const found = checkCompatibility({ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'integer' } } }, 'full');
    expect(found.map((d) => [d.type, d.direction])).toEqual([['TYPE_CHANGED', 'backward']]);
  });
});
