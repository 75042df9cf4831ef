/**
 * Matching a request path to the contract's operations: each path template
 * becomes a regular expression, literal segments win over parameters
 * (`/orders/export` before `/orders/{orderId}`), and the path parameters
 * come back decoded.
 */
import type { HttpMethod, HttpOperation } from '../../contracts/model/types.js';

/** One operation with its compiled path template. */
export interface Route {
  operation: HttpOperation;
  /** The server-relative template (`/api/v1/orders/{orderId}`). */
  template: string;
  params: string[];
  regex: RegExp;
  /** Literal segments count, for ordering. */
  literals: number;
}

/** A matched route with its path parameters. */
export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles the operations' templates, most specific first. */
export function compileRoutes(operations: readonly HttpOperation[]): Route[] {
  const routes = operations.map((operation): Route => {
    const params: string[] = [];
    const source = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (!m) return escapeRe(part);
        params.push(m[1]!);
        return '([^/]+)';
      })
      .join('');
    const literals = operation.path.split('/').filter((s) => s !== '' && !s.includes('{')).length;
    return { operation, template: operation.path, params, regex: new RegExp(`^${source.replace(/\/$/, '')}/?$`), literals };
  });
  return routes.sort((a, b) => b.literals - a.literals || a.params.length - b.params.length);
}

/** The route of `method` and `pathname`; `allowed` lists the methods of the path when only the method is wrong. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): { match?: RouteMatch; allowed: HttpMethod[] } {
  const allowed: HttpMethod[] = [];
  for (const route of routes) {
    const m = route.regex.exec(pathname);
    if (!m) continue;
    if (route.operation.method !== method.toLowerCase()) {
      allowed.push(route.operation.method);
      continue;
    }
    const path: Record<string, string> = {};
    route.params.forEach((name, i) => {
      try {
        path[name] = decodeURIComponent(m[i + 1]!);
      } catch {
        path[name] = m[i + 1]!;
      }
    });
    return { match: { route, path }, allowed };
  }
  return { allowed };
}
