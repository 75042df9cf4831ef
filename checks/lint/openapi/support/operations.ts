/**
 * A Redocly visitor that hands each HTTP operation to a rule with what rules
 * keep asking for: its path, method, merged parameters and responses, each
 * with the location it is written at (following `$ref`s into other files).
 */
import type { Location, UserContext } from '@redocly/openapi-core';

/** A node and where it is written. */
export interface Located<T = any> {
  node: T;
  location: Location;
}

/** A parameter after `$ref` resolution and path-level/operation-level merging. */
export interface ParameterInfo extends Located {
  name: string;
  in: string;
}

/** A response of an operation. */
export interface ResponseInfo extends Located {
  /** Status code as written (`200`, `4XX`, `default`). */
  code: string;
  /** Location of the status code key inside the operation (where status findings point). */
  codeLocation: Location;
}

/** One HTTP operation as rules see it. */
export interface OperationInfo {
  /** Path template (`/orders/{orderId}`). */
  path: string;
  /** Lower-case method (`get`). */
  method: string;
  operation: any;
  /** Location of the operation object; `.key()` is the method key. */
  location: Location;
  parameters: ParameterInfo[];
  responses: ResponseInfo[];
  /** The OpenAPI 3 request body (resolved), or the OpenAPI 2 `body`/`formData` parameter. */
  requestBody?: Located;
  /** The path item the operation is in (its sibling operations, path-level parameters). */
  pathItem: Located;
  /** Every path template of the document (to tell collections from items). */
  allPaths: ReadonlySet<string>;
  /** The document root (servers, basePath, produces). */
  root: any;
  ctx: UserContext;
}

/** Resolves a possibly-`$ref` node; `location` is where the resolved node is written. */
export function resolveAt(ctx: UserContext, node: unknown, location: Location): Located | undefined {
  if (node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const resolved = ctx.resolve(node as { $ref: string }, location.source.absoluteRef);
    return resolved.node === undefined ? undefined : { node: resolved.node, location: resolved.location };
  }
  return node === undefined || node === null ? undefined : { node, location };
}

const described = new WeakMap<object, Omit<OperationInfo, 'ctx'>>();

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

/**
 * Builds a visitor calling `onOperation` for every operation under `paths`
 * (not webhooks or callbacks, whose keys are not paths).
 */
export function operationVisitor(onOperation: (op: OperationInfo) => void): Record<string, unknown> {
  const stack: { path?: string; node: any; location: Location }[] = [];
  let root: any;
  let allPaths: Set<string> = new Set();
  return {
    Root: {
      enter(node: any) {
        root = node;
        allPaths = new Set(Object.keys(node?.paths ?? {}));
      },
    },
    PathItem: {
      enter(node: any, ctx: UserContext) {
        const key = typeof ctx.key === 'string' && ctx.key.startsWith('/') && ctx.parent === root?.paths ? ctx.key : undefined;
        stack.push({ path: key, node, location: ctx.location });
      },
      leave() {
        stack.pop();
      },
    },
    Operation: {
      enter(operation: any, ctx: UserContext) {
        const item = stack[stack.length - 1];
        const method = String(ctx.key).toLowerCase();
        if (!item?.path || !METHODS.has(method) || !operation || typeof operation !== 'object') return;
        // Nine rules look at every operation in the same walk: describe it once, then hand each rule its own ctx.
        let shared = described.get(operation);
        if (!shared || shared.path !== item.path || shared.method !== method) {
          shared = describeOperation(operation, ctx, item, method, allPaths, root);
          described.set(operation, shared);
        }
        onOperation({ ...shared, ctx });
      },
    },
  };
}

function describeOperation(
  operation: any,
  ctx: UserContext,
  item: { path?: string; node: any; location: Location },
  method: string,
  allPaths: ReadonlySet<string>,
  root: any,
): Omit<OperationInfo, 'ctx'> {
  const location = ctx.location;
  const byKey = new Map<string, ParameterInfo>();
  const collect = (list: unknown, base: Location) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const r = resolveAt(ctx, raw, base.child(['parameters', i]));
      if (!r || typeof r.node?.name !== 'string' || typeof r.node?.in !== 'string') return;
      // An operation-level parameter overrides the path-level one with the same name and location.
      byKey.set(`${r.node.in}:${r.node.name.toLowerCase()}`, { ...r, name: r.node.name, in: r.node.in });
    });
  };
  collect(item.node?.parameters, item.location);
  collect(operation?.parameters, location);
  const parameters = [...byKey.values()];

  const responses: ResponseInfo[] = [];
  const rawResponses = operation?.responses;
  if (rawResponses && typeof rawResponses === 'object') {
    for (const code of Object.keys(rawResponses)) {
      if (code.startsWith('x-')) continue;
      const codeLocation = location.child(['responses', code]);
      const r = resolveAt(ctx, rawResponses[code], codeLocation);
      if (r) responses.push({ ...r, code, codeLocation: codeLocation.key() });
    }
  }

  let requestBody: Located | undefined;
  if (operation?.requestBody !== undefined) requestBody = resolveAt(ctx, operation.requestBody, location.child(['requestBody']));
  else {
    const body = parameters.find((p) => p.in === 'body' || p.in === 'formData');
    if (body) requestBody = body;
  }

  return { path: item.path!, method, operation, location, parameters, responses, requestBody, pathItem: { node: item.node, location: item.location }, allPaths, root };
}
