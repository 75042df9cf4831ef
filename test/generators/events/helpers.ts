/** Shared by the events tests: generate a fixture into a temp dir that resolves the repository's packages, and type-check output. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { loadAsyncApi } from '../../../contracts/asyncapi/load.js';
import { eventsGenerator } from '../../../generators/events/index.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/events');

/** Loads an AsyncAPI file and runs the events generator (throws the generator's UsageError). */
export async function generateEvents(file: string, out: string, name = 'shop-events'): Promise<GeneratedFile[]> {
  const loaded = await loadAsyncApi({ name, kind: 'asyncapi', path: file }, { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false });
  if (!loaded.contract) throw new Error(`fixture did not load: ${JSON.stringify(loaded.findings)}`);
  return eventsGenerator.generate({ contracts: [loaded.contract] }, { out, options: {} });
}

/** A temp dir whose `node_modules` is the repository's, so generated code resolves `@contractkit/runtime`. */
export function tempProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** Generates shop.yaml into a temp project with the user's upcasters in place; returns the output dir. */
export async function generateShop(): Promise<string> {
  const dir = tempProject('ck-events-');
  const out = join(dir, 'gen');
  const first = await generateEvents(join(FIXTURES, 'shop.yaml'), out);
  writeGeneratedFiles(out, first);
  copyFileSync(join(FIXTURES, 'upcasters.ts'), join(out, 'upcasters.ts'));
  return out;
}

/** Runs tsc under strict on `files` with @contractkit/runtime resolved to the runtime's sources; returns its output ('' when clean). */
export function typeCheck(dir: string, files: string[]): string {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      baseUrl: dir,
      paths: { '@contractkit/runtime/events': [join(ROOT, 'runtime/src/events/index.ts')] },
    },
    files,
  };
  writeFileSync(join(dir, 'tsconfig.check.json'), JSON.stringify(config));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.check.json')], { encoding: 'utf8' });
  return (r.stdout + r.stderr).trim();
}

/** Generates `fixture` (with every `RUN` replaced by `run`) into a temp project; returns the output dir. */
export async function generateFixture(fixture: string, run: string, name = 'bound-shop', options: Record<string, unknown> = {}): Promise<string> {
  const dir = tempProject('ck-events-fx-');
  const file = join(dir, basename(fixture));
  // a fixture in a folder of its own brings the files it refers to (`$ref: ./order.avsc`)
  if (dirname(fixture) !== '.') for (const f of readdirSync(join(FIXTURES, dirname(fixture)))) if (f !== basename(fixture)) copyFileSync(join(FIXTURES, dirname(fixture), f), join(dir, f));
  writeFileSync(file, readFileSync(join(FIXTURES, fixture), 'utf8').replace(/RUN/g, run));
  const out = join(dir, 'gen');
  const loaded = await loadAsyncApi({ name, kind: 'asyncapi', path: file }, { cwd: dir, rootDir: dir, allowRemoteRefs: false });
  if (!loaded.contract) throw new Error(`fixture did not load: ${JSON.stringify(loaded.findings)}`);
  writeGeneratedFiles(out, await eventsGenerator.generate({ contracts: [loaded.contract] }, { out, options }));
  return out;
}
