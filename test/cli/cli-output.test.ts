/**
 * The CLI's own output as a shell user meets it: a closed stdout (`| head`)
 * ends the run quietly with its usual exit code, argument errors come first
 * in one line with a "did you mean" and a short usage hint instead of the
 * whole help, and colours appear only on a terminal (or when forced).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli, runCliClosedStdout } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'ck-out-'));

describe('a closed stdout', () => {
  it('`rules | head` ends quietly with exit 0', async () => {
    const r = await runCliClosedStdout(['rules'], scratch());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('`lint --format json | head -c 100` keeps the exit code of the findings, without a stack trace', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /getOrders:\n    get:\n      responses:\n        "200": { description: ok }\n');
    const r = await runCliClosedStdout(['lint', 'api.yaml', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('a report of an unusable contract still exits 2', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: [\n');
    const r = await runCliClosedStdout(['lint', 'api.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('argument errors', () => {
  const lines = (text: string) => text.trimEnd().split('\n');

  it.each([
    [['lnit'], 'contractkit: unknown command `lnit`. Did you mean `lint`?'],
    [['lint', '--formt', 'json'], 'contractkit lint: unknown option `--formt`. Did you mean `--format`?'],
    [['lint', '--stagd'], 'contractkit lint: unknown option `--stagd`. Did you mean `--staged`?'],
    [['generate', 'grcp', 'api.yaml', '--out', 'gen'], 'contractkit generate: unknown target `grcp`. Did you mean `grpc`? Targets: rest-client, grpc, events, saga, rest-server, graphql-resolvers.'],
    [['lint', '--format', 'josn'], 'contractkit lint: `--format josn` is not one of stylish, json, sarif, github, markdown. Did you mean `json`?'],
  ])('%j: the error first, one line, then a short usage hint', (args, first) => {
    const r = runCli(args, scratch());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const out = lines(r.stderr);
    expect(out[0]).toBe(first);
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.at(-1)).toMatch(/^Run `contractkit( \w+)? --help` for /);
  });

  it('no command lists the commands in a line', () => {
    const r = runCli([], scratch());
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe('contractkit: name a command: init, lint, breaking, generate, diagram, map, rules, saga, mock or verify.');
    expect(lines(r.stderr).length).toBeLessThanOrEqual(3);
  });

  it('an unknown key or value in contractkit.yaml suggests the nearest known one', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\n');
    writeFileSync(
      join(dir, 'contractkit.yaml'),
      'version: 1\ncontracts:\n  api:\n    opnapi: api.yaml\n    generate:\n      - target: rest-clinet\n        out: gen\nlint:\n  preet: strict\n',
    );
    const r = runCli(['lint', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const messages = JSON.parse(r.stdout).findings.map((f: { line: number; message: string }) => `${f.line}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '4: Unknown key `opnapi` in `contracts.api`. Did you mean `openapi`?',
        expect.stringMatching(/^6: `contracts\.api\.generate\.0\.target` must be one of .*\. Did you mean `rest-client`\?$/),
        '9: Unknown key `preet` in `lint`. Did you mean `preset`?',
      ]),
    );
  });
});

describe('colours', () => {
  const ESC = '\u001b[';
  const withFindings = () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /getOrders:\n    get:\n      responses:\n        "200": { description: ok }\n');
    return dir;
  };
  const lint = (env: Record<string, string>, ...extra: string[]) => runCli(['lint', 'api.yaml', ...extra], withFindings(), env);

  it('off when stdout is not a terminal, on when FORCE_COLOR or --color forces them', () => {
    const piped = lint({ NO_COLOR: '', FORCE_COLOR: '' });
    expect(piped.stdout).toContain('error');
    expect(piped.stdout).not.toContain(ESC);
    expect(lint({ NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(lint({ NO_COLOR: '', FORCE_COLOR: '' }, '--color').stdout).toContain(ESC);
  });

  it('never with NO_COLOR, --no-color or FORCE_COLOR=0, whatever else is set', () => {
    expect(lint({ NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(lint({ NO_COLOR: '', FORCE_COLOR: '1' }, '--no-color').stdout).not.toContain(ESC);
    expect(lint({ NO_COLOR: '1', FORCE_COLOR: '' }, '--color').stdout).not.toContain(ESC);
    expect(lint({ NO_COLOR: '', FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
  });

  it('a config that does not load is reported under the same decision', () => {
    const dir = withFindings();
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\nlnt: {}\n');
    const forced = runCli(['lint'], dir, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(forced.code).toBe(2);
    expect(forced.stdout).toContain(ESC);
    expect(runCli(['lint'], dir, { NO_COLOR: '', FORCE_COLOR: '' }).stdout).not.toContain(ESC);
  });

  it('the demo writes no escape codes into a file, and bold headings when forced', () => {
    const demo = (env: Record<string, string>) => spawnSync(process.execPath, [packageFile('examples', 'demo.js'), 'diagram'], { encoding: 'utf8', env: { ...process.env, ...env } });
    const piped = demo({ NO_COLOR: '', FORCE_COLOR: '' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('Mermaid diagram of the place-order saga');
    expect(piped.stdout).not.toContain(ESC);
    expect(demo({ NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain(`${ESC}1m`);
    expect(demo({ NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});
