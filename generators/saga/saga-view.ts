/**
 * The view of one saga the emitters print: for each step and compensation,
 * the participant (contract name), method, and request/response types taken
 * from the contract it calls. Unresolvable references become located
 * findings (exit 2, nothing written).
 */
import type { Finding } from '../../contracts/finding.js';
import { resolveSchemaRef } from '../../contracts/model/schema-refs.js';
import type { Contract, ContractModel, ResolvedSagaCall, SagaCall, SagaContract, SagaStep } from '../../contracts/model/types.js';
import { callForm, contractNameOf, contractOfCall, findEventMessage, findEventOperation, splitGrpcMethod, type ContractCall } from '../../contracts/saga/references.js';
import { camelCase, pascalCase } from '../core/names.js';
import { createRefTypes, type ResolvedRef } from '../core/schema-ts/declare-refs.js';
import { messageType } from './message-types.js';

/** One call a step makes (forward or compensation). */
export interface CallView {
  /** Participant group in the deps (`orders`, or `local`). */
  participant: string;
  /** Method on the participant (`createOrder`). */
  method: string;
  /** What the call names, for doc comments (`POST /orders (createOrder)`). */
  label: string;
  request: string;
  response: string;
  local: boolean;
  /** The call as the saga names it, the contract it calls and what it resolved to (absent for local steps). */
  source?: { call: ContractCall; contract: Contract; resolved: ResolvedSagaCall };
}

/** One step. */
export interface StepView {
  step: SagaStep;
  call: CallView;
  compensate?: CallView;
}

/** Everything the saga module needs. */
export interface SagaView {
  saga: SagaContract;
  base: string;
  dataType: string;
  steps: StepView[];
  /** Participant → method → signature (deduplicated: a method called twice appears once). */
  participants: Map<string, Map<string, CallView>>;
  declarations: string;
}

/** The contract a schema lives in (for resolving its local `#/…` refs). */
export interface DocRef {
  /** Contract name (prefix of generated names). */
  name: string;
  /** Undefined when the saga names a contract it could not resolve (its refs then dangle). */
  contract: Contract | undefined;
}

/**
 * Builds the view from the steps' resolved calls (`loadContracts` resolves
 * them); returns findings instead when a call cannot be typed.
 */
export function buildSagaView(saga: SagaContract, model: ContractModel): { view?: SagaView; findings: Finding[] } {
  const findings: Finding[] = [];
  const base = pascalCase(saga.saga);
  // the contracts by the saga's names for them, as the steps' calls resolved (`$ref`s like `orders#/components/schemas/Order`)
  const byName = new Map<string, Contract>();
  for (const step of saga.steps) {
    for (const [call, resolved] of [[step.call, step.resolved?.call], [step.compensate, step.resolved?.compensate]] as const) {
      const name = call && contractNameOf(call);
      if (name !== undefined && resolved && !byName.has(name)) byName.set(name, resolved.contract);
    }
  }
  const resolve = (ref: string, doc: DocRef): ResolvedRef<DocRef> | undefined => {
    const hash = ref.indexOf('#');
    const file = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash);
    const target: DocRef = file === '' ? doc : { name: file, contract: byName.get(file) };
    // a ref without a pointer (`orders`) names the whole document
    const schema = resolveSchemaRef(target.contract, pointer === '' ? '#' : pointer);
    if (schema === undefined) return undefined;
    return { schema, doc: target, key: `${target.name}${pointer}`, hint: pointer.split('/').pop() || target.name };
  };
  const types = createRefTypes(resolve, [`${base}Data`, `${base}Participants`, `${base}Steps`]);
  const dataType = `${base}Data`;
  const sagaDoc: DocRef = { name: '', contract: saga };

  const fail = (step: SagaStep, what: string, hint: string) =>
    findings.push({ ruleId: 'generate/saga-reference', severity: 'error', kind: 'saga', file: step.location.file, pointer: step.location.pointer, message: `Step ${step.name}: ${what}`, hint });

  function callView(step: SagaStep, call: SagaCall, resolved: ResolvedSagaCall | undefined): CallView | undefined {
    if ('local' in call) return { participant: 'local', method: camelCase(call.local), label: `local ${call.local}`, request: dataType, response: dataType, local: true };
    const name = (call as Record<string, string>)[callForm(call)!]!;
    // an unresolved call is looked up again only to say what is missing
    const contract = resolved?.contract ?? contractOfCall(model, saga, call as ContractCall);
    if (!contract) {
      fail(step, `the contract ${JSON.stringify(name)} could not be found or loaded.`, `List it under \`contracts:\` with a path relative to the saga file, and check that it loads (\`contractkit lint\`).`);
      return undefined;
    }
    const participant = camelCase(name);
    if ('openapi' in call && contract.kind === 'openapi') {
      const op = resolved?.kind === 'openapi' ? resolved.operation : undefined;
      if (!op) return void fail(step, `no operation ${JSON.stringify(call.operationId)} in ${name}.`, 'Use an operationId that the OpenAPI document declares.');
      const doc: DocRef = { name, contract };
      const body = op.requestBody?.content.find((m) => /json/.test(m.mediaType)) ?? op.requestBody?.content[0];
      const props = op.parameters
        .filter((p) => p.in !== 'cookie' && !(p.in === 'header' && /^idempotency-key$/i.test(p.name)))
        .map((p) => ({ name: p.name, required: p.required, schema: p.schema }));
      const reqSchema: Record<string, unknown> = {
        type: 'object',
        properties: Object.fromEntries([...props.map((p) => [p.name, p.schema ?? {}]), ...(body ? [['body', body.schema ?? {}]] : [])]),
        required: [...props.filter((p) => p.required).map((p) => p.name), ...(body && op.requestBody?.required ? ['body'] : [])],
      };
      const ok = op.responses.find((r) => /^2/.test(r.status) && r.content.length > 0);
      const resBody = ok?.content.find((m) => /json/.test(m.mediaType)) ?? ok?.content[0];
      const request = props.length === 0 && !body ? 'Record<string, never>' : types.schemaType(reqSchema, doc, '', 'write');
      return { participant, method: camelCase(call.operationId), label: `${op.method.toUpperCase()} ${op.path} (${call.operationId})`, request, response: resBody ? types.schemaType(resBody.schema, doc, '', 'read') : 'void', local: false, source: { call, contract, resolved: resolved! } };
    }
    if ('grpc' in call && contract.kind === 'proto') {
      const m = resolved?.kind === 'proto' ? resolved.method : undefined;
      if (!m) return void fail(step, `no method ${JSON.stringify(call.method)} in ${name}.`, 'Name a unary method as `package.Service/Method`.');
      if (m.kind !== 'unary') return void fail(step, `${call.method} is ${m.kind.replace('_', '-')}; saga steps call unary methods.`, 'Call a unary method, or wrap the stream in a local step.');
      return { participant, method: camelCase(splitGrpcMethod(call.method)!.method), label: `gRPC ${m.path}`, request: messageType(types, contract, m.input, 'write'), response: messageType(types, contract, m.output, 'read'), local: false, source: { call, contract, resolved: resolved! } };
    }
    if ('asyncapi' in call && contract.kind === 'asyncapi') {
      const op = resolved?.kind === 'asyncapi' ? resolved.operation : findEventOperation(contract, call.send);
      if (!op || op.action !== 'send') return void fail(step, `no send operation ${JSON.stringify(call.send)} in ${name}.`, 'Name the id of a send operation of the AsyncAPI document.');
      const doc: DocRef = { name, contract };
      const msg = op.messages[0] ? findEventMessage(contract, op.messages[0]) : undefined;
      let response = 'void';
      if (call.reply) {
        const reply = resolved?.kind === 'asyncapi' ? resolved.reply : findEventMessage(contract, call.reply);
        if (!reply) return void fail(step, `no message ${JSON.stringify(call.reply)} (the reply) in ${name}.`, 'Name a message the document declares.');
        response = types.schemaType(reply.payload, doc);
      }
      if (call.failure && !(resolved?.kind === 'asyncapi' ? resolved.failure : findEventMessage(contract, call.failure))) return void fail(step, `no message ${JSON.stringify(call.failure)} (the failure reply) in ${name}.`, 'Name a message the document declares.');
      return { participant, method: camelCase(call.send), label: `event ${call.send}${call.reply ? ` → ${call.reply}` : ''}${call.failure ? ` | ${call.failure}` : ''}`, request: types.schemaType(msg?.payload, doc), response, local: false, source: { call, contract, resolved: resolved! } };
    }
    fail(step, `the contract ${JSON.stringify(name)} is not of the kind the call names.`, 'Use `openapi:` for OpenAPI documents, `grpc:` for proto roots and `asyncapi:` for AsyncAPI documents.');
    return undefined;
  }

  // the data holds what responses returned: references to API schemas take their read side
  const dataText = saga.data === undefined ? 'Record<string, unknown>' : types.schemaType(saga.data, sagaDoc, '', 'read');
  // inline call shapes get a name of their own (`CreateOrderInput`), so signatures stay one line
  const callTypes: string[] = [];
  const nameShape = (text: string, base: string) => {
    if (/^[A-Za-z_$][\w$]*$/.test(text) || text === 'void') return text;
    const name = types.claim(base);
    callTypes.push(`export type ${name} = ${text};\n`);
    return name;
  };
  const named = new Map<string, CallView>();
  const nameCall = (c: CallView | undefined) => {
    if (!c || c.local) return c;
    const key = `${c.participant}.${c.method}`;
    if (!named.has(key)) named.set(key, { ...c, request: nameShape(c.request, `${pascalCase(c.method)}Input`), response: nameShape(c.response, `${pascalCase(c.method)}Output`) });
    return named.get(key);
  };
  const steps: StepView[] = [];
  const participants = new Map<string, Map<string, CallView>>();
  for (const step of saga.steps) {
    const call = nameCall(callView(step, step.call, step.resolved?.call));
    const compensate = step.compensate ? nameCall(callView(step, step.compensate, step.resolved?.compensate)) : undefined;
    if (!call || (step.compensate && !compensate)) continue;
    steps.push({ step, call, compensate });
    for (const c of [call, compensate]) {
      if (!c || c.local) continue;
      if (!participants.has(c.participant)) participants.set(c.participant, new Map());
      participants.get(c.participant)!.set(c.method, c);
    }
  }
  if (findings.length > 0) return { findings };
  const declarations = `export type ${dataType} = ${dataText};\n\n${callTypes.join('\n')}\n${types.declarations()}`;
  return { view: { saga, base, dataType, steps, participants, declarations }, findings };
}
