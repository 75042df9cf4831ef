/**
 * The CI diff check of the orders example: regenerating the rest-server
 * output gives exactly the committed files; and that output type-checks under strict.
 * `UPDATE_GENERATED=1 npx vitest run test/generators/rest-server/example-output.test.ts` rewrites them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restServerGenerator } from '../../../generators/rest-server/index.js';
import { expectCommittedOutput, loadContract, root, typeCheck, writeFiles } from '../rest-client/helpers.js';

const committed = join(root, 'examples/orders/generated/rest-server');

describe('examples/orders rest-server output', () => {
  it('is up to date with the contract', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const generated = await restServerGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    expectCommittedOutput('rest-server', generated, committed);
  });

  it('type-checks under strict', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = await restServerGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    expect(typeCheck(writeFiles(files))).toBe('');
  });
});
