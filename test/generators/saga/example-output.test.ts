/**
 * The committed example output (examples/orders/generated/saga) is what the
 * generator produces today (the CI diff check), type-checks under strict, and
 * the user-owned steps file survives regeneration untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { runCli } from '../../cli/run-cli.js';
import { loadConfig } from '../../../cli/config/load-config.js';
import { configuredOutputs } from '../../../cli/commands/generate/outputs.js';
import { generateSaga, ROOT } from './helpers.js';
import { manifestFile } from '../../../generators/core/writer.js';
import { typecheck } from './typecheck.js';

const committed = join(ROOT, 'examples', 'orders', 'generated', 'saga');
const sagaFile = join(ROOT, 'examples', 'orders', 'sagas', 'place-order.saga.yaml');

const writeAll = (out: string, files: { path: string; content: string }[]) =>
  files.forEach((f) => {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.content);
  });

it('regenerating the orders example gives exactly the committed files', async () => {
  // a sibling of generated/saga, so the configured clients (../rest-client, ../grpc, ../events) are the same relative imports
  const out = mkdtempSync(join(committed, '..', '.saga-check-'));
  try {
    // the steps file is the user's: it is merged, so it must be there first
    cpSync(join(committed, 'place-order.steps.ts'), join(out, 'place-order.steps.ts'));
    // the options of the example's saga target in its contractkit.yaml, and its targets as the CLI passes them
    const config = loadConfig(join(ROOT, 'examples', 'orders'));
    const { files, notes } = await generateSaga(sagaFile, out, { test: 'vitest' }, { outputs: configuredOutputs(config) });
    expect(notes).toEqual([]);
    // with the manifest `contractkit generate` writes beside the files (the steps file is the user's: not in it)
    writeAll(out, [...files, manifestFile('saga', files)]);
    const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((p) => p !== '.contractkit').sort();
    expect(tree(out)).toEqual(tree(committed));
    for (const name of tree(committed)) {
      expect(readFileSync(join(out, name), 'utf8'), `${name} is stale: regenerate examples/orders/generated/saga`).toBe(readFileSync(join(committed, name), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it('the committed example output type-checks under strict', () => {
  const files = readdirSync(committed).filter((f) => f.endsWith('.ts')).map((f) => join(committed, f));
  expect(typecheck(files)).toBe('');
});

it('the committed participants are wired to the configured clients with the step idempotency keys', () => {
  const wiring = readFileSync(join(committed, 'place-order.participants.ts'), 'utf8');
  expect(wiring).toContain("from '../rest-client/index.js'");
  expect(wiring).toContain("from '../grpc/payments/v1/payments_grpc.js'");
  expect(wiring).toContain("from '../events/index.js'");
  expect(wiring).toContain('{ idempotencyKey: ctx.idempotencyKey, signal: ctx.signal }');
  expect(wiring).toContain("{ metadata: { 'idempotency-key': ctx.idempotencyKey }, signal: ctx.signal }");
  expect(wiring).toContain('const eventId = sagaEventId(ctx.idempotencyKey);');
  expect(wiring).toContain("replies.expect<ReserveInventoryOutput>({ correlationId: ctx.sagaId, causationId: eventId, reply: ['inventory.reserved'], failure: ['reservation.failed'], signal: ctx.signal })");
});

it('without a config the clients of all three kinds are generated into the saga output, which type-checks on its own', async () => {
  const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-embedded-'));
  try {
    cpSync(join(committed, 'place-order.steps.ts'), join(out, 'place-order.steps.ts'));
    const { files } = await generateSaga(sagaFile, out, { clients: 'embedded' });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['clients/orders/client.ts', 'clients/payments/payments/v1/payments_grpc.ts', 'clients/events/producers.ts', 'clients/events/validators.ts']));
    writeAll(out, files);
    const wiring = readFileSync(join(out, 'place-order.participants.ts'), 'utf8');
    expect(wiring).toContain("from './clients/orders/index.js'");
    expect(wiring).toContain('createEventsProducer');
    // the default test skeleton (node:test) included: it needs nothing but @types/node
    expect(paths).toContain('place-order.saga-test.ts');
    expect(typecheck(paths.filter((p) => p.endsWith('.ts')).map((p) => join(out, p)))).toBe('');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it('the Mermaid diagram beside it shows the steps, the pivot and the compensations', () => {
  const mmd = readFileSync(join(committed, 'place-order.mmd'), 'utf8');
  expect(mmd).toMatch(/^%% saga place-order v1\nflowchart LR\n/);
  expect(mmd).toContain('reserve-inventory');
  expect(mmd).toContain('(pivot)');
  expect(mmd).toContain('undo process-payment');
});

it('generates from a project that is not a git repository: $refs may reach what lint lets them (the project folder)', () => {
  // outside this repository (the OS temp dir), with no .git above it: the saga's contracts are in sibling folders
  const project = mkdtempSync(join(tmpdir(), 'ck-saga-no-git-'));
  try {
    for (const d of ['openapi', 'proto', 'asyncapi', 'sagas']) cpSync(join(ROOT, 'examples', 'orders', d), join(project, d), { recursive: true });
    expect(runCli(['lint', 'sagas/place-order.saga.yaml'], project).code).toBe(0);
    const r = runCli(['generate', 'saga', 'sagas/place-order.saga.yaml', '--out', 'gen'], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readdirSync(join(project, 'gen'))).toContain('place-order.saga.ts');
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
