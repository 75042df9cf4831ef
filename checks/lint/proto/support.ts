/**
 * Helpers shared by contractkit's own proto rules: method-name matching and
 * message lookup over a {@link ProtoContract}.
 */
import type { ProtoContract, RpcField, RpcMessage, RpcMethod, RpcService } from '../../../contracts/model/types.js';

/**
 * True when `name` starts with one of `prefixes` as a whole word:
 * `ListOrders` and `List` match `List`, `Listen` does not.
 */
export function startsWithWord(name: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((p) => name.startsWith(p) && (name.length === p.length || /[A-Z0-9_]/.test(name[p.length])));
}

/** True when `method` is named in `allow`, by name (`ListOrders`) or full name (`orders.v1.OrderService.ListOrders`). */
export function isAllowed(service: RpcService, method: RpcMethod, allow: readonly string[]): boolean {
  return allow.includes(method.name) || allow.includes(`${service.fullName}.${method.name}`) || allow.includes(method.path);
}

/** Messages of a contract by fully-qualified name. */
export function messagesByName(contract: ProtoContract): Map<string, RpcMessage> {
  return new Map(contract.messages.map((m) => [m.fullName, m]));
}

/** The field of `message` named `name`, if any. */
export function fieldNamed(message: RpcMessage, name: string): RpcField | undefined {
  return message.fields.find((f) => f.name === name);
}

/** The last segment of a fully-qualified name (`orders.v1.ListOrdersRequest` → `ListOrdersRequest`). */
export function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}
