/**
 * The generate cache of a saga target covers the contracts its steps call:
 * a change to the OpenAPI document a step calls regenerates the saga output
 * (it used to be reported "unchanged (cached)", keeping stale participant types).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const EXAMPLE = packageFile('examples', 'orders');

it('a change to a contract the saga calls regenerates the saga target, a run without changes is cached', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-saga-cache-'));
  try {
    for (const d of ['openapi', 'proto', 'asyncapi', 'sagas']) cpSync(join(EXAMPLE, d), join(dir, d), { recursive: true });
    // the saga target alone, so the run is short
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  place-order:\n    saga: sagas/place-order.saga.yaml\n    generate:\n      - target: saga\n        out: gen\n        options: { clients: embedded }\n');
    const first = runCli(['generate'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(runCli(['generate'], dir).stderr).toContain('saga place-order → gen: unchanged (cached)');

    const openapi = join(dir, 'openapi/orders.yaml');
    const text = readFileSync(openapi, 'utf8');
    const at = text.indexOf('    Order:\n');
    const props = text.indexOf('      properties:\n', at) + '      properties:\n'.length;
    writeFileSync(openapi, `${text.slice(0, props)}        giftNote:\n          type: string\n${text.slice(props)}`);
    const after = runCli(['generate'], dir);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toContain('unchanged (cached)');
    expect(readFileSync(join(dir, 'gen/place-order.saga.ts'), 'utf8') + readFileSync(join(dir, 'gen/clients/orders/types.ts'), 'utf8')).toContain('giftNote');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
