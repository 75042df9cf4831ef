/**
 * `contractkit mock` as a user runs it: it serves until SIGINT (exit 0),
 * prints the URL and the routes; a contract with no operations and a bad
 * scenario file are refused with exit 2 and a located message. Also named
 * examples (`Prefer: example=`) on a contract written here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { startMock } from '../../mock/index.js';
import { loadContract } from '../generators/rest-client/helpers.js';
import { runCli } from '../cli/run-cli.js';
import { call } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ck-mock-cli-'));
const PETS = join(dir, 'pets.yaml');
writeFileSync(
  PETS,
  `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: A pet.
          content:
            application/json:
              schema:
                type: object
                required: [name]
                properties: { name: { type: string }, tag: { type: string, nullable: true } }
              examples:
                cat: { value: { name: Tom, tag: null } }
                dog: { value: { name: Rex, tag: good } }
`,
);

it('answers the named example asked for with Prefer, the first one otherwise, and refuses an unknown name', async () => {
  const mock = await startMock(await loadContract(PETS, 'pets'), { port: 0 });
  try {
    expect((await call(mock, '/pets/1', { headers: { Prefer: 'example=dog' } })).body).toEqual({ name: 'Rex', tag: 'good' });
    expect((await call(mock, '/pets/1')).body).toEqual({ name: 'Tom', tag: null });
    const unknown = await call(mock, '/pets/1', { headers: { Prefer: 'example=bird' } });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body?.detail)).toContain('cat, dog');
  } finally {
    await mock.close();
  }
});

it('serves until SIGINT, printing the URL and the routes', async () => {
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'contractkit.js'), 'mock', PETS, '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && out.includes('getPet')) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  expect(out).toContain('GET /pets/{petId} (getPet)');
  const res = await fetch(`${url}/pets/7`);
  expect(res.status).toBe(200);
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
  expect(code).toBe(0);
}, 30_000);

it('a contract with no operations: exit 2, saying so', () => {
  const file = join(dir, 'empty.yaml');
  writeFileSync(file, 'openapi: 3.0.3\ninfo: { title: Empty, version: 1.0.0 }\npaths: {}\n');
  const r = runCli(['mock', file, '--port', '0'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout + r.stderr).toMatch(/no operations/);
});

it('a bad scenario file: exit 2 at its line', () => {
  const file = join(dir, 'bad-scenarios.yaml');
  writeFileSync(file, 'scenarios:\n  - when: { method: GET, path: /pets/1 }\n    then: { status: teapot }\n');
  const r = runCli(['mock', PETS, '--port', '0', '--scenarios', file], dir);
  expect(r.code).toBe(2);
  expect(r.stdout + r.stderr).toMatch(/bad-scenarios\.yaml\s+3:\d+\s+error/);
});
