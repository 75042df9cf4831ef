/**
 * `verify <openapi> --url`: property-based requests drawn from the contract
 * (fast-check, seeded, shrunk to a small failing request) against a running
 * provider, every answer checked against the contract. Per operation, one
 * property run; a request that draws a finding is shrunk and reported with
 * the seed that replays it. Beside each request:
 *
 * - operations declaring `Idempotency-Key` are asked twice with the same key
 *   (the answers must be the same);
 * - a body with a required field left out must get a 4xx;
 * - a create (a POST with a GET one path parameter below it) is read back
 *   with the id it returned, and later operations may use that id for their
 *   path parameter, so they reach real resources rather than only 404s.
 */
import fc from 'fast-check';
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import type { HttpOperation, OpenApiContract } from '../../contracts/model/types.js';
import { dedupeFindings, verifyFinding } from '../finding.js';
import { checkResponse, type CheckContext } from './check-response.js';
import { canonicalJson, requestLine, send, UnreachableError, type DrawnRequest, type HttpAnswer } from './exchange.js';
import { bodyWithoutRequired, idempotencyHeader, requestArbitrary, type RequestDraw } from './requests.js';
import { createReadPairs, createdId, type CreateRead } from './create-read.js';
import { createResponseValidator } from './validator.js';

/** How to verify an OpenAPI provider. */
export interface VerifyOpenApiOptions {
  /** The provider's base URL (`http://127.0.0.1:8080`); the contract's paths are appended. */
  url: string;
  /** Requests drawn per operation. */
  runs: number;
  /** fast-check's seed: the same seed draws the same requests. */
  seed: number;
  /** Headers sent with every request (`Authorization`). */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds (default 5000). */
  timeoutMs?: number;
  /** Progress lines (one per operation). */
  log?: (line: string) => void;
}

/** What a verify run found and how much it did. */
export interface VerifyResult {
  findings: Finding[];
  /** Operations exercised. */
  operations: number;
  /** Requests sent. */
  requests: number;
}

/** Verifies the provider at `options.url` against `contract`. Throws UsageError when nothing can be verified. */
export async function verifyOpenApi(contract: OpenApiContract, options: VerifyOpenApiOptions): Promise<VerifyResult> {
  const operations = orderForState(contract.operations.filter((o) => o.method !== 'trace'));
  if (operations.length === 0) {
    throw new UsageError(`${contract.file}: the contract has no operations, so there is nothing to verify.`, [verifyFindingAtFile(contract, 'The contract declares no operations; verify needs at least one path with an operation.')]);
  }
  const ctx: CheckContext = { contract, validator: createResponseValidator(contract) };
  const pairs = createReadPairs(contract);
  const pool = new Map<string, string[]>();
  const timeoutMs = options.timeoutMs ?? 5000;
  let requests = 0;
  let answered = 0;
  let keyCounter = 0;

  const call = async (op: HttpOperation, req: DrawnRequest): Promise<HttpAnswer> => {
    requests++;
    try {
      const answer = await send(options.url, op, req, options.headers ?? {}, timeoutMs);
      answered++;
      return answer;
    } catch (err) {
      if (err instanceof UnreachableError) {
        const what = answered === 0 ? `The provider at ${options.url} could not be reached` : `The provider at ${options.url} stopped answering after ${answered} response(s)`;
        throw new UsageError(`${what}: ${err.message}. Start it (or fix --url) and run verify again.`);
      }
      throw err;
    }
  };

  /** One drawn request and the checks around it; the findings of that request. */
  const exercise = async (op: HttpOperation, draw: RequestDraw): Promise<Finding[]> => {
    const req: DrawnRequest = { ...draw.request, path: { ...draw.request.path }, headers: { ...draw.request.headers } };
    for (const [name, index] of Object.entries(draw.known)) {
      const ids = pool.get(name);
      if (index >= 0 && ids && ids.length > 0) req.path[name] = ids[index % ids.length]!;
    }
    const idem = idempotencyHeader(op);
    if (idem) req.headers[idem] = `ck-verify-${options.seed}-${++keyCounter}`;
    const line = requestLine(op, req);
    const answer = await call(op, req);
    const findings = checkResponse(ctx, op, line, answer);
    if (idem && answer.status < 400) findings.push(...(await checkReplay(op, req, line, answer, idem)));
    const pair = pairs.get(op);
    if (pair && answer.status >= 200 && answer.status < 300) findings.push(...(await checkReadBack(pair, req, line, answer)));
    findings.push(...(await checkInvalidBody(op, req)));
    return findings;
  };

  const checkReplay = async (op: HttpOperation, req: DrawnRequest, line: string, first: HttpAnswer, idem: string): Promise<Finding[]> => {
    const again = await call(op, req);
    if (again.status === first.status && canonicalJson(again.json ?? again.text) === canonicalJson(first.json ?? first.text)) return [];
    const param = op.parameters.find((p) => p.name === idem)?.location;
    // a shared components/parameters entry is not this operation: point at the operation then
    const where = param && param.file === op.location.file && param.pointer?.startsWith(`${op.location.pointer}/`) ? param : op.location;
    const what = again.status !== first.status ? `status ${first.status} then ${again.status}` : `the same status but another body (${truncate(again.text)} instead of ${truncate(first.text)})`;
    return [verifyFinding('verify/idempotency-replay', 'openapi', where, `${line} sent twice with ${idem} ${req.headers[idem]}: ${what}.`, 'Store the first response per Idempotency-Key and answer it again for a retry with the same key and body.')];
  };

  const checkReadBack = async (pair: CreateRead, req: DrawnRequest, line: string, created: HttpAnswer): Promise<Finding[]> => {
    const id = createdId(created.json, pair.param);
    if (id === undefined) return [];
    remember(pool, pair.param, id);
    const readReq: DrawnRequest = { path: { ...req.path, [pair.param]: id }, query: {}, headers: {} };
    const readLine = requestLine(pair.read, readReq);
    const answer = await call(pair.read, readReq);
    const findings = checkResponse(ctx, pair.read, readLine, answer);
    const readId = createdId(answer.json, pair.param);
    if (answer.status < 200 || answer.status >= 300) {
      findings.push(verifyFinding('verify/read-after-create', 'openapi', pair.read.location, `${line} created ${pair.param} ${id}, but ${readLine} answered ${answer.status}.`, 'What a create returns must be readable at once by the operation that reads it.'));
    } else if (readId !== undefined && readId !== id) {
      findings.push(verifyFinding('verify/read-after-create', 'openapi', pair.read.location, `${line} created ${pair.param} ${id}, but ${readLine} returned id ${readId}.`));
    }
    return findings;
  };

  const checkInvalidBody = async (op: HttpOperation, req: DrawnRequest): Promise<Finding[]> => {
    const invalid = bodyWithoutRequired(contract, op, req.body);
    if (!invalid) return [];
    const bad: DrawnRequest = { ...req, headers: { ...req.headers }, body: invalid.body };
    const idem = idempotencyHeader(op);
    if (idem) bad.headers[idem] = `ck-verify-${options.seed}-${++keyCounter}`;
    const line = requestLine(op, bad);
    const answer = await call(op, bad);
    const findings = checkResponse(ctx, op, line, answer);
    if (answer.status < 400 || answer.status >= 500) {
      findings.push(verifyFinding('verify/invalid-request-accepted', 'openapi', op.requestBody?.location ?? op.location, `${line} without the required field '${invalid.missing}' answered ${answer.status}, expected a 4xx.`, 'Validate request bodies against the contract and answer 400 with problem details naming the missing field.'));
    }
    return findings;
  };

  const findings: Finding[] = [];
  for (const [index, op] of operations.entries()) {
    let failure: Finding[] = [];
    const property = fc.asyncProperty(requestArbitrary(contract, op), async (draw) => {
      const found = await exercise(op, draw);
      // the last failing run is the shrunk counterexample fast-check ends on
      if (found.length > 0) failure = found;
      return found.length === 0;
    });
    const seed = options.seed + index;
    const result = await fc.check(property, { seed, numRuns: options.runs });
    if (result.errorInstance instanceof UsageError) throw result.errorInstance;
    if (result.failed && failure.length === 0 && result.errorInstance) throw result.errorInstance;
    const name = op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
    for (const f of failure) f.hint = [f.hint, `Replay: contractkit verify --seed ${options.seed} (operation seed ${seed}, after ${result.numRuns} run(s), shrunk ${result.numShrinks} time(s)).`].filter(Boolean).join('\n');
    findings.push(...failure);
    options.log?.(`${name}: ${result.failed ? `${failure.length} finding(s)` : 'ok'} (${result.numRuns} run(s))`);
  }
  return { findings: dedupeFindings(findings), operations: operations.length, requests };
}

/** Creates first (their ids feed later path parameters), deletes last (they would remove what others read). */
function orderForState(ops: HttpOperation[]): HttpOperation[] {
  const rank = (o: HttpOperation) => (o.method === 'post' && !o.path.includes('{') ? 0 : o.method === 'delete' ? 2 : 1);
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

function remember(pool: Map<string, string[]>, param: string, id: string): void {
  const ids = pool.get(param) ?? [];
  if (!ids.includes(id)) ids.push(id);
  pool.set(param, ids);
}

function verifyFindingAtFile(contract: OpenApiContract, message: string): Finding {
  return verifyFinding('verify/no-operations', 'openapi', { file: contract.file, pointer: '/paths' }, message, 'Add an operation under paths, or verify another contract.');
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
