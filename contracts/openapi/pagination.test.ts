import { describe, expect, it } from 'vitest';
import type { HttpParameter, HttpResponse, JsonSchema } from '../model/types.js';
import { detectPagination, isCursorParam, pagingParams, pagingRole } from './pagination.js';

const location = { file: '/api.yaml', pointer: '' };
const query = (name: string): HttpParameter => ({ name, in: 'query', required: false, deprecated: false, location });
const ok = (schema?: JsonSchema, headers: string[] = []): HttpResponse => ({
  status: '200',
  headers: headers.map((name) => ({ name, required: false, location })),
  content: schema === undefined ? [] : [{ mediaType: 'application/json', schema, location }],
  location,
});
const schemas: Record<string, JsonSchema> = {
  Page: { type: 'object', properties: { meta: { $ref: '#/Meta' } } },
  Meta: { type: 'object', properties: { next_cursor: { type: 'string' } } },
};
const deref = (s: JsonSchema): JsonSchema | undefined => (typeof s === 'object' && typeof s.$ref === 'string' ? schemas[s.$ref.slice(2)] : s);

describe('detectPagination', () => {
  const cases: [string, HttpParameter[], HttpResponse[], string][] = [
    ['cursor param', [query('cursor')], [ok()], 'cursor'],
    ['*_token param', [query('page_token')], [ok()], 'cursor'],
    ['pageToken param', [query('pageToken')], [ok()], 'cursor'],
    ['nextCursor in the body', [], [ok({ type: 'object', properties: { nextCursor: { type: 'string' } } })], 'cursor'],
    ['next_cursor one level down through $ref', [], [ok({ $ref: '#/Page' })], 'cursor'],
    ['nextCursor in allOf', [], [ok({ allOf: [{ properties: { nextCursor: {} } }] })], 'cursor'],
    ['offset param', [query('offset'), query('limit')], [ok()], 'offset'],
    ['page param wins over Link', [query('page')], [ok(undefined, ['Link'])], 'page'],
    ['Link header', [], [ok(undefined, ['link'])], 'link'],
    ['access_token is not a cursor', [query('access_token')], [ok()], 'none'],
    ['nothing', [query('q')], [ok({ type: 'object' })], 'none'],
  ];
  it.each(cases)('%s', (_name, parameters, responses, want) => {
    expect(detectPagination(parameters, responses, deref)).toBe(want);
  });

  it('ignores header parameters named like cursors', () => {
    expect(detectPagination([{ ...query('cursor'), in: 'header' }], [ok()], deref)).toBe('none');
    expect(isCursorParam('continuation_token')).toBe(true);
  });
});

describe('pagingRole / pagingParams', () => {
  it.each([
    ['cursor', 'cursor'], ['page_token', 'cursor'], ['skip', 'offset'], ['$skip', 'offset'], ['Offset', 'offset'], ['pageNumber', 'page'],
    ['per_page', 'size'], ['$top', 'size'], ['starting_after', 'range'], ['access_token', undefined], ['q', undefined],
  ])('%s is %s', (name, role) => {
    expect(pagingRole(name)).toBe(role);
  });

  it('names the steering parameters of the style only', () => {
    const params = [query('skip'), query('page'), query('per_page'), query('next_token')];
    expect(pagingParams(params, 'offset')).toEqual({ cursorParam: 'next_token', offsetParam: 'skip', limitParam: 'per_page' });
    expect(pagingParams(params, 'page')).toEqual({ cursorParam: 'next_token', pageParam: 'page', limitParam: 'per_page' });
    expect(detectPagination([query('skip'), query('top')], [ok()], deref)).toBe('offset');
    expect(detectPagination([query('pageNumber')], [ok()], deref)).toBe('page');
  });
});
