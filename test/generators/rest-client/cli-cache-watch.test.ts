/**
 * `contractkit generate` as a user runs it (the built CLI): the content-hash
 * cache answers an unchanged run without regenerating, notices changed
 * contracts and edited outputs, `--no-cache` bypasses it, and `--watch`
 * regenerates after the contract (or a file it references) changes.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { root } from './helpers.js';

function workspace(): { dir: string; contract: string; schemas: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ck-gen-cli-'));
  cpSync(join(root, 'examples/orders/openapi'), join(dir, 'openapi'), { recursive: true });
  return { dir, contract: join(dir, 'openapi/orders.yaml'), schemas: join(dir, 'openapi/schemas') };
}

const generate = (dir: string, ...extra: string[]) => runCli(['generate', 'rest-client', 'openapi/orders.yaml', '--out', 'gen', ...extra], dir);

describe('generate: cache', () => {
  it('skips an unchanged target, regenerates after a change, and --no-cache bypasses it', () => {
    const ws = workspace();
    const first = generate(ws.dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('3 written');

    const again = generate(ws.dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('unchanged (cached)');
    expect(again.stderr).toMatch(/nothing to regenerate \(inputs and outputs checked in \d+ ms\)/);

    const bypass = generate(ws.dir, '--no-cache');
    expect(bypass.stderr).toContain('0 written, 3 unchanged');

    // a changed description regenerates
    writeFileSync(ws.contract, readFileSync(ws.contract, 'utf8').replace('title: Orders API', 'title: Orders API (renamed)'));
    const changed = generate(ws.dir);
    expect(changed.stderr).not.toContain('cached');
    expect(readFileSync(join(ws.dir, 'gen/client.ts'), 'utf8')).toContain('createOrdersAPIRenamedClient');

    // a hand-edited output is regenerated, not trusted
    writeFileSync(join(ws.dir, 'gen/types.ts'), '// edited\n');
    const repaired = generate(ws.dir);
    expect(repaired.stderr).toContain('1 written');
    expect(readFileSync(join(ws.dir, 'gen/types.ts'), 'utf8')).not.toBe('// edited\n');

    // --check answers from the cache too, and stays correct after an edit
    expect(generate(ws.dir, '--check').code).toBe(0);
    writeFileSync(join(ws.dir, 'gen/index.ts'), '// stale\n');
    const check = generate(ws.dir, '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale: gen/index.ts');
  });

  it('refuses --watch with --check', () => {
    const ws = workspace();
    const r = generate(ws.dir, '--watch', '--check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--watch and --check');
  });
});

describe('generate --watch', () => {
  it('regenerates when a referenced schema file changes, and stops on SIGINT', async () => {
    const ws = workspace();
    const child = spawn(process.execPath, [join(root, 'bin/contractkit.js'), 'generate', 'rest-client', 'openapi/orders.yaml', '--out', 'gen', '--watch'], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const until = async (cond: () => boolean, what: string) => {
      for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(cond(), `${what}; stderr:\n${stderr}`).toBe(true);
    };
    try {
      await until(() => stderr.includes('watching'), 'the watcher started');
      const schema = join(ws.schemas, schemaWithDescription(ws.schemas));
      writeFileSync(schema, readFileSync(schema, 'utf8').replace(/description: ([A-Z][^\n]*)/, 'description: Watched change $1'));
      await until(() => readFileSync(join(ws.dir, 'gen/types.ts'), 'utf8').includes('Watched change'), 'types.ts was regenerated');
      expect(stderr).toMatch(/changed: regenerating/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});

/** A schema file the orders contract references (first one with a description). */
function schemaWithDescription(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const withDescription = files.find((f) => /description: /.test(readFileSync(join(dir, f), 'utf8')));
  if (!withDescription) throw new Error(`no schema with a description in ${dir}`);
  return withDescription;
}
