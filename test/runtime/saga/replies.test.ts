/**
 * The reply inbox event steps wait in, and the deterministic command eventIds.
 */
import { describe, expect, it } from 'vitest';
import { createReplyInbox, NonRetryableError, sagaEventId, SagaReplyFailedError, uuidV5 } from '../../../runtime/src/saga/index.js';

const reply = (eventType: string, correlationId: string, eventId = `${eventType}-${correlationId}`) => ({ eventId, eventType, correlationId, payload: { reason: 'out-of-stock' } });

describe('sagaEventId', () => {
  it('is a UUID v5, the same for the same key and different for another', () => {
    const a = sagaEventId('s1:reserve-inventory:do');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sagaEventId('s1:reserve-inventory:do')).toBe(a);
    expect(sagaEventId('s1:reserve-inventory:undo')).not.toBe(a);
  });
  it('matches the RFC 9562 test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('createReplyInbox', () => {
  it('hands a reply to the step waiting for its correlationId and type', async () => {
    const inbox = createReplyInbox();
    const waiting = inbox.expect({ correlationId: 's1', reply: ['inventory.reserved'], failure: ['reservation.failed'] });
    expect(inbox.deliver(reply('inventory.reserved', 's2'))).toBe(false); // another saga's: kept
    expect(inbox.deliver(reply('inventory.reserved', 's1'))).toBe(true);
    await expect(waiting).resolves.toMatchObject({ eventType: 'inventory.reserved', correlationId: 's1' });
    expect(inbox.waiting).toBe(0);
    expect(inbox.kept).toBe(1);
  });

  it('keeps a reply that arrives before the wait, once, and gives it to the next expect', async () => {
    const inbox = createReplyInbox();
    inbox.deliver(reply('inventory.reserved', 's1'));
    inbox.deliver(reply('inventory.reserved', 's1')); // a redelivery: same eventId
    expect(inbox.kept).toBe(1);
    await expect(inbox.expect({ correlationId: 's1', reply: ['inventory.reserved'] })).resolves.toMatchObject({ correlationId: 's1' });
    expect(inbox.kept).toBe(0);
  });

  it('rejects with a non-retryable SagaReplyFailedError on a failure reply', async () => {
    const inbox = createReplyInbox();
    const waiting = inbox.expect({ correlationId: 's1', reply: ['inventory.reserved'], failure: ['reservation.failed'] });
    inbox.deliver(reply('reservation.failed', 's1'));
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SagaReplyFailedError);
    expect(err).toBeInstanceOf(NonRetryableError);
    expect((err as Error).message).toContain('out-of-stock');
  });

  it('gives the reply to a command (by causationId) again to a re-send of that command, and not to another command', async () => {
    const inbox = createReplyInbox();
    const first = inbox.expect({ correlationId: 's1', causationId: 'cmd-1', reply: ['inventory.reserved'] });
    inbox.deliver({ ...reply('inventory.reserved', 's1', 'r-1'), causationId: 'cmd-1' });
    await expect(first).resolves.toMatchObject({ eventId: 'r-1' });
    // the participant re-sends the same reply eventId; the consumer drops it as a duplicate, yet the re-sent command gets its answer
    await expect(inbox.expect({ correlationId: 's1', causationId: 'cmd-1', reply: ['inventory.reserved'] })).resolves.toMatchObject({ eventId: 'r-1' });
    const other = inbox.expect({ correlationId: 's1', causationId: 'cmd-2', reply: ['inventory.reserved'], signal: AbortSignal.timeout(50) });
    await expect(other).rejects.toBeDefined();
  });

  it('stops waiting when the step signal aborts, and drops kept replies after keepMs', async () => {
    let now = 0;
    const inbox = createReplyInbox({ keepMs: 1000, clock: () => now });
    const ac = new AbortController();
    const waiting = inbox.expect({ correlationId: 's1', reply: ['x'], signal: ac.signal });
    ac.abort(new Error('step timed out'));
    await expect(waiting).rejects.toThrow('step timed out');
    expect(inbox.waiting).toBe(0);
    inbox.deliver(reply('x', 's9'));
    now = 2000;
    inbox.deliver(reply('y', 's8'));
    expect(inbox.kept).toBe(1);
  });
});
