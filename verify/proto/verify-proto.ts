/**
 * `verify <proto> --target host:port`: property-based calls of every rpc of
 * the contract's services (or of the one `--service` names) against a
 * running gRPC provider. Requests are drawn with fast-check from the input
 * message descriptor (verify/proto/arbitrary.ts), encoded with protobuf-es
 * and sent with grpc-js; every answer is checked (verify/proto/check-answer.ts).
 * Server streams are read to their end, client and bidi streams send a few
 * drawn messages. A failing call is shrunk and reported with the seed that
 * replays it. Any status other than UNIMPLEMENTED and a stack-carrying
 * UNKNOWN/INTERNAL is the provider's to choose (INVALID_ARGUMENT for a drawn
 * input it refuses is fine), so it is counted, not reported.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { createFileRegistry, fromBinary, toBinary, type DescMethod, type DescService, type Message } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import type { ProtoContract, RpcMethod, RpcService } from '../../contracts/model/types.js';
import { closest } from '../../contracts/source/suggest.js';
import { dedupeFindings, verifyFinding } from '../finding.js';
import { messageArbitrary } from './arbitrary.js';
import { checkMessage, checkStatus, statusName } from './check-answer.js';
import { call, connected, isConnectionFailure, type GrpcJs, type RpcAnswer } from './exchange.js';

/** How to verify a gRPC provider. */
export interface VerifyProtoOptions {
  /** `host:port` of the running provider (plaintext). */
  target: string;
  /** Calls drawn per rpc. */
  runs: number;
  /** fast-check's seed: the same seed draws the same requests. */
  seed: number;
  /** Only this service (`payments.v1.PaymentService`); default every service of the contract. */
  service?: string;
  /** Metadata sent with every call (`authorization`). */
  metadata?: Record<string, string>;
  /** Per-call deadline in milliseconds (default 5000). */
  timeoutMs?: number;
  /** Progress lines (one per rpc). */
  log?: (line: string) => void;
}

/** What a verify run found and how much it did. */
export interface VerifyProtoResult {
  findings: Finding[];
  /** Rpcs exercised. */
  operations: number;
  /** Calls made. */
  requests: number;
  /** How many calls ended with each status (OK included), for the summary. */
  statuses: Record<string, number>;
}

/** Verifies the provider at `options.target` against `contract`. Throws UsageError when nothing can be verified. */
export async function verifyProto(contract: ProtoContract, options: VerifyProtoOptions): Promise<VerifyProtoResult> {
  const services = selectServices(contract, options.service);
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, contract.image));
  const grpc: GrpcJs = await import('@grpc/grpc-js');
  const timeoutMs = options.timeoutMs ?? 5000;
  const client = new grpc.Client(options.target, grpc.credentials.createInsecure());
  try {
    await connected(client, timeoutMs).catch((err: Error) => {
      throw new UsageError(`The gRPC provider at ${options.target} could not be reached: ${err.message}. Start it (or fix --target) and run verify again.`);
    });
    const statuses: Record<string, number> = {};
    const findings: Finding[] = [];
    let requests = 0;
    let answered = 0;
    let operations = 0;
    let index = 0;
    for (const s of services) {
      const service = registry.getService(s.fullName) as DescService;
      for (const rpc of s.methods) {
        const method = service.methods.find((m) => m.name === rpc.name)!;
        const seed = options.seed + index++;
        operations++;
        const exercise = async (messages: Message[]): Promise<Finding[]> => {
          requests++;
          const answer: RpcAnswer = await call(grpc, client, { path: rpc.path, kind: rpc.kind, messages: messages.map((m) => toBinary(method.input, m)), metadata: options.metadata ?? {}, timeoutMs });
          if (isConnectionFailure(answer.status)) {
            const what = answered === 0 ? 'could not be reached' : `stopped answering after ${answered} call(s)`;
            throw new UsageError(`The gRPC provider at ${options.target} ${what}: ${answer.status!.details}. Start it (or fix --target) and run verify again.`);
          }
          answered++;
          const code = statusName(answer.status?.code ?? 0);
          statuses[code] = (statuses[code] ?? 0) + 1;
          return checkAnswer(rpc, method, answer, messages.length);
        };
        let failure: Finding[] = [];
        const property = fc.asyncProperty(requestsArbitrary(method), async (messages) => {
          const found = await exercise(messages);
          // the last failing run is the shrunk counterexample fast-check ends on
          if (found.length > 0) failure = found;
          return found.length === 0;
        });
        const result = await fc.check(property, { seed, numRuns: options.runs });
        if (result.errorInstance instanceof UsageError) throw result.errorInstance;
        if (result.failed && failure.length === 0 && result.errorInstance) throw result.errorInstance;
        for (const f of failure) f.hint = [f.hint, `Replay: contractkit verify --seed ${options.seed} (rpc seed ${seed}, after ${result.numRuns} call(s), shrunk ${result.numShrinks} time(s)).`].filter(Boolean).join('\n');
        findings.push(...failure);
        options.log?.(`${rpc.path}: ${result.failed ? `${failure.length} finding(s)` : 'ok'} (${result.numRuns} call(s))`);
      }
    }
    return { findings: dedupeFindings(findings), operations, requests, statuses };
  } finally {
    client.close();
  }
}

/** The services to verify; UsageError when there is no rpc, or `--service` names none of them. */
function selectServices(contract: ProtoContract, name: string | undefined): RpcService[] {
  const withRpcs = contract.services.filter((s) => s.methods.length > 0);
  if (withRpcs.length === 0) {
    throw new UsageError(`${contract.file}: the contract declares no service with an rpc: there is nothing to verify.`, [
      verifyFinding('verify/no-operations', 'proto', firstFile(contract), 'The contract declares no service with an rpc: there is nothing to verify.', 'Add a service with rpcs, or verify another contract.'),
    ]);
  }
  if (name === undefined) return withRpcs;
  const found = withRpcs.filter((s) => s.fullName === name || s.name === name);
  if (found.length === 0) {
    const names = withRpcs.map((s) => s.fullName);
    const near = closest(name, names);
    throw new UsageError(`--service ${name}: the contract has no such service with rpcs${near ? ` (did you mean ${near}?)` : ''}; it has ${names.join(', ')}.`);
  }
  return found;
}

/** The contract's first proto file at 1:1 (a finding about the whole contract; `contract.file` may be a folder). */
function firstFile(contract: ProtoContract): { file: string; line: number; column: number } {
  const first = contract.messages[0]?.location.file ?? contract.enums[0]?.location.file ?? (contract.protoFiles[0] ? join(contract.root, contract.protoFiles[0]) : contract.file);
  return { file: first, line: 1, column: 1 };
}

/** One request message, or a few for a client or bidi stream. */
function requestsArbitrary(method: DescMethod): fc.Arbitrary<Message[]> {
  const one = messageArbitrary(method.input);
  return method.methodKind === 'client_streaming' || method.methodKind === 'bidi_streaming' ? fc.array(one, { minLength: 1, maxLength: 3 }) : one.map((m) => [m]);
}

function checkAnswer(rpc: RpcMethod, method: DescMethod, answer: RpcAnswer, sent: number): Finding[] {
  const line = `${rpc.path} (${rpc.kind.replace('_', ' ')}${sent > 1 ? `, ${sent} messages sent` : ''})`;
  const findings: Finding[] = [];
  answer.messages.forEach((bytes, i) => findings.push(...checkMessage(rpc, answer.messages.length > 1 ? `${line} message ${i + 1}` : line, method.output, bytes)));
  if (answer.status) findings.push(...checkStatus(rpc, line, answer.status));
  return findings;
}
