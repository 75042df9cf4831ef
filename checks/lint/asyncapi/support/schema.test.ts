import { describe, expect, it } from 'vitest';
import { formatOf, objectShape } from './schema.js';

describe('objectShape', () => {
  it('merges allOf branches and follows #/ refs left in the schema (cycles), with pointers', () => {
    const root = {
      definitions: { Envelope: { type: 'object', required: ['eventId'], properties: { eventId: { $ref: '#/definitions/Uuid' } } }, Uuid: { type: 'string', format: 'uuid' } },
      allOf: [{ $ref: '#/definitions/Envelope' }, { properties: { payload: { type: 'object' }, eventId: { type: 'integer' } }, required: ['payload'] }],
    };
    const shape = objectShape(root);
    expect([...shape.properties.keys()]).toEqual(['eventId', 'payload']);
    // The first declaration wins; its pointer is where it is written.
    expect(shape.properties.get('eventId')!.pointer).toBe('/definitions/Envelope/properties/eventId');
    expect(shape.properties.get('payload')!.pointer).toBe('/allOf/1/properties/payload');
    expect([...shape.required]).toEqual(['eventId', 'payload']);
    expect(formatOf(root, shape.properties.get('eventId')!.schema)).toBe('uuid');
  });

  it('does not loop on self-referencing schemas', () => {
    const root = { allOf: [{ $ref: '#' }, { properties: { a: { allOf: [{ $ref: '#/allOf/1/properties/a' }] } } }] };
    const shape = objectShape(root);
    expect([...shape.properties.keys()]).toEqual(['a']);
    expect(formatOf(root, shape.properties.get('a')!.schema)).toBeUndefined();
  });
});
