/**
 * The grouped client object of a generated client
 * (`client.orders.getOrder(args)`), built at run time from the standalone
 * operation functions and typed by a mapped type. The member types are
 * derived lazily (only where a member is used), so a client of a thousand
 * operations costs the compiler little.
 */
import type { HttpClient } from './types.js';

/** A generated operation function without its leading client parameter. */
export type BoundOperation<F> = F extends (client: HttpClient, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** A paginated operation as listed in a group: the page function and its every-item iterator. */
export interface PaginatedEntry<F, A> {
  fn: F;
  all: A;
}

/** The bound groups: each member a bound operation, a paginated one with `.all`. */
export type BoundGroups<T> = {
  [G in keyof T]: { [K in keyof T[G]]: T[G][K] extends PaginatedEntry<infer F, infer A> ? BoundOperation<F> & { all: BoundOperation<A> } : BoundOperation<T[G][K]> };
};

type AnyOperation = (client: HttpClient, ...rest: unknown[]) => unknown;

function bind(client: HttpClient, fn: AnyOperation): (...rest: unknown[]) => unknown {
  return (...rest) => fn(client, ...rest);
}

/**
 * Binds every operation of `groups` (`{ tag: { name: fn | { fn, all } } }`)
 * to `client`; the result also carries `client` itself.
 */
export function bindOperations<T extends object>(client: HttpClient, groups: T): BoundGroups<T> & { client: HttpClient } {
  const out: Record<string, unknown> = { client };
  for (const [group, members] of Object.entries(groups as Record<string, Record<string, AnyOperation | PaginatedEntry<AnyOperation, AnyOperation>>>)) {
    const bound: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(members)) {
      bound[name] = typeof member === 'function' ? bind(client, member) : Object.assign(bind(client, member.fn), { all: bind(client, member.all) });
    }
    out[group] = bound;
  }
  return out as BoundGroups<T> & { client: HttpClient };
}
