/**
 * Which service a contract (or a proto service) describes.
 *
 * In order: an explicit `x-service` in the document's `info` (OpenAPI,
 * AsyncAPI); the last segment of a proto package before its version
 * (`orders.v1` → `orders`, `acme.orders.v1` → `orders`);
 * a GraphQL subgraph's name; the document's title without a trailing
 * `API`/`events`/`service` (`Order events` → `order`); else the contract name.
 * Names that differ only by a plural `s` (`order`, `orders`) are one service,
 * shown under the most explicit name (x-service, then proto, then GraphQL,
 * then titles), so the orders service's REST, gRPC and event contracts meet.
 */
import type { Contract } from '../model/types.js';
import type { ServiceOrigin } from './types.js';

/** A service name and where it came from. */
export interface ServiceName {
  name: string;
  origin: ServiceOrigin;
}

const ORIGIN_RANK: Record<ServiceOrigin, number> = { 'x-service': 0, 'proto-package': 1, 'graphql-subgraph': 2, title: 3, 'contract-name': 4 };

/** Kebab-case id of a name (`Order Events` → `order-events`); never empty. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'unnamed';
}

/** The key two names of one service share: the slug without a trailing plural `s`. */
export function serviceKey(name: string): string {
  const s = slug(name);
  return s.length > 3 && s.endsWith('s') && !s.endsWith('ss') ? s.slice(0, -1) : s;
}

/** True when `a` is a better name for a service than `b`. */
export function betterName(a: ServiceName, b: ServiceName): boolean {
  const ra = ORIGIN_RANK[a.origin];
  const rb = ORIGIN_RANK[b.origin];
  if (ra !== rb) return ra < rb;
  return a.name < b.name;
}

/** The `x-service` of a document's `info`, when it is a non-empty string. */
function xService(document: Record<string, unknown>): string | undefined {
  const info = document.info as Record<string, unknown> | undefined;
  const v = info && typeof info === 'object' ? info['x-service'] : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A title without its trailing kind word (`Orders API` → `Orders`); undefined when nothing is left. */
function fromTitle(title: string): string | undefined {
  const t = title.replace(/\s+(api|apis|events?|service|services|grpc|rest)\s*$/i, '').trim();
  return t === '' ? undefined : slug(t);
}

/** The service an OpenAPI or AsyncAPI contract describes. */
export function documentService(contract: Extract<Contract, { kind: 'openapi' | 'asyncapi' }>): ServiceName {
  const explicit = xService(contract.document);
  if (explicit) return { name: explicit, origin: 'x-service' };
  const titled = contract.title ? fromTitle(contract.title) : undefined;
  if (titled) return { name: titled, origin: 'title' };
  return { name: contract.name, origin: 'contract-name' };
}

/** The service a proto package belongs to (`orders.v1` → `orders`; `acme.orders.v1` → `orders`). */
export function protoService(pkg: string, contractName: string): ServiceName {
  const parts = pkg.split('.').filter((p) => p !== '' && !/^v\d+(?:(?:alpha|beta)\d*)?$/.test(p));
  const last = parts[parts.length - 1];
  return last ? { name: last, origin: 'proto-package' } : { name: contractName, origin: 'contract-name' };
}
