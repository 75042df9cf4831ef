/**
 * The compile check on a real, large description: GitHub's REST API
 * (13 MB, @octokit/openapi) generates a client that type-checks under strict.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { structuralErrors } from '../../../contracts/openapi/structure.js';
import { loadContract, root, typeCheck, writeFiles } from './helpers.js';

const github = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');

describe.skipIf(!existsSync(github))("GitHub's REST description", () => {
  it('generates a client that type-checks under strict', async () => {
    const contract = await loadContract(github, 'github');
    // the registered generator refuses a document with Redocly `struct` errors: GitHub's has none
    expect(await structuralErrors(contract)).toEqual([]);
    const files = generateRestClient(contract);
    const client = files.find((f) => f.path === 'client.ts')!.content;
    expect(client).toContain('export function createGitHubSOfficialOpenAPISpecOctokitExtensionClient(');
    expect((client.match(/^export (async )?function /gm) ?? []).length).toBeGreaterThanOrEqual(contract.operations.length);
    expect(typeCheck(writeFiles(files))).toBe('');
  }, 180_000);
});
