/**
 * Create → read pairs: a POST whose path has a GET one path parameter below
 * it (`POST /orders` → `GET /orders/{orderId}`) creates what that GET reads.
 * `verify` reads back every successful create with the id it returned.
 */
import type { HttpOperation, OpenApiContract } from '../../contracts/model/types.js';

/** The operation reading what a create made, and the path parameter the new id goes into. */
export interface CreateRead {
  read: HttpOperation;
  param: string;
}

/** Every POST of `contract` with the GET that reads what it creates. */
export function createReadPairs(contract: OpenApiContract): Map<HttpOperation, CreateRead> {
  const pairs = new Map<HttpOperation, CreateRead>();
  for (const op of contract.operations) {
    if (op.method !== 'post') continue;
    const prefix = op.path.replace(/\/+$/, '');
    for (const o of contract.operations) {
      if (o.method !== 'get' || !o.path.startsWith(`${prefix}/{`)) continue;
      const param = /^\/\{([^}/]+)\}$/.exec(o.path.slice(prefix.length))?.[1];
      if (param) {
        pairs.set(op, { read: o, param });
        break;
      }
    }
  }
  return pairs;
}

/** The id in a created resource: its `id`, else the member named like the path parameter (`orderId`). */
export function createdId(body: unknown, param: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const id = record.id ?? record[param];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
