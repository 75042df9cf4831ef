/**
 * Who sends and who receives each event, across every AsyncAPI document of a
 * run: the data behind `event-has-consumer` and `event-has-producer`.
 *
 * Each AsyncAPI document describes one service (application); an event is
 * keyed by its event type, or by its message id when it has none, so the
 * producer's and the consumers' documents meet on the same key even when
 * they name their channels and operations differently. Versions are not
 * told apart: a consumer of `order.placed` handles every version (older
 * ones through upcasters).
 */
import type { AsyncApiContract, ContractModel, EventMessage, EventOperation } from '../../../../contracts/model/types.js';
import { contractsOfKind } from '../../../../contracts/model/types.js';
import { locationKey } from './messages.js';

/** One operation sending or receiving one event. */
export interface EventUse {
  key: string;
  action: 'send' | 'receive';
  contract: AsyncApiContract;
  operation: EventOperation;
  message?: EventMessage;
  /** True when the event is the operation's reply (AsyncAPI 3.0 `reply`): the direction is reversed. */
  reply: boolean;
}

/** The key an event is matched on across documents: its event type, else its message id. */
export function eventKey(message: EventMessage | undefined, messageId: string): string {
  return message?.eventType ?? messageId;
}

/** Every (operation, event) use in the model, and the set of keys sent and received. */
export interface EventFlow {
  uses: EventUse[];
  sent: Set<string>;
  received: Set<string>;
}

/** Builds the flow index of a model. */
export function eventFlow(model: ContractModel): EventFlow {
  const uses: EventUse[] = [];
  for (const contract of contractsOfKind(model, 'asyncapi')) {
    const byId = new Map(contract.messages.map((m) => [m.id, m]));
    for (const operation of contract.operations) {
      const add = (id: string, action: 'send' | 'receive', reply: boolean): void => {
        const message = byId.get(id);
        uses.push({ key: eventKey(message, id), action, contract, operation, reply, ...(message ? { message } : {}) });
      };
      for (const id of operation.messages) add(id, operation.action, false);
      // The side that sends a request receives its reply, and the other way round.
      const replyAction = operation.action === 'send' ? 'receive' : 'send';
      for (const id of operation.reply?.messages ?? []) add(id, replyAction, true);
    }
  }
  const sent = new Set(uses.filter((u) => u.action === 'send').map((u) => u.key));
  const received = new Set(uses.filter((u) => u.action === 'receive').map((u) => u.key));
  return { uses, sent, received };
}

/** Uses of one action whose key the other side never has, each (operation location, key) once. */
export function unmatched(flow: EventFlow, action: 'send' | 'receive', allow: ReadonlySet<string>): EventUse[] {
  const other = action === 'send' ? flow.received : flow.sent;
  const seen = new Set<string>();
  const out: EventUse[] = [];
  for (const use of flow.uses) {
    if (use.action !== action || other.has(use.key) || allow.has(use.key) || (use.message && allow.has(use.message.id))) continue;
    const id = `${locationKey(use.operation.location)}|${use.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(use);
  }
  return out;
}

/** `order-events` (the contract name) for messages. */
export function serviceLabel(c: AsyncApiContract): string {
  return c.title ? `${c.name} (${c.title})` : c.name;
}
