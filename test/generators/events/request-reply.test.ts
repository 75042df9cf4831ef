/**
 * Request/reply in the events generator (AsyncAPI 3.0 operations with a
 * `reply`): a typed requester for a send operation, typed `reply…()` for a
 * receive operation, consumers of a queue named at run time (the RPC reply
 * queue `{queue}`), all type-checked under strict with code that uses them;
 * replies the generator cannot type are findings and nothing is generated.
 * (They run against the brokers in test/runtime/events/generated-request-reply.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { FIXTURES, generateEvents, generateFixture, tempProject, typeCheck } from './helpers.js';

/** Generates an inline AsyncAPI document; resolves with the generator's error (or undefined when it generated). */
async function generateInline(yaml: string): Promise<unknown> {
  const dir = tempProject('ck-events-rr-');
  writeFileSync(join(dir, 'api.yaml'), yaml);
  return generateEvents(join(dir, 'api.yaml'), join(dir, 'gen'), 'calc').then(() => undefined, (e: unknown) => e);
}

const REQUEST = `asyncapi: 3.0.0
info: { title: Calc, version: 1.0.0 }
channels:
  requests:
    address: calc.sum
    messages:
      sumRequested: { name: calc.sum-requested, payload: { type: object, properties: { numbers: { type: array, items: { type: number } } } } }
  replies:
    address: null
    messages:
      sumComputed: { name: calc.sum-computed, payload: { type: object, properties: { result: { type: number } } } }
operations:
  requestSum:
    action: send
    channel: { $ref: '#/channels/requests' }
`;

describe('events generator: request/reply', () => {
  it('a send operation with a reply gets a typed requester, a receive operation typed reply functions; the output and code using it type-check under strict', async () => {
    const clientOut = await generateFixture('request-reply/calc-client.yaml', 't1', 'calc-client');
    const serverOut = await generateFixture('request-reply/calc-server.yaml', 't1', 'calc-server');
    expect(readFileSync(join(clientOut, 'index.ts'), 'utf8')).toContain("export * from './requesters.js';");
    expect(readFileSync(join(serverOut, 'index.ts'), 'utf8')).toContain("export * from './replies.js';");
    const requesters = readFileSync(join(clientOut, 'requesters.ts'), 'utf8');
    expect(requesters).toContain('requestSum(payload: CalcSumRequested, meta: RequestPublishMeta): Promise<CalcSumComputedEvent | CalcSumRefusedEvent> {');
    // x-reply-timeout: 5s is the requester's default timeout; the reply queue is named by the reply channel's parameter
    expect(requesters).toContain('timeoutMs: options.timeoutMs ?? 5000');
    expect(requesters).toContain('replyParams?: SumRepliesAddressParams;');
    writeFileSync(join(clientOut, 'usage.ts'), `import { createCalcClientRequester, type CalcSumComputedEvent, type CalcSumRefusedEvent } from './index.js';
import type { Transport } from '@contractkit/runtime/events';
export async function use(t: Transport): Promise<number | string> {
  const calc = await createCalcClientRequester(t, { replyParams: { client: 'c1' }, timeoutMs: 1000, onLateReply: (r) => void r.correlationId });
  const res: CalcSumComputedEvent | CalcSumRefusedEvent = await calc.requestSum({ numbers: [1, 2] }, { aggregateId: 'a', timeoutMs: 200 });
  // @ts-expect-error: the request payload is typed
  await calc.requestSum({ numbers: 'x' }, { aggregateId: 'a' });
  await calc.close();
  return res.eventType === 'calc.sum-computed' ? res.payload.result : res.payload.reason;
}
`);
    expect(typeCheck(clientOut, ['index.ts', 'usage.ts'])).toBe('');
    writeFileSync(join(serverOut, 'usage.ts'), `import { consumeSum, replySumCalcSumComputed, replySumCalcSumRefused } from './index.js';
import type { Transport } from '@contractkit/runtime/events';
export async function serve(t: Transport) {
  return consumeSum(t, {
    handler: async (event, ctx) => {
      const numbers: number[] = event.payload.numbers;
      if (numbers.length === 0) await replySumCalcSumRefused(t, { event, headers: ctx.headers }, { reason: 'empty' });
      else await replySumCalcSumComputed(t, { event, headers: ctx.headers }, { result: numbers.reduce((a, b) => a + b, 0) });
      // @ts-expect-error: the reply payload is typed
      await replySumCalcSumComputed(t, { event, headers: ctx.headers }, { result: 'seven' });
    },
  });
}
`);
    expect(typeCheck(serverOut, ['index.ts', 'usage.ts'])).toBe('');
  }, 120_000);

  it('a consumer of an amqp queue named at run time (the rpc-client example of AsyncAPI, `{queue}`) takes the parameters that name its queue', async () => {
    const dir = tempProject('ck-events-rpc-');
    const out = join(dir, 'gen');
    const { writeGeneratedFiles } = await import('../../../generators/core/writer.js');
    writeGeneratedFiles(out, await generateEvents(join(FIXTURES, 'asyncapi-examples/rpc-client-asyncapi.yml'), out, 'rpc-client'));
    expect(readFileSync(join(out, 'consumers.ts'), 'utf8')).toContain('options: ConsumeOptions<ReceiveSumResultEvent, Tx> & { params: QueueAddressParams }');
    writeFileSync(join(out, 'usage.ts'), `import { consumeReceiveSumResult } from './index.js';
import type { Transport } from '@contractkit/runtime/events';
export async function listen(t: Transport) {
  await consumeReceiveSumResult(t, { params: { queue: 'amq.gen-1' }, handler: async (e) => void e.payload.result });
  // @ts-expect-error: the queue's name is a parameter
  await consumeReceiveSumResult(t, { handler: async () => undefined });
}
`);
    expect(typeCheck(out, ['index.ts', 'usage.ts'])).toBe('');
  }, 120_000);

  it('a reply address outside the headers, a bad x-reply-timeout and a reply without messages are findings, and nothing is generated', async () => {
    const payloadAddress = await generateInline(`${REQUEST}    reply:
      address: { location: '$message.payload#/replyTo' }
      channel: { $ref: '#/channels/replies' }
`);
    expect(payloadAddress).toBeInstanceOf(UsageError);
    expect((payloadAddress as UsageError).findings.map((f) => f.message)).toEqual(['Operation `requestSum`: the reply address is at `$message.payload#/replyTo`; only a header (`$message.header#/replyTo`) can carry it.']);

    const timeout = await generateInline(`${REQUEST}    x-reply-timeout: soon
    reply:
      channel: { $ref: '#/channels/replies' }
`);
    expect((timeout as UsageError).findings.map((f) => f.message)).toEqual(['Operation `requestSum`: `x-reply-timeout` must be a positive duration (`5s`, `500ms`, or milliseconds), not "soon".']);

    const empty = await generateInline(`${REQUEST.replace(/messages:\n {6}sumComputed:.*\n/, 'messages: {}\n')}    reply:
      channel: { $ref: '#/channels/replies' }
`);
    expect((empty as UsageError).findings.map((f) => f.message)).toEqual(['Operation `requestSum`: its reply carries no message with a payload, so the reply cannot be typed.']);
  }, 60_000);
});
