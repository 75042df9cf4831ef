/** `ws` channel bindings (WebSocket 0.1.0: method, query, headers) are honoured: emitted as handshake data, used by `wsHandshake`, run over the websocket transport; bad ones are findings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebSocketClientTransport, createWebSocketServerTransport, wsHandshake, type EventEnvelope } from '@contractkit/runtime/events';
import { UsageError } from '../../../contracts/errors.js';
import { generateFixture, typeCheck } from './helpers.js';

describe('events generator: ws bindings', () => {
  it('emits the handshake (method, query and headers with required and defaults) for the operations of a ws channel; the output type-checks and runs over WebSocket', async () => {
    const out = await generateFixture('ws-bindings.yaml', 'w1', 'notifications');
    const bindings = readFileSync(join(out, 'bindings.ts'), 'utf8');
    expect(bindings).toContain("ws: { method: 'GET', query: { token: { required: true }, heartbeat: { default: false } }, headers: { 'x-client': { default: 'web' } } },");
    expect(bindings).toContain('export const onSagaDoneBindings: EventBindings = {');
    expect(typeCheck(out, ['index.ts'])).toBe('');

    const gen = await import(join(out, 'index.ts'));
    expect(() => wsHandshake(gen.onSagaDoneBindings.ws)).toThrow('The WebSocket handshake needs query parameter `token`');
    const asked: string[] = [];
    const server = await createWebSocketServerTransport({ host: '127.0.0.1', verifyClient: (req) => (asked.push(`${req.url} ${req.headers['x-client']}`), true) });
    const client = await createWebSocketClientTransport({ url: `ws://127.0.0.1:${server.port}/notify`, ...wsHandshake(gen.onSagaDoneBindings.ws, { query: { token: 't1' } }) });
    try {
      expect(asked).toEqual(['/notify?heartbeat=false&token=t1 web']);
      const seen: EventEnvelope[] = [];
      const c = await gen.consumeOnSagaDone(client, { group: 'ui', handler: async (e: EventEnvelope) => void seen.push(e) });
      await gen.createNotificationsProducer(server).notifySagaDone({ sagaId: 's1', outcome: 'completed' }, { aggregateId: 's1', correlationId: 'c', params: { sagaId: 's1' } });
      expect(seen.map((e) => e.payload)).toEqual([{ sagaId: 's1', outcome: 'completed' }]);
      await c.close();
    } finally {
      await client.close();
      await server.close();
    }
  }, 60_000);

  it('a ws binding whose query is not an object schema is a finding, and nothing is generated (a bad method the parser already refuses)', async () => {
    const err = await generateFixture('bad-ws-bindings.yaml', 'w2', 'notifications').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const messages = (err as UsageError).findings.map((f) => f.message);
    expect(messages).toContain("Channel `sagaDone`: the ws binding's `query` must be an object schema (`type: object` with `properties`).");
  });
});
