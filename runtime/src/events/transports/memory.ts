/**
 * The in-memory transport: the embedded default for tests and the demo.
 * Each group gets every message; members of a group share it round-robin.
 * Retries are timers; dead-letters are kept in `deadLetters`.
 */
import { matchesAddress, type Delivery, type OutgoingMessage, type SubscribeOptions, type Subscription, type Transport } from '../transport.js';

/** A dead-lettered message kept by the in-memory transport. */
export interface MemoryDeadLetter {
  address: string;
  group: string;
  reason: string;
  body: Uint8Array;
  headers: Record<string, string>;
}

/** The in-memory transport plus what tests look at. */
export interface MemoryTransport extends Transport {
  readonly deadLetters: MemoryDeadLetter[];
  /** Resolves when no delivery is queued, in flight or waiting for a retry timer. */
  idle(): Promise<void>;
}

interface Member {
  onDelivery: (d: Delivery) => Promise<void>;
  closed: boolean;
  inFlight: Set<Promise<void>>;
}

/** Creates an in-memory transport. */
export function createMemoryTransport(): MemoryTransport {
  const groups = new Map<string, { pattern: string; members: Member[]; next: number }>();
  const deadLetters: MemoryDeadLetter[] = [];
  let pending = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (--pending === 0) {
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    }
  };

  function deliver(groupKey: string, address: string, msg: { body: Uint8Array; headers: Record<string, string> }, attempt: number): void {
    const g = groups.get(groupKey);
    const live = g?.members.filter((m) => !m.closed) ?? [];
    if (!g || live.length === 0) return; // nobody left: like a queue with no consumer, kept nowhere in memory
    const member = live[g.next++ % live.length]!;
    pending++;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        settle();
      }
    };
    const delivery: Delivery = {
      body: msg.body,
      headers: msg.headers,
      address,
      attempt,
      ack: async () => finish(),
      retry: async (delayMs) => {
        pending++;
        setTimeout(() => {
          deliver(groupKey, address, msg, attempt + 1);
          settle();
        }, delayMs);
        finish();
      },
      deadLetter: async (reason) => {
        deadLetters.push({ address, group: groupKey.split('\u0000')[1]!, reason, body: msg.body, headers: msg.headers });
        finish();
      },
    };
    const p = Promise.resolve()
      .then(() => member.onDelivery(delivery))
      .catch(() => undefined)
      .finally(() => {
        member.inFlight.delete(p);
        finish();
      });
    member.inFlight.add(p);
  }

  return {
    name: 'memory',
    deadLetters,
    async publish(address: string, message: OutgoingMessage) {
      for (const [key, g] of groups) {
        if (matchesAddress(g.pattern, address)) deliver(key, address, { body: message.body, headers: { ...message.headers } }, 1);
      }
    },
    async subscribe(options: SubscribeOptions, onDelivery): Promise<Subscription> {
      const key = `${options.address}\u0000${options.group}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { pattern: options.address, members: [], next: 0 }));
      const member: Member = { onDelivery, closed: false, inFlight: new Set() };
      g.members.push(member);
      return {
        async close() {
          member.closed = true;
          await Promise.all([...member.inFlight]);
        },
      };
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    async close() {
      for (const g of groups.values()) for (const m of g.members) m.closed = true;
      await Promise.all([...groups.values()].flatMap((g) => g.members.flatMap((m) => [...m.inFlight])));
    },
  };
}
