/**
 * Every answer of the provider checked against what the operation declares:
 * the status, the content type, the body (ajv), the declared headers,
 * problem details on errors and `Retry-After` on 429/503.
 */
import type { Finding } from '../../contracts/finding.js';
import type { HttpOperation, HttpResponse, OpenApiContract, SourceRef } from '../../contracts/model/types.js';
import { verifyFinding } from '../finding.js';
import { isJson, type HttpAnswer } from './exchange.js';
import type { ResponseValidator } from './validator.js';

/** The declared response an HTTP status falls under: the exact code, its `4XX` range, else `default`. */
export function declaredResponse(op: HttpOperation, status: number): HttpResponse | undefined {
  const code = String(status);
  return (
    op.responses.find((r) => r.status === code) ??
    op.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ??
    op.responses.find((r) => r.status === 'default')
  );
}

/** What a check needs besides the answer. */
export interface CheckContext {
  contract: OpenApiContract;
  validator: ResponseValidator;
}

/** The findings about `answer` to `line` (the request, for messages) of `op`. */
export function checkResponse(ctx: CheckContext, op: HttpOperation, line: string, answer: HttpAnswer): Finding[] {
  const findings: Finding[] = [];
  const at = `${line} → ${answer.status}`;
  const response = declaredResponse(op, answer.status);
  if (!response) {
    const declared = op.responses.map((r) => r.status).join(', ');
    findings.push(verifyFinding('verify/undeclared-status', 'openapi', op.location, `${at}: status ${answer.status} is not declared by ${opName(op)} (declared: ${declared}).`, `Declare a ${answer.status} response for the operation, or make the provider answer one of ${declared}.`));
    // an undeclared error is still checked for problem details and Retry-After
  }
  if (response) findings.push(...checkBody(ctx, op, response, at, answer), ...checkHeaders(ctx, op, response, at, answer));
  if (answer.status >= 400) findings.push(...checkProblemDetails(op, response, at, answer));
  if (answer.status === 429 || answer.status === 503) findings.push(...checkRetryAfter(op, response, at, answer));
  return findings;
}

/**
 * Where a finding about a response of `op` points: the response itself when
 * it is written inside the operation, else the operation's `$ref` to it (a
 * shared `components/responses` entry is not where this operation went wrong).
 */
function atOperation(op: HttpOperation, status: string, ref: SourceRef): SourceRef {
  const opPointer = op.location.pointer ?? '';
  if (ref.file === op.location.file && ref.pointer !== undefined && ref.pointer.startsWith(`${opPointer}/`)) return ref;
  return { file: op.location.file, pointer: `${opPointer}/responses/${status.replace(/~/g, '~0').replace(/\//g, '~1')}` };
}

function opName(op: HttpOperation): string {
  return op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
}

function checkBody(ctx: CheckContext, op: HttpOperation, response: HttpResponse, at: string, answer: HttpAnswer): Finding[] {
  if (response.content.length === 0 || (answer.text.length === 0 && answer.status === 204)) return [];
  const media = response.content.find((m) => m.mediaType.toLowerCase() === answer.contentType) ?? response.content.find((m) => mediaRangeMatches(m.mediaType, answer.contentType));
  if (!media) {
    // problem details have their own finding; a second one about the same content type says nothing new
    if (answer.status >= 400 && response.content.some((m) => /problem\+json$/i.test(m.mediaType))) return [];
    return [verifyFinding('verify/undeclared-content-type', 'openapi', atOperation(op, response.status, response.location), `${at}: content type '${answer.contentType || '(none)'}' is not declared for ${opName(op)} ${response.status} (declared: ${response.content.map((m) => m.mediaType).join(', ')}).`, 'Send one of the declared content types, or declare this one in the contract.')];
  }
  if (!isJson(media.mediaType.toLowerCase()) || media.schema === undefined) return [];
  if (answer.jsonError !== undefined) return [verifyFinding('verify/invalid-body', 'openapi', atOperation(op, response.status, media.location), `${at}: the body is not JSON (${answer.jsonError}).`)];
  const errors = ctx.validator.errors(media.schema, answer.json);
  if (errors.length === 0) return [];
  return [verifyFinding('verify/invalid-body', 'openapi', atOperation(op, response.status, media.location), `${at}: the body does not match the ${response.status} schema of ${opName(op)}: ${errors.join('; ')}.`, `Body: ${truncate(answer.text)}`)];
}

function mediaRangeMatches(declared: string, actual: string): boolean {
  const [type, sub] = declared.toLowerCase().split(';')[0]!.trim().split('/');
  const [aType, aSub] = actual.split('/');
  return (type === '*' || type === aType) && (sub === '*' || sub === aSub);
}

function checkHeaders(ctx: CheckContext, op: HttpOperation, response: HttpResponse, at: string, answer: HttpAnswer): Finding[] {
  const findings: Finding[] = [];
  for (const header of response.headers) {
    if (header.name.toLowerCase() === 'content-type') continue;
    const value = answer.headers.get(header.name);
    if (value === null) {
      if (header.required) findings.push(verifyFinding('verify/missing-header', 'openapi', atOperation(op, response.status, header.location), `${at}: the required header ${header.name} is missing.`, `Send ${header.name} with every ${response.status} response.`));
      continue;
    }
    if (header.schema === undefined) continue;
    const errors = ctx.validator.errors(header.schema, coerce(value));
    if (errors.length > 0) findings.push(verifyFinding('verify/missing-header', 'openapi', atOperation(op, response.status, header.location), `${at}: header ${header.name}: '${truncate(value)}' does not match its schema: ${errors.join('; ')}.`));
  }
  return findings;
}

/** A header's text as the value its schema most likely means (a number, a boolean, else the text). */
function coerce(value: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function checkProblemDetails(op: HttpOperation, response: HttpResponse | undefined, at: string, answer: HttpAnswer): Finding[] {
  // a contract that declares another error format for this response is held to that format (checkBody), not to RFC 9457
  const declaresOther = response !== undefined && response.content.length > 0 && !response.content.some((m) => /problem\+json$/i.test(m.mediaType));
  if (declaresOther || (answer.status === 404 && answer.text.length === 0 && op.method === 'head')) return [];
  const where = response ? atOperation(op, response.status, response.location) : op.location;
  if (answer.contentType !== 'application/problem+json') {
    return [verifyFinding('verify/problem-details', 'openapi', where, `${at}: the error is not problem details: content type '${answer.contentType || '(none)'}', expected application/problem+json.`, 'Answer errors as RFC 9457 problem details: application/problem+json with type, title and status.')];
  }
  const body = answer.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [verifyFinding('verify/problem-details', 'openapi', where, `${at}: the problem details body is not a JSON object.`)];
  }
  const status = (body as Record<string, unknown>).status;
  if (status !== undefined && status !== answer.status) {
    return [verifyFinding('verify/problem-details', 'openapi', where, `${at}: the problem details say status ${JSON.stringify(status)} but the response is ${answer.status}.`, 'The `status` member must repeat the HTTP status code.')];
  }
  return [];
}

function checkRetryAfter(op: HttpOperation, response: HttpResponse | undefined, at: string, answer: HttpAnswer): Finding[] {
  const value = answer.headers.get('retry-after');
  // RFC 9110: delay-seconds or an HTTP-date
  if (value !== null && (/^\d+$/.test(value.trim()) || !Number.isNaN(Date.parse(value)))) return [];
  const header = response?.headers.find((h) => h.name.toLowerCase() === 'retry-after');
  const where = response ? atOperation(op, response.status, header?.location ?? response.location) : op.location;
  const what = value === null ? 'has no Retry-After header' : `has an invalid Retry-After '${truncate(value)}'`;
  return [verifyFinding('verify/retry-after', 'openapi', where, `${at}: the ${answer.status} response ${what}.`, 'Tell clients when to retry: Retry-After with a number of seconds or an HTTP date.')];
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
