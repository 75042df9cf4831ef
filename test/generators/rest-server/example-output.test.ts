/**
 * The CI diff check of the orders example: regenerating the rest-server
 * output gives exactly the committed files; and that output type-checks under strict.
 * `UPDATE_GENERATED=1 npx vitest run test/generators/rest-server/example-output.test.ts` rewrites them.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restServerGenerator } from '../../../generators/rest-server/index.js';
import { manifestFile } from '../../../generators/core/writer.js';
import { loadContract, root, typeCheck, writeFiles } from '../rest-client/helpers.js';

const committed = join(root, 'examples/orders/generated/rest-server');

describe('examples/orders rest-server output', () => {
  it('is up to date with the contract', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const generated = await restServerGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    // `contractkit generate` writes the target's manifest beside the files
    const files = [...generated, manifestFile('rest-server', generated)];
    if (process.env.UPDATE_GENERATED === '1') {
      rmSync(committed, { recursive: true, force: true });
      writeFiles(files, committed);
    }
    expect(existsSync(committed), 'generated output is committed').toBe(true);
    const onDisk = readdirSync(committed, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') || f.endsWith('.files')).sort();
    expect(onDisk).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(readFileSync(join(committed, f.path), 'utf8'), `${f.path} is stale: regenerate and commit`).toBe(f.content);
  });

  it('type-checks under strict', async () => {
    const contract = await loadContract(join(root, 'examples/orders/openapi/orders.yaml'), 'orders-api');
    const files = await restServerGenerator.generate({ contracts: [contract] }, { out: committed, options: {} });
    expect(typeCheck(writeFiles(files))).toBe('');
  });
});
