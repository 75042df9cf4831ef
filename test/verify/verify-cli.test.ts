/**
 * `contractkit verify` end to end (the built CLI): exit 0 clean, 1 on a
 * violation (in every report format), 2 when nothing could be verified.
 * The CLI runs as a child process without blocking this process, which
 * serves the provider.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.js';
import { startWidgetsServer, type WidgetsServer } from './widgets-server.js';

const CONTRACT = 'test/fixtures/verify/widgets.yaml';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'contractkit.js'), 'verify', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('contractkit verify', () => {
  let good: WidgetsServer;
  let bad: WidgetsServer;
  beforeAll(async () => {
    good = await startWidgetsServer();
    bad = await startWidgetsServer(['no-retry-after']);
  });
  afterAll(async () => {
    await good.close();
    await bad.close();
  });

  it('exits 0 on a provider that keeps its contract, and says what it did', async () => {
    const r = await run([CONTRACT, '--url', good.url, '--runs', '5', '--seed', '1']);
    expect(r.stderr).toContain('7 operation(s)');
    expect(r.stderr).toContain('no violations');
    expect(r.code).toBe(0);
  });

  it('exits 1 on a violation and reports it at the contract line (sarif)', async () => {
    const r = await run([CONTRACT, '--url', bad.url, '--runs', '5', '--seed', '1', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).runs[0].results[0];
    expect(result.ruleId).toBe('verify/retry-after');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toContain('widgets.yaml');
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  });

  it('exits 1 and prints the violation in the github format', async () => {
    const r = await run([CONTRACT, '--url', bad.url, '--runs', '5', '--seed', '1', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error file=.*widgets\.yaml,line=\d+.*verify\/retry-after/);
  });

  it('exits 2 when the provider cannot be reached', async () => {
    const r = await run([CONTRACT, '--url', 'http://127.0.0.1:9', '--runs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not be reached');
  });

  it('exits 2 when the contract has no operations', async () => {
    const r = await run(['test/fixtures/verify/empty.yaml', '--url', good.url]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('no operations');
  });

  it('exits 2 without --url, and for a bad --runs', async () => {
    expect((await run([CONTRACT])).code).toBe(2);
    expect((await run([CONTRACT, '--url', good.url, '--runs', '0'])).code).toBe(2);
  });
});

describe('contractkit verify --consumer --provider', () => {
  it('exits 0 when every operation the generated orders client calls is in the orders contract', async () => {
    const r = await run(['--consumer', 'examples/orders/generated/rest-client', '--provider', 'examples/orders/openapi/orders.yaml']);
    expect(r.stderr).toMatch(/1[0-9] operation call\(s\)/);
    expect(r.code).toBe(0);
  });

  it('exits 1 with the call site of an operation the provider lacks', async () => {
    const r = await run(['--consumer', 'test/fixtures/verify/consumer', '--provider', CONTRACT, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; line: number; message: string }[];
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['verify/consumer-operation-missing', 8]]);
    expect(findings[0]!.message).toContain('GET /gadgets');
  });

  it('exits 2 when the consumer calls no operation', async () => {
    const r = await run(['--consumer', 'test/fixtures/verify/empty.yaml', '--provider', CONTRACT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to check');
  });
});
