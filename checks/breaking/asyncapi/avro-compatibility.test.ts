/**
 * Avro schema resolution, given a previous and a current schema and a mode,
 * want the incompatibilities Avro's checker names.
 */
import { describe, expect, it } from 'vitest';
import { checkAvroCompatibility } from './avro-compatibility.js';
import type { CompatibilityMode } from './compatibility.js';

const record = (fields: object[], extra: object = {}) => ({ type: 'record', name: 'Order', namespace: 'shop', fields, ...extra });
const field = (name: string, type: unknown, extra: object = {}) => ({ name, type, ...extra });

const cases: { name: string; prev: unknown; curr: unknown; mode: CompatibilityMode; want: string[] }[] = [
  { name: 'same schema', prev: record([field('id', 'string')]), curr: record([field('id', 'string')]), mode: 'full', want: [] },
  { name: 'field added without default: the new reader cannot fill it', prev: record([]), curr: record([field('n', 'int')]), mode: 'backward', want: ['READER_FIELD_MISSING_DEFAULT_VALUE n backward'] },
  { name: 'field added with default', prev: record([]), curr: record([field('n', 'int', { default: 0 })]), mode: 'full', want: [] },
  { name: 'field removed: old readers need its default', prev: record([field('n', 'int')]), curr: record([]), mode: 'forward', want: ['READER_FIELD_MISSING_DEFAULT_VALUE n forward'] },
  { name: 'field removed, backward: the new reader ignores it', prev: record([field('n', 'int')]), curr: record([]), mode: 'backward', want: [] },
  { name: 'int → long is a promotion for the new reader', prev: record([field('n', 'int')]), curr: record([field('n', 'long')]), mode: 'backward', want: [] },
  { name: 'int → long breaks old readers', prev: record([field('n', 'int')]), curr: record([field('n', 'long')]), mode: 'forward', want: ['TYPE_MISMATCH n forward'] },
  { name: 'string ↔ bytes', prev: record([field('n', 'string')]), curr: record([field('n', 'bytes')]), mode: 'full', want: [] },
  { name: 'renamed with an alias', prev: record([field('n', 'int')]), curr: record([field('m', 'int', { aliases: ['n'] })]), mode: 'backward', want: [] },
  { name: 'record renamed', prev: record([]), curr: record([], { name: 'Purchase' }), mode: 'backward', want: ['NAME_MISMATCH  backward'] },
  { name: 'record renamed with the old name as alias', prev: record([]), curr: record([], { name: 'Purchase', aliases: ['Order'] }), mode: 'backward', want: [] },
  {
    name: 'enum symbol removed',
    prev: record([field('s', { type: 'enum', name: 'State', symbols: ['NEW', 'PAID'] })]),
    curr: record([field('s', { type: 'enum', name: 'State', symbols: ['NEW'] })]),
    mode: 'backward',
    want: ['MISSING_ENUM_SYMBOLS s backward'],
  },
  {
    name: 'enum symbol removed, reader enum has a default',
    prev: record([field('s', { type: 'enum', name: 'State', symbols: ['NEW', 'PAID'] })]),
    curr: record([field('s', { type: 'enum', name: 'State', symbols: ['NEW'], default: 'NEW' })]),
    mode: 'backward',
    want: [],
  },
  { name: 'optional made required (union dropped)', prev: record([field('n', ['null', 'string'])]), curr: record([field('n', 'string')]), mode: 'backward', want: ['TYPE_MISMATCH n backward'] },
  { name: 'required made optional (union added)', prev: record([field('n', 'string')]), curr: record([field('n', ['null', 'string'])]), mode: 'backward', want: [] },
  { name: 'union branch removed', prev: record([field('n', ['null', 'string', 'int'])]), curr: record([field('n', ['null', 'string'])]), mode: 'backward', want: ['MISSING_UNION_BRANCH n backward'] },
  { name: 'fixed size changed', prev: record([field('h', { type: 'fixed', name: 'Hash', size: 16 })]), curr: record([field('h', { type: 'fixed', name: 'Hash', size: 32 })]), mode: 'backward', want: ['FIXED_SIZE_MISMATCH h backward'] },
  {
    name: 'array items and map values',
    prev: record([field('a', { type: 'array', items: 'int' }), field('m', { type: 'map', values: 'string' })]),
    curr: record([field('a', { type: 'array', items: 'string' }), field('m', { type: 'map', values: 'int' })]),
    mode: 'backward',
    want: ['TYPE_MISMATCH a.[] backward', 'TYPE_MISMATCH m.{} backward'],
  },
  {
    name: 'a named type referenced by name, and a recursive record',
    prev: record([field('next', ['null', 'Order']), field('n', 'int')]),
    curr: record([field('next', ['null', 'shop.Order']), field('n', 'string')]),
    mode: 'backward',
    want: ['TYPE_MISMATCH n backward'],
  },
  { name: 'logical types compare by their underlying type', prev: record([field('t', { type: 'long', logicalType: 'timestamp-millis' })]), curr: record([field('t', 'long')]), mode: 'full', want: [] },
  { name: 'none checks nothing', prev: record([field('n', 'int')]), curr: record([field('n', 'string')]), mode: 'none', want: [] },
  { name: 'full checks both ways', prev: record([field('n', 'int')]), curr: record([]), mode: 'full', want: ['READER_FIELD_MISSING_DEFAULT_VALUE n forward'] },
];

describe('checkAvroCompatibility', () => {
  it.each(cases)('$name', ({ prev, curr, mode, want }) => {
    expect(checkAvroCompatibility(prev, curr, mode).map((d) => `${d.type} ${d.path.join('.')} ${d.direction}`)).toEqual(want);
  });
});
