/**
 * What a gRPC provider answered, checked against the contract: a message
 * must decode as the rpc's declared output with no field the contract does
 * not declare (protobuf keeps those as unknown fields, which a client built
 * from the contract silently drops) and only declared enum numbers (proto3
 * enums are open, so an undeclared number decodes without complaint); a
 * status must not be UNIMPLEMENTED for an rpc the contract declares, nor
 * UNKNOWN/INTERNAL carrying a stack trace.
 */
import { fromBinary, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { reflect, type ReflectMessage } from '@bufbuild/protobuf/reflect';
import type { Finding } from '../../contracts/finding.js';
import type { RpcMethod } from '../../contracts/model/types.js';
import { decodeStatusDetails } from '../../runtime/src/grpc/rich-details.js';
import { verifyFinding } from '../finding.js';

/** gRPC status codes `verify` names. */
export const GRPC_STATUS = { OK: 0, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, INTERNAL: 13, UNIMPLEMENTED: 12, UNAVAILABLE: 14 } as const;

const STATUS_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];

/** `13` → `INTERNAL`. */
export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? `status ${code}`;
}

/** A status a call ended with (not OK). */
export interface CallStatus {
  code: number;
  /** The status message (grpc-js calls it `details`). */
  details: string;
  /** The `grpc-status-details-bin` trailer, when sent. */
  statusDetailsBin?: Uint8Array;
}

// `    at handler (/srv/app.js:12:7)`, `    at /srv/app.js:12:7`, `    at async Promise.all (index 0)`
const STACK_FRAME = /^\s*at (?:async )?(?:\S.*\(.*:\d+:\d+\)|\/?\S+:\d+:\d+|\S.*\(index \d+\))\s*$/m;

/** Whether `text` holds a JavaScript-style stack frame (what a server leaks when it sends `err.stack`). */
export function hasStackTrace(text: string): boolean {
  return STACK_FRAME.test(text);
}

/** Findings about the status an rpc call ended with; `line` names the call for the message. */
export function checkStatus(method: RpcMethod, line: string, status: CallStatus): Finding[] {
  if (status.code === GRPC_STATUS.UNIMPLEMENTED) {
    return [verifyFinding('verify/grpc-unimplemented', 'proto', method.location, `${line} answered UNIMPLEMENTED: the provider does not serve ${method.path}, which the contract declares.`, 'Register a handler for every rpc of the service (the generated register function requires them all), or remove the rpc from the contract.')];
  }
  if (status.code === GRPC_STATUS.UNKNOWN || status.code === GRPC_STATUS.INTERNAL) {
    const rich = status.statusDetailsBin ? decodeStatusDetails(status.statusDetailsBin) : undefined;
    const texts = [status.details, rich?.message ?? ''];
    if (texts.some(hasStackTrace)) {
      const frame = texts.join('\n').match(STACK_FRAME)?.[0]?.trim();
      return [verifyFinding('verify/grpc-stack-trace', 'proto', method.location, `${line} answered ${statusName(status.code)} with a stack trace in its details (${frame}).`, 'Send a status message for the caller (throw a GrpcError with a code and a short message); log the stack on the server instead.')];
    }
  }
  return [];
}

/** Findings about one answer message (raw bytes of `desc`). */
export function checkMessage(method: RpcMethod, line: string, desc: DescMessage, bytes: Uint8Array): Finding[] {
  let message;
  try {
    message = fromBinary(desc, bytes, { readUnknownFields: true });
  } catch (err) {
    return [verifyFinding('verify/grpc-undecodable', 'proto', method.location, `${line}: the answer does not decode as ${desc.typeName}: ${(err as Error).message}.`, 'Serialize the answer with the output message the contract declares for this rpc.')];
  }
  const problems: string[] = [];
  walk(reflect(desc, message), desc.name, problems);
  const findings: Finding[] = [];
  for (const p of problems) {
    const [rule, text] = p.split('\u0000') as ['unknown' | 'enum', string];
    if (rule === 'unknown') findings.push(verifyFinding('verify/grpc-unknown-field', 'proto', method.location, `${line}: the answer has ${text}, which ${desc.typeName} does not declare.`, 'Answer only the fields the contract declares (a client built from it drops the others); add the field to the contract if it is meant to be there.'));
    else findings.push(verifyFinding('verify/grpc-undeclared-enum', 'proto', method.location, `${line}: the answer has ${text}.`, 'Send only values the enum declares, or declare the new value in the contract first (clients switch on the declared ones).'));
  }
  return findings;
}

/** Collects the problems of `msg` (at `path`) and its nested messages. */
function walk(msg: ReflectMessage, path: string, problems: string[]): void {
  for (const u of msg.getUnknown() ?? []) {
    problems.push(`unknown\u0000field number ${u.no} (wire type ${u.wireType}) at ${path}`);
  }
  for (const field of msg.fields) {
    if (!msg.isSet(field)) continue;
    const at = `${path}.${field.name}`;
    switch (field.fieldKind) {
      case 'enum':
        checkEnum(field, msg.get(field) as number, at, problems);
        break;
      case 'message':
        walk(msg.get(field) as ReflectMessage, at, problems);
        break;
      case 'list': {
        let i = 0;
        for (const v of msg.get(field) as Iterable<unknown>) {
          element(field, field.listKind, v, `${at}[${i++}]`, problems);
        }
        break;
      }
      case 'map':
        for (const [k, v] of msg.get(field) as Iterable<[unknown, unknown]>) {
          element(field, field.mapKind, v, `${at}[${JSON.stringify(String(k))}]`, problems);
        }
        break;
      default:
        break;
    }
  }
}

function element(field: DescField, kind: string, value: unknown, at: string, problems: string[]): void {
  if (kind === 'enum') checkEnum(field, value as number, at, problems);
  else if (kind === 'message') walk(value as ReflectMessage, at, problems);
}

function checkEnum(field: DescField, value: number, at: string, problems: string[]): void {
  const desc = (field as { enum?: { typeName: string; values: { number: number }[] } }).enum;
  if (!desc || desc.values.some((v) => v.number === value)) return;
  problems.push(`enum\u0000${at} = ${value}, a number ${desc.typeName} does not declare (it declares ${desc.values.map((v) => v.number).join(', ')})`);
}
