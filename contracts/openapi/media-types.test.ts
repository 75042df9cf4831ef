import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from './media-types.js';

describe('isJsonMediaType', () => {
  it.each(['application/json', 'Application/JSON', 'application/problem+json', 'application/vnd.acme.v1+json; charset=utf-8', 'application/json;charset=utf-8'])('%s is JSON', (mt) => {
    expect(isJsonMediaType(mt)).toBe(true);
  });
  it.each(['application/json-seq', 'application/jsonl', 'application/xml', 'text/plain', '*/*', 'application/*'])('%s is not', (mt) => {
    expect(isJsonMediaType(mt)).toBe(false);
  });
});
