/**
 * The generator options end to end, against a real node:http server:
 * `dateType: 'Date'` and `int64: 'bigint' | 'string'` (types and run-time
 * revival, exact integers beyond 2^53 both ways), `validate: true` (ajv
 * standalone validators of requests and responses), offset and page-number
 * pagination, and the typed final result of a 202 operation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpValidationError } from '@contractkit/runtime/http';
import { UsageError } from '../../../contracts/errors.js';
import { restClientGenerator } from '../../../generators/rest-client/index.js';
import { generateAndImport, loadContract, root, typeCheck } from './helpers.js';

const BIG = '9007199254740993'; // 2^53 + 1: a double cannot hold it
const event = (id: string | number, extra = '') => `{"id":${id},"at":"2024-05-01T10:00:00.000Z","seen":["2024-05-02T00:00:00.000Z"],"byRegion":{"eu":"2024-05-03T00:00:00.000Z"}${extra}}`;

const received: string[] = [];
let polls = 0;
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url!, 'http://x');
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    received.push(`${req.method} ${url.pathname}${url.search} ${body}`);
    const json = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    };
    if (req.method === 'GET' && url.pathname === '/events/42') return json(200, event(BIG, `,"previous":${event(1, ',"previous":null')}`));
    if (req.method === 'GET' && url.pathname === '/events/13') return json(200, '{"id":13}');
    if (req.method === 'POST' && url.pathname === '/events') return json(201, body);
    if (req.method === 'GET' && url.pathname === '/events') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 2);
      const items = [1, 2, 3, 4, 5].slice(offset, offset + limit).map((n) => event(n));
      return json(200, `{"items":[${items.join(',')}],"total":5}`);
    }
    if (req.method === 'GET' && url.pathname === '/pages') {
      const page = Number(url.searchParams.get('page') ?? 1);
      return json(200, `{"data":[${event(page * 10)},${event(page * 10 + 1)}],"totalPages":3}`);
    }
    if (req.method === 'POST' && url.pathname === '/jobs') {
      res.writeHead(202, { 'content-type': 'application/json', location: '/jobs/j1/status' });
      return res.end('{"jobId":"j1","statusUrl":"/jobs/j1/status"}');
    }
    if (req.method === 'GET' && url.pathname === '/jobs/j1/status') {
      return json(200, ++polls < 2 ? '{"status":"running"}' : `{"status":"done","finishedAt":"2024-06-01T00:00:00.000Z","result":${event(BIG)}}`);
    }
    json(404, '{"title":"not found"}');
  });
});

type Fn = (args?: unknown, options?: unknown) => Promise<unknown>;
type Api = Record<string, Fn & { all?: (args?: unknown) => AsyncIterable<Record<string, unknown>> }>;
let base = '';

async function generateClient(options: Record<string, unknown>): Promise<{ dir: string; api: Api }> {
  const { dir, mod } = await generateAndImport<{ createTypedValuesClient: (o: object) => { default_: Api } }>('typed-values', options, 'ck-rest-options-');
  return { dir, api: mod.createTypedValuesClient({ baseUrl: base, retry: false }).default_ };
}

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => void server.close());

describe("dateType: 'Date', int64: 'bigint', validate: true", () => {
  let generated: { dir: string; api: Api };
  beforeAll(async () => void (generated = await generateClient({ dateType: 'Date', int64: 'bigint', validate: true })));

  it('revives dates and exact 64-bit integers in nested, mapped and recursive places', async () => {
    const e = (await generated.api.getEvent!({ path: { id: 42n } })) as Record<string, unknown>;
    expect(e.id).toBe(BigInt(BIG));
    expect(e.at).toEqual(new Date('2024-05-01T10:00:00.000Z'));
    expect((e.seen as unknown[])[0]).toBeInstanceOf(Date);
    expect((e.byRegion as Record<string, unknown>).eu).toBeInstanceOf(Date);
    const previous = e.previous as Record<string, unknown>;
    expect(previous.id).toBe(1n);
    expect(previous.at).toBeInstanceOf(Date);
    expect(previous.previous).toBeNull();
  });

  it('sends bigints as exact JSON numbers and Dates as ISO text', async () => {
    received.length = 0;
    const created = (await generated.api.createEvent!({ body: { id: BigInt(BIG), at: new Date('2024-01-02T03:04:05.000Z') } })) as Record<string, unknown>;
    expect(received[0]).toBe(`POST /events {"id":${BIG},"at":"2024-01-02T03:04:05.000Z"}`);
    expect(created.id).toBe(BigInt(BIG));
  });

  it('validates responses and requests against the contract', async () => {
    await expect(generated.api.getEvent!({ path: { id: 13n } })).rejects.toThrow(HttpValidationError);
    await expect(generated.api.getEvent!({ path: { id: 13n } })).rejects.toMatchObject({ direction: 'response', problems: expect.stringContaining('at') });
    received.length = 0;
    const long = { id: 1n, at: new Date(), name: 'x'.repeat(21) };
    await expect(generated.api.createEvent!({ body: long })).rejects.toMatchObject({ direction: 'request', problems: expect.stringContaining('/name') });
    expect(received).toEqual([]);
  });

  it('pages by offset and by page number until the last page', async () => {
    received.length = 0;
    const ids: unknown[] = [];
    for await (const e of generated.api.listEvents!.all!({ query: { limit: 2 } })) ids.push(e.id);
    expect(ids).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(received.map((r) => r.split(' ')[1])).toEqual(['/events?limit=2', '/events?limit=2&offset=2', '/events?limit=2&offset=4']);
    const pages: unknown[] = [];
    for await (const e of generated.api.listPages!.all!()) pages.push(e.id);
    expect(pages).toEqual([10n, 11n, 20n, 21n, 30n, 31n]);
  });

  it('types and revives the final result of a 202 operation (status resource from the response links)', async () => {
    const handle = (await generated.api.startJob!()) as { wait(o: object): Promise<Record<string, unknown>> };
    const final = await handle.wait({ intervalMs: 1 });
    expect(final.status).toBe('done');
    expect(final.finishedAt).toBeInstanceOf(Date);
    expect((final.result as Record<string, unknown>).id).toBe(BigInt(BIG));
  });

  it('type-checks under strict, with Date and bigint in the types', () => {
    writeFileSync(
      join(generated.dir, 'use.ts'),
      `import { createTypedValuesClient, type Event, type StartJobFinal } from './index.js';
export async function use(): Promise<void> {
  const api = createTypedValuesClient();
  const e: Event = await api.default_.getEvent({ path: { id: 1n } });
  const at: Date = e.at;
  const id: bigint = e.id;
  // @ts-expect-error ids are bigints
  const n: number = e.id;
  const done: StartJobFinal = await (await api.default_.startJob()).wait();
  const finished: Date | null | undefined = done.finishedAt;
  void at, id, n, finished;
}
`,
    );
    expect(typeCheck(generated.dir)).toBe('');
  });
});

describe("int64: 'string'", () => {
  it('reads 64-bit integers as exact text and sends text back as JSON numbers', async () => {
    const { api } = await generateClient({ int64: 'string' });
    const e = (await api.getEvent!({ path: { id: '42' } })) as Record<string, unknown>;
    expect(e.id).toBe(BIG);
    expect(e.at).toBe('2024-05-01T10:00:00.000Z');
    received.length = 0;
    await api.createEvent!({ body: { id: BIG, at: '2024-01-02T03:04:05.000Z' } });
    expect(received[0]).toBe(`POST /events {"id":${BIG},"at":"2024-01-02T03:04:05.000Z"}`);
  });
});

describe('option errors', () => {
  it('rejects unknown options and values with what is allowed', async () => {
    const contract = await loadContract(join(root, 'test/fixtures/rest-client/typed-values.yaml'), 'typed-values');
    await expect(restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: { dateType: 'date' } })).rejects.toThrow(UsageError);
    await expect(restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: { dateType: 'date' } })).rejects.toThrow("'string', 'Date'");
    await expect(restClientGenerator.generate({ contracts: [contract] }, { out: '/unused', options: { bigints: true } })).rejects.toThrow('unknown option');
  });
});
