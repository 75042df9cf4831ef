/**
 * The CI diff check of the orders example: regenerating the rest-client
 * output gives exactly the committed files; and that output type-checks under strict.
 * `UPDATE_GENERATED=1 npx vitest run test/generators/rest-client/example-output.test.ts` rewrites them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restClientGenerator } from '../../../generators/rest-client/index.js';
import { expectCommittedOutput, loadContract, root, typeCheck, writeFiles } from './helpers.js';

const committed = join(root, 'examples/orders/generated/rest-client');

describe('examples/orders rest-client output', () => {
  it('is up to date with the contract', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const generated = await restClientGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    expectCommittedOutput('rest-client', generated, committed);
  });

  it('type-checks under strict', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = await restClientGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    expect(typeCheck(writeFiles(files))).toBe('');
  });
});
