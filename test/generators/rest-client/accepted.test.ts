/**
 * 202 operations of the generated client against a real node:http server:
 * the typed final result the contract implies (a linked status resource with a
 * `state` enum, a long-running operation's `response`, a 303 to the result,
 * `x-contractkit-completion`), the completion spec passed to the runtime, and
 * the `completion` generator option.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationFailedError } from '@contractkit/runtime/http';
import { UsageError } from '../../../contracts/errors.js';
import { restClientGenerator } from '../../../generators/rest-client/index.js';
import { generateAndImport, loadContract, root, typeCheck } from './helpers.js';

const polls = new Map<string, number>();
/** Answers in turn per status path; the last answer repeats. */
const script: Record<string, [number, unknown, Record<string, string>?][]> = {
  '/v1/import-jobs/i1': [[200, { id: 'i1', state: 'pending' }], [200, { id: 'i1', state: 'running' }], [200, { id: 'i1', state: 'done', rows: 3 }]],
  '/v1/reports/r1': [[200, { name: 'r1', done: false }], [200, { name: 'r1', done: true, response: { id: 'rep', pages: 12 } }]],
  '/v1/export-status/e1': [[200, { progress: 50 }], [303, {}, { location: '/v1/export-files/e1' }]],
  '/v1/export-files/e1': [[200, { id: 'e1', pages: 2 }]],
  '/v1/shipment-status/s1': [[200, { progress: { stage: 'packing' } }], [200, { progress: { stage: 'shipped' }, parcel: { tracking: 'T-1' } }]],
  '/v1/shipment-status/s2': [[200, { progress: { stage: 'lost' } }]],
};
/** The status URL each start answers with, in turn (the last repeats). */
const accepted: Record<string, string[]> = { '/v1/imports': ['/v1/import-jobs/i1'], '/v1/reports': ['/v1/reports/r1'], '/v1/exports': ['/v1/export-status/e1'], '/v1/shipments': ['/v1/shipment-status/s1', '/v1/shipment-status/s2'] };

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url!, 'http://x');
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'POST' && accepted[url.pathname]) {
    const queue = accepted[url.pathname]!;
    const location = queue.length > 1 ? queue.shift()! : queue[0]!;
    return send(202, { id: location.split('/').pop(), name: location.split('/').pop() }, { location });
  }
  const answers = script[url.pathname];
  if (req.method === 'GET' && answers) {
    const n = polls.get(url.pathname) ?? 0;
    polls.set(url.pathname, n + 1);
    const [status, body, headers] = answers[Math.min(n, answers.length - 1)]!;
    return send(status, body, headers);
  }
  send(404, { title: 'not found' });
});

type Handle = { wait(o?: object): Promise<unknown> };
type Api = Record<string, (args?: unknown, options?: unknown) => Promise<Handle>>;
let base = '';

async function generate(options: Record<string, unknown> = {}): Promise<{ dir: string; api: Api; client: string }> {
  const { dir, mod } = await generateAndImport<{ createAcceptedClient: (o: object) => { default_: Api } }>('accepted', options, 'ck-rest-accepted-');
  return { dir, api: mod.createAcceptedClient({ baseUrl: base, retry: false }).default_, client: readFileSync(join(dir, 'client.ts'), 'utf8') };
}

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => void server.close());

const fast = { intervalMs: 1, maxIntervalMs: 2, timeoutMs: 10_000 };

describe('rest-client 202 operations', () => {
  let generated: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => void (generated = await generate()));

  it('passes the completion spec the contract implies: a `state` enum, or x-contractkit-completion', () => {
    expect(generated.client).toContain(`completion: { field: 'state', done: ['done'], failed: ['failed'] }`);
    expect(generated.client).toContain(`completion: { field: 'progress.stage', done: ['shipped'], failed: ['lost'], result: 'parcel' }`);
    // a status resource that redirects when done: its 200 bodies are progress
    expect(generated.client).toMatch(/'\/v1\/exports', args, options, \{ completion: 'see-other' \}/);
  });

  it('waits for a linked status resource whose `state` says done', async () => {
    expect(await (await generated.api.startImport!()).wait(fast)).toEqual({ id: 'i1', state: 'done', rows: 3 });
    expect(polls.get('/v1/import-jobs/i1')).toBe(3);
  });

  it("resolves a long-running operation with its `response`, and a 303's target", async () => {
    expect(await (await generated.api.startReport!()).wait(fast)).toEqual({ id: 'rep', pages: 12 });
    expect(await (await generated.api.startExport!()).wait(fast)).toEqual({ id: 'e1', pages: 2 });
  });

  it("reads the extension's field, done and failed values and result member", async () => {
    expect(await (await generated.api.startShipment!()).wait(fast)).toEqual({ tracking: 'T-1' });
    const lost = await (await generated.api.startShipment!()).wait(fast).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(OperationFailedError);
    expect((lost as OperationFailedError).body).toEqual({ progress: { stage: 'lost' } });
  });

  it('types each final result as the contract says (unknown only when it says nothing)', () => {
    writeFileSync(
      join(generated.dir, 'use.ts'),
      `import { createAcceptedClient, type Import, type Parcel, type Report, type StartImportFinal, type StartReportFinal, type StartExportFinal, type StartShipmentFinal } from './index.js';
export async function use(): Promise<void> {
  const api = createAcceptedClient({ baseUrl: 'https://api.test' });
  const imported: Import = await (await api.default_.startImport()).wait();
  const report: Report = await (await api.default_.startReport()).wait();
  const exported: Report = await (await api.default_.startExport()).wait();
  const parcel: Parcel = await (await api.default_.startShipment()).wait();
  const rebuilt: unknown = await (await api.default_.startRebuild()).wait();
  // @ts-expect-error nothing says what a rebuild ends with
  const rebuiltReport: Report = rebuilt;
  const finals: [StartImportFinal, StartReportFinal, StartExportFinal, StartShipmentFinal] = [imported, report, exported, parcel];
  void finals, rebuiltReport;
}
`,
    );
    expect(typeCheck(generated.dir)).toBe('');
    expect(generated.client).not.toContain('StartRebuildFinal');
  });
});

describe('the `completion` generator option', () => {
  it('names the field and terminal values for operations without the extension', async () => {
    const { client } = await generate({ completion: { field: 'status.code', done: ['FINISHED'], failed: ['CRASHED'] } });
    expect(client).toContain(`completion: { field: 'status.code', done: ['FINISHED'], failed: ['CRASHED'] }`);
    // the operation's own extension wins
    expect(client).toContain(`completion: { field: 'progress.stage', done: ['shipped'], failed: ['lost'], result: 'parcel' }`);
  });

  it('rejects an unusable option or extension with what is wrong', async () => {
    const contract = await loadContract(join(root, 'test/fixtures/rest-client/accepted.yaml'), 'accepted');
    await expect(restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: { completion: { field: 'state' } } })).rejects.toThrow(UsageError);
    await expect(restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: { completion: { field: 'state' } } })).rejects.toThrow('`done` must list');
    const broken = structuredClone(contract);
    const op = broken.operations.find((o) => o.operationId === 'startShipment')!;
    op.extensions['x-contractkit-completion'] = { field: 'progress.stage', done: [] };
    ((broken.document.paths as Record<string, Record<string, Record<string, unknown>>>)['/v1/shipments']!.post!)['x-contractkit-completion'] = { field: 'progress.stage', done: [] };
    await expect(restClientGenerator.generate({ contracts: [broken] }, { out: '/unused', options: {} })).rejects.toThrow(/x-contractkit-completion` of POST \/v1\/shipments: `done` must list/);
  });
});
