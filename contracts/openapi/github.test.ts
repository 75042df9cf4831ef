import { createRequire } from 'node:module';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { loadOpenApi } from './load.js';

// GitHub's REST description (13 MB of JSON) from the @octokit/openapi dev dependency.
const require = createRequire(import.meta.url);
const file = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');

it('loads GitHub’s 13 MB REST description without findings', async () => {
  const started = performance.now();
  const outcome = await loadOpenApi({ name: 'github', kind: 'openapi', path: file }, { cwd: path.dirname(file), rootDir: path.dirname(file), allowRemoteRefs: false });
  // Reported for the record, not asserted: timings vary by machine.
  console.log(`api.github.com.json loaded in ${Math.round(performance.now() - started)} ms`);
  expect(outcome.findings).toEqual([]);
  const c = outcome.contract!;
  expect(c.specVersion).toMatch(/^3\./);
  expect(c.operations.length).toBeGreaterThan(1000);
  expect(c.schemas.length).toBeGreaterThan(500);
  const issues = c.operations.find((o) => o.operationId === 'issues/list-for-repo')!;
  expect(issues).toMatchObject({ method: 'get', path: '/repos/{owner}/{repo}/issues', pagination: 'page' });
  expect(issues.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['owner', 'repo', 'per_page', 'page']));
  expect(issues.parameters.find((p) => p.name === 'owner')!.location.pointer).toBe('/components/parameters/owner');
  expect(c.operations.some((o) => o.async)).toBe(true);
}, 60_000);
