/**
 * Lint and the REST client read one pagination vocabulary
 * (contracts/openapi/pagination.ts): on operations where the two used to
 * disagree, the model, the pagination rules and the generated client now see
 * the same paging.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginationCursor } from '../../../checks/lint/openapi/pagination-cursor.js';
import { paginateCollections } from '../../../checks/lint/openapi/paginate-collections.js';
import { lintWithRule } from '../../../checks/lint/openapi/support/testing.js';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { loadContract, root, typeCheck, writeFiles } from './helpers.js';

const fixture = join(root, 'test/fixtures/rest-client/pagination-vocabulary.yaml');

describe('one pagination vocabulary', () => {
  it('the model names the steering parameters', async () => {
    const contract = await loadContract(fixture);
    const byId = Object.fromEntries(contract.operations.map((o) => [o.operationId, o]));
    expect(byId.listOrders).toMatchObject({ pagination: 'cursor', paging: { cursorParam: 'page_token', limitParam: 'limit' } });
    expect(byId.listEvents).toMatchObject({ pagination: 'offset', paging: { offsetParam: 'skip', limitParam: 'top' } });
  });

  it('lint sees the cursor the client pages with, and the offset paging the client iterates', async () => {
    const text = readFileSync(fixture, 'utf8');
    const cursor = await lintWithRule(text, paginationCursor);
    // no "takes `limit` but no `cursor`" on /orders: page_token is its cursor
    expect(cursor.map((f) => f.pointer)).toEqual(['/paths/~1events/get/parameters/0']);
    expect(cursor[0]!.message).toContain('Query parameter `skip` of GET /events paginates by position');
    expect(await lintWithRule(text, paginateCollections)).toEqual([]);
  });

  it('the client iterates both operations with those parameters', async () => {
    const files = generateRestClient(await loadContract(fixture));
    const client = files.find((f) => f.path === 'client.ts')!.content;
    expect(client).toMatch(/export (async )?function\*? ?listOrdersAll\b|listOrdersAll/);
    expect(client).toContain(`cursorParam: 'page_token'`);
    expect(client).toContain(`offsetParam: 'skip'`);
    expect(client).toContain(`limitParam: 'top'`);
    expect(typeCheck(writeFiles(files))).toBe('');
  }, 60_000);
});
