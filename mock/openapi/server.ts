/**
 * The OpenAPI mock on `node:http`: every operation of the contract answered
 * from its examples or from seeded samples, requests checked against the
 * contract first (400 problem details naming the pointer), with `Prefer`
 * (`example=`, `status=`, `delay=`), latency and seeded failure injection,
 * `Idempotency-Key` replay, scenarios and optional state.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpOperation, HttpResponse, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { UsageError } from '../../contracts/errors.js';
import { requestFingerprint } from '../../runtime/src/http/server/idempotency/fingerprint.js';
import { parsePrefer } from './prefer.js';
import { seededRandom } from './random.js';
import { compileRoutes, matchRoute, type Route, type RouteMatch } from './routes.js';
import { createSampler } from './samples.js';
import { loadScenarios, matchScenario, type Scenario } from './scenarios.js';
import { schemaChecker } from './schemas.js';
import { idFieldOf, MockState } from './state.js';
import { validateRequest, type RequestParts } from './validate-request.js';

/** Options of the OpenAPI mock. */
export interface OpenApiMockOptions {
  /** Port to listen on (0: any free port). Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of the samples and of the failure injection. Default 1. */
  seed?: number;
  /** Keep what is POSTed/PUT and answer GET, PATCH, DELETE from it. */
  stateful?: boolean;
  /** A scenario file (YAML), or the scenarios themselves. */
  scenarios?: string | Scenario[];
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Share of requests (0–1) answered 503 with Retry-After, picked by the seeded random source. */
  failureRate?: number;
  /** One line per request (method, path, status, operation). */
  log?: (line: string) => void;
}

/** A running mock. */
export interface RunningMock {
  url: string;
  /** `METHOD /path (operationId)` of every operation served. */
  routes: string[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  mediaType?: string;
}

const JSON_TYPE = /^application\/(.+\+)?json/;
const MAX_BODY = 1 << 20;

/** The declared response for `status`: exact, then its class (`5XX`), then `default`. */
export function declaredResponse(op: HttpOperation, status: number): HttpResponse | undefined {
  return op.responses.find((r) => r.status === String(status)) ?? op.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ?? op.responses.find((r) => r.status === 'default');
}

/** The status the mock answers by default: the first 2xx declared, else the first declared code. */
export function successStatus(op: HttpOperation): number {
  const codes = op.responses.map((r) => r.status).filter((s) => /^\d{3}$/.test(s));
  return Number(codes.find((s) => s.startsWith('2')) ?? codes[0] ?? 200);
}

/** Starts the mock of `contract`. @throws UsageError for a contract with no operations or a bad scenario file. */
export async function startOpenApiMock(contract: OpenApiContract, options: OpenApiMockOptions = {}): Promise<RunningMock> {
  if (contract.operations.length === 0) {
    throw new UsageError(`${contract.file}: the contract has no operations: there is nothing to mock.`, [
      { ruleId: 'mock/no-operations', severity: 'error', kind: 'openapi', file: contract.file, pointer: '/paths', message: 'The contract declares no operations: there is nothing to mock.', hint: 'Add operations under `paths`, or mock another contract.' },
    ]);
  }
  const seed = options.seed ?? 1;
  const routes = compileRoutes(contract.operations);
  const sampler = createSampler(contract, seed);
  const checker = schemaChecker(contract);
  const scenarios = typeof options.scenarios === 'string' ? loadScenarios(options.scenarios) : (options.scenarios ?? []);
  const state = options.stateful || scenarios.some((s) => s.given) ? new MockState() : undefined;
  for (const s of scenarios) for (const [collection, items] of Object.entries(s.given ?? {})) state!.seed(collection, items as Record<string, unknown>[], itemParam(routes, collection));
  const random = seededRandom(seed);
  const replays = new Map<string, { hash: string; answer: Answer }>();
  const log = options.log ?? (() => {});

  /** A body for `schema`, valid against it: a few salts are tried (a sample the contract rejects is never served silently). */
  const sampleOf = (schema: JsonSchema, salt: string): unknown => {
    let last: unknown;
    for (let i = 0; i < 6; i++) {
      last = sampler.sample(schema, i === 0 ? salt : `${salt}#${i}`, i >= 3);
      if (checker.check(schema, last).length === 0) return last;
    }
    log(`warning: no sample valid against the contract for ${salt}; serving the last one`);
    return last;
  };

  /** The answer of `op` with `status`: the body given, the named example, the media type's example, or a sample. */
  const answerOf = (op: HttpOperation, status: number, opts: { body?: unknown; example?: string; headers?: Record<string, string> } = {}): Answer => {
    const response = declaredResponse(op, status);
    const media = response?.content.find((m) => JSON_TYPE.test(m.mediaType)) ?? response?.content[0];
    const headers: Record<string, string> = {};
    for (const h of response?.headers ?? []) {
      if (!h.required || !h.schema || h.name.toLowerCase() === 'content-type') continue;
      const v = sampleOf(h.schema, `${label(op)}:${status}:${h.name}`);
      headers[h.name] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    if ((status === 503 || status === 429) && !('retry-after' in lower(headers))) headers['Retry-After'] = '1';
    Object.assign(headers, opts.headers);
    if (!media) return { status, headers, body: opts.body };
    let body = opts.body;
    if (body === undefined && opts.example !== undefined) body = media.examples?.[opts.example];
    if (body === undefined) body = media.example ?? (media.examples ? Object.values(media.examples)[0] : undefined);
    if (body === undefined && media.schema !== undefined) body = problemStatus(sampleOf(media.schema, `${label(op)}:${status}`), status, media.schema);
    return { status, headers, body, mediaType: media.mediaType };
  };

  /** Sets a problem body's `status` member to the answered code when the schema still accepts it. */
  const problemStatus = (body: unknown, status: number, schema: JsonSchema): unknown => {
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { status?: unknown }).status !== 'number') return body;
    const fixed = { ...(body as object), status };
    return checker.check(schema, fixed).length === 0 ? fixed : body;
  };

  const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Answer => ({
    status,
    headers: {},
    body: { type: 'about:blank', title, status, detail, ...extra },
    mediaType: 'application/problem+json',
  });

  /** The answer of a request that matched `match`. */
  const handle = async (match: RouteMatch, parts: RequestParts, rawBody: string): Promise<Answer> => {
    const op = match.route.operation;
    const prefer = parsePrefer(parts.headers.prefer);
    const delay = prefer.delayMs ?? options.latencyMs ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));

    const problems = validateRequest(op, parts, checker);
    if (problems.length > 0) {
      const detail = problems.map((p) => `${p.pointer}: ${p.message}`).join('; ');
      const errors = problems.map((p) => ({ pointer: p.pointer, detail: p.message }));
      return op.responses.some((r) => r.status === '400') ? withBody(answerOf(op, 400), problemBody(400, detail, errors)) : problem(400, 'Bad Request', detail, { errors });
    }
    const scenario = matchScenario(scenarios, { method: op.method, path: parts.pathname, headers: parts.headers, body: parts.body });
    if (scenario) return answerOf(op, scenario.then.status, { body: scenario.then.body, headers: scenario.then.headers });
    if (prefer.status !== undefined) {
      if (!declaredResponse(op, prefer.status)) return problem(400, 'Status not declared', `${label(op)} declares no response ${prefer.status} (Prefer: status=${prefer.status}); it declares ${op.responses.map((r) => r.status).join(', ')}.`);
      return answerOf(op, prefer.status);
    }
    if (options.failureRate && random() < options.failureRate) {
      return declaredResponse(op, 503) ? answerOf(op, 503) : { ...problem(503, 'Service Unavailable', 'Injected failure (--failure-rate).'), headers: { 'Retry-After': '1' } };
    }
    if (prefer.example !== undefined) {
      const media = declaredResponse(op, successStatus(op))?.content.find((m) => JSON_TYPE.test(m.mediaType));
      if (!media?.examples || !(prefer.example in media.examples)) {
        const known = Object.keys(media?.examples ?? {});
        return problem(400, 'Unknown example', `${label(op)} has no example named '${prefer.example}' (Prefer: example=…); ${known.length ? `it has ${known.join(', ')}` : 'it has no named examples'}.`);
      }
    }
    // the header the contract declares for it (`Idempotency-Key`, `X-Idempotency-Key`); node lower-cases names
    const key = op.idempotencyKey ? String(parts.headers[op.idempotencyKey.name.toLowerCase()] ?? '') : '';
    if (key) {
      // the generated server's fingerprint: a retry whose JSON members come in another order is the same request
      const hash = requestFingerprint(op.method, parts.pathname, parts.body !== undefined ? parts.body : rawBody);
      const seen = replays.get(`${label(op)} ${key}`);
      if (seen && seen.hash !== hash) {
        const detail = `The Idempotency-Key '${key}' was used with another request body.`;
        return declaredResponse(op, 409) ? withBody(answerOf(op, 409), problemBody(409, detail)) : problem(409, 'Conflict', detail);
      }
      if (seen) return { ...seen.answer, headers: { ...seen.answer.headers, 'Idempotent-Replayed': 'true' } };
      const answer = state ? stateful(match, parts, prefer.example) : answerOf(op, successStatus(op), { example: prefer.example });
      replays.set(`${label(op)} ${key}`, { hash, answer });
      return answer;
    }
    return state ? stateful(match, parts, prefer.example) : answerOf(op, successStatus(op), { example: prefer.example });
  };

  const problemBody = (status: number, detail: string, errors?: unknown[]) => ({ type: 'about:blank', title: status === 400 ? 'Bad Request' : 'Conflict', status, detail, ...(errors ? { errors } : {}) });
  /** `answer` with the mock's problem members (what went wrong) laid over the contract's sampled problem. */
  const withBody = (answer: Answer, body: unknown): Answer => ({ ...answer, body: mergeProblem(answer.body, body) });

  /**
   * A new item's id when the created body has none: a sample of the item path parameter's schema (a uuid where
   * the read operation takes a uuid), unused in the collection; a counter only when the parameter has no schema.
   */
  const newId = (item: ItemRoute | undefined, collection: string, items: Map<string, unknown>): string => {
    if (item?.schema !== undefined) {
      for (let i = 0; i < 8; i++) {
        const v = sampleOf(item.schema, `${collection}:id:${items.size}:${i}`);
        const id = typeof v === 'string' ? v : JSON.stringify(v);
        if ((typeof v === 'string' || typeof v === 'number') && !items.has(id)) return id;
      }
    }
    let n = items.size + 1;
    while (items.has(String(n))) n++;
    return String(n);
  };

  /**
   * The stored `item` as the body of `op`'s `status` answer. What a create stored need not be what the read
   * answers (a 202 job: `ExportAccepted` stored, `ExportStatus` read), so members the read schema requires and the
   * item lacks come from a sample of that schema, the item's own members laid over it.
   */
  const fitted = (op: HttpOperation, status: number, item: Record<string, unknown>): unknown => {
    const schema = declaredResponse(op, status)?.content.find((m) => JSON_TYPE.test(m.mediaType))?.schema;
    if (schema === undefined || checker.check(schema, item).length === 0) return item;
    const sample = sampleOf(schema, `${label(op)}:${status}:stored`);
    if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return item;
    const merged = { ...(sample as Record<string, unknown>), ...item };
    if (checker.check(schema, merged).length === 0) return merged;
    log(`warning: the stored item does not fit the ${status} answer of ${label(op)}; serving it as stored`);
    return item;
  };

  /** The `--stateful` answer: create, read, replace, patch, delete or list what the state holds. */
  const stateful = (match: RouteMatch, parts: RequestParts, example: string | undefined): Answer => {
    const op = match.route.operation;
    const ok = successStatus(op);
    const lastParam = /\{([^}]+)\}\/?$/.exec(match.route.template)?.[1];
    const segments = parts.pathname.replace(/\/$/, '').split('/');
    const body = parts.body && typeof parts.body === 'object' && !Array.isArray(parts.body) ? (parts.body as Record<string, unknown>) : undefined;
    if (lastParam) {
      const collection = segments.slice(0, -1).join('/');
      const id = match.path[lastParam]!;
      const items = state!.items(collection);
      const existing = items.get(id);
      const notFound = (): Answer => (declaredResponse(op, 404) ? withBody(answerOf(op, 404), { type: 'about:blank', title: 'Not Found', status: 404, detail: `No item ${id} in ${collection}.` }) : problem(404, 'Not Found', `No item ${id} in ${collection}.`));
      if (op.method === 'get' || op.method === 'head') return existing ? answerOf(op, ok, { body: fitted(op, ok, existing) }) : notFound();
      if (op.method === 'delete') {
        if (!existing) return notFound();
        items.delete(id);
        return answerOf(op, ok, { body: fitted(op, ok, existing) });
      }
      if (op.method === 'put' || op.method === 'patch') {
        if (!existing && op.method === 'patch') return notFound();
        const base = existing ?? (answerOf(op, ok, { example }).body as Record<string, unknown>);
        const next = { ...base, ...body, [idFieldOf(base ?? {}, lastParam)]: existing ? (existing[idFieldOf(existing, lastParam)] ?? id) : id };
        items.set(id, next);
        return answerOf(op, ok, { body: next });
      }
    } else {
      const collection = segments.join('/');
      const items = state!.items(collection);
      if (op.method === 'post') {
        const answer = answerOf(op, ok, { example });
        const sample = answer.body && typeof answer.body === 'object' ? (answer.body as Record<string, unknown>) : {};
        const item = itemRoute(routes, collection, match.route.template);
        const field = idFieldOf(sample, item?.param);
        const created = { ...sample, ...body, [field]: sample[field] ?? newId(item, collection, items) };
        const id = String(created[field]);
        items.set(id, created);
        const location = Object.keys(answer.headers).find((h) => h.toLowerCase() === 'location');
        return { ...answer, body: created, headers: { ...answer.headers, ...(location || ok === 201 ? { [location ?? 'Location']: `${collection}/${encodeURIComponent(id)}` } : {}) } };
      }
      if (op.method === 'get') {
        const answer = answerOf(op, ok, { example });
        return { ...answer, body: withItems(answer.body, [...items.values()]) };
      }
    }
    return answerOf(op, ok, { example });
  };

  const server = createServer((req, res) => void serve(req, res));
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://mock');
    let answer: Answer;
    let opName = '-';
    try {
      const { match, allowed } = matchRoute(routes, req.method ?? 'GET', url.pathname);
      if (!match) {
        answer = allowed.length
          ? { ...problem(405, 'Method Not Allowed', `${req.method} is not declared for ${url.pathname}; allowed: ${allowed.map((m) => m.toUpperCase()).join(', ')}.`), headers: { Allow: allowed.map((m) => m.toUpperCase()).join(', ') } }
          : problem(404, 'Not Found', `No operation of the contract matches ${req.method} ${url.pathname}.`);
      } else {
        opName = label(match.route.operation);
        const raw = await readBody(req);
        const parts: RequestParts = { pathname: url.pathname, path: match.path, query: url.searchParams, headers: req.headers, contentType: req.headers['content-type'], rawBody: raw };
        const parsed = parseBody(raw, req.headers['content-type']);
        if (parsed.error) answer = problem(400, 'Bad Request', parsed.error, { errors: [{ pointer: '#', detail: parsed.error }] });
        else answer = await handle(match, { ...parts, body: parsed.value }, raw);
      }
    } catch (e) {
      answer = problem(500, 'Mock error', (e as Error).message);
    }
    const payload = answer.body === undefined || answer.status === 204 || answer.status === 304 || req.method === 'HEAD' ? undefined : typeof answer.body === 'string' && !JSON_TYPE.test(answer.mediaType ?? '') ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...(payload !== undefined ? { 'Content-Type': answer.mediaType ?? 'application/json' } : {}), ...answer.headers });
    res.end(payload);
    log(`${req.method} ${url.pathname} → ${answer.status} (${opName})`);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    routes: routes.map((r) => `${r.operation.method.toUpperCase()} ${r.template} (${label(r.operation)})`).sort(),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** `operationId`, or `METHOD /path` when the operation has none. */
const label = (op: HttpOperation): string => op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;

const lower = (h: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** The mock's problem members laid over a sampled problem body (its extra members kept, so the contract's shape holds). */
function mergeProblem(sample: unknown, problem: unknown): unknown {
  return sample && typeof sample === 'object' && !Array.isArray(sample) ? { ...(sample as object), ...(problem as object) } : problem;
}

/** The item path parameter of `collection` (`orderId` for `/orders/{orderId}`), from the routes. */
function itemParam(routes: readonly Route[], collection: string, template?: string): string | undefined {
  return itemRoute(routes, collection, template)?.param;
}

/** The item path below a collection (`/orders` → `/orders/{orderId}`): its last parameter and that parameter's schema. */
interface ItemRoute {
  param: string;
  schema?: JsonSchema;
}

function itemRoute(routes: readonly Route[], collection: string, template?: string): ItemRoute | undefined {
  for (const r of routes) {
    const m = /^(.*)\/\{([^}]+)\}\/?$/.exec(r.template);
    if (!m) continue;
    if (template !== undefined ? m[1] === template.replace(/\/$/, '') : new RegExp(r.regex.source.replace(/\/\(\[\^\/\]\+\)\/\?\$$/, '/?$')).test(collection)) {
      const param = m[2]!;
      return { param, schema: r.operation.parameters.find((p) => p.in === 'path' && p.name === param)?.schema };
    }
  }
  return undefined;
}

/** A list answer holding `items`: the array itself, or the sample's first array member replaced. */
function withItems(sample: unknown, items: unknown[]): unknown {
  if (Array.isArray(sample)) return items;
  if (sample && typeof sample === 'object') {
    const key = Object.keys(sample).find((k) => Array.isArray((sample as Record<string, unknown>)[k]));
    if (key) return { ...(sample as object), [key]: items };
  }
  return sample;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error(`The request body exceeds ${MAX_BODY} bytes.`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): { value?: unknown; error?: string } {
  if (raw === '') return {};
  if (!contentType || JSON_TYPE.test(contentType)) {
    try {
      return { value: JSON.parse(raw) };
    } catch (e) {
      return { error: `The request body is not valid JSON: ${(e as Error).message}` };
    }
  }
  return { value: raw };
}
