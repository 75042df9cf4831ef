/**
 * Turning a {@link RequestSpec} into a URL, headers and a body: path
 * parameters (percent-encoded), query parameters (form style, arrays exploded),
 * cookies, and JSON / form / multipart / binary / text bodies.
 */
import { parseJsonPrecise, stringifyJson } from './revive.js';
import type { BodyEncoding, RequestSpec } from './types.js';

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Joins base URL, path template and query into the request URL. */
export function buildUrl(baseUrl: string, spec: RequestSpec): URL {
  let url: URL;
  if (spec.url !== undefined) {
    url = new URL(spec.url, baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  } else {
    const path = (spec.path ?? '').replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = spec.pathParams?.[name];
      if (value === undefined || value === null) throw new TypeError(`Missing path parameter "${name}" for ${spec.path}`);
      return encodeURIComponent(scalar(value));
    });
    url = new URL(baseUrl.replace(/\/+$/, '') + path);
  }
  appendQuery(url.searchParams, spec.query);
  return url;
}

/** A compiled path template: literal parts and parameter names, alternating (literal first). */
type PathTemplate = { parts: string[]; names: string[] };

/**
 * A fast URL builder for one base URL: the base is normalized once and path
 * templates are compiled once, so a call is string concatenation (no URL
 * objects). Returns the same href `buildUrl` gives; falls back to it for the
 * rare shapes concatenation cannot cover (a base or path with `?`/`#`, `url` specs).
 */
export function createUrlBuilder(baseUrl: string): (spec: RequestSpec) => string {
  const base = baseUrl.replace(/\/+$/, '');
  const plainBase = !/[?#]/.test(base);
  const templates = new Map<string, PathTemplate | null>();
  const compile = (path: string): PathTemplate | null => {
    if (/[?#]/.test(path)) return null;
    const parts: string[] = [];
    const names: string[] = [];
    let last = 0;
    for (const m of path.matchAll(/\{([^}]+)\}/g)) {
      parts.push(path.slice(last, m.index));
      names.push(m[1]!);
      last = m.index! + m[0].length;
    }
    parts.push(path.slice(last));
    return { parts, names };
  };
  return (spec) => {
    if (spec.url !== undefined || !plainBase) return buildUrl(baseUrl, spec).href;
    const path = spec.path ?? '';
    let t = templates.get(path);
    if (t === undefined) templates.set(path, (t = compile(path)));
    if (t === null) return buildUrl(baseUrl, spec).href;
    let url = base + t.parts[0]!;
    for (let i = 0; i < t.names.length; i++) {
      const value = spec.pathParams?.[t.names[i]!];
      if (value === undefined || value === null) throw new TypeError(`Missing path parameter "${t.names[i]}" for ${spec.path}`);
      url += encodeURIComponent(scalar(value)) + t.parts[i + 1]!;
    }
    if (spec.query) {
      const params = new URLSearchParams();
      appendQuery(params, spec.query);
      const q = params.toString();
      if (q !== '') url += '?' + q;
    }
    return url;
  };
}

/** Appends query parameters, form style: arrays repeat the key, objects spread their members. */
export function appendQuery(params: URLSearchParams, query: Record<string, unknown> | undefined): void {
  if (!query) return;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(name, scalar(v));
    else if (typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && v !== null) params.append(k, scalar(v));
    } else params.append(name, scalar(value));
  }
}

/** Header and cookie parameters into a Headers object. */
export function buildHeaders(spec: RequestSpec, base: Record<string, string> | undefined, extra: Record<string, string> | undefined): Headers {
  const headers = new Headers(base);
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    if (value !== undefined && value !== null) headers.set(name, Array.isArray(value) ? value.map(scalar).join(', ') : scalar(value));
  }
  const cookies = Object.entries(spec.cookies ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (cookies.length) headers.append('cookie', cookies.map(([k, v]) => `${k}=${encodeURIComponent(scalar(v))}`).join('; '));
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
  return headers;
}

/**
 * Header and cookie parameters as a plain record with lower-case names (what
 * `fetch` accepts without a Headers object); same precedence and joining as {@link buildHeaders}.
 */
export function headerRecord(spec: RequestSpec, base: Record<string, string> | undefined, ...extras: (Record<string, string | undefined> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (base) for (const name in base) out[name.toLowerCase()] = base[name]!;
  if (spec.headers) {
    for (const name in spec.headers) {
      const value = spec.headers[name];
      if (value !== undefined && value !== null) out[name.toLowerCase()] = Array.isArray(value) ? value.map(scalar).join(', ') : scalar(value);
    }
  }
  if (spec.cookies) {
    const cookies = Object.entries(spec.cookies).filter(([, v]) => v !== undefined && v !== null);
    if (cookies.length) appendHeader(out, 'cookie', cookies.map(([k, v]) => `${k}=${encodeURIComponent(scalar(v))}`).join('; '));
  }
  for (const extra of extras) if (extra) for (const name in extra) if (extra[name] !== undefined) out[name.toLowerCase()] = extra[name]!;
  return out;
}

/** Appends like `Headers.append`: cookies join with `; `, other headers with `, `. */
export function appendHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  const had = headers[key];
  headers[key] = had === undefined ? value : `${had}${key === 'cookie' ? '; ' : ', '}${value}`;
}

const DEFAULT_MEDIA: Record<BodyEncoding, string | undefined> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: undefined, // fetch sets the boundary
  binary: 'application/octet-stream',
  text: 'text/plain',
};

/** The body to send and its Content-Type (undefined: let fetch decide). */
export function encodeBody(spec: RequestSpec): { body: BodyInit | undefined; contentType: string | undefined } {
  if (spec.body === undefined) return { body: undefined, contentType: undefined };
  const encoding = spec.bodyEncoding ?? 'json';
  const contentType = encoding === 'multipart' ? undefined : (spec.mediaType ?? DEFAULT_MEDIA[encoding]);
  switch (encoding) {
    case 'json':
      return { body: spec.preciseIntegers ? stringifyJson(spec.body) : JSON.stringify(spec.body), contentType };
    case 'form': {
      const params = new URLSearchParams();
      appendQuery(params, spec.body as Record<string, unknown>);
      return { body: params, contentType };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of Object.entries(spec.body as Record<string, unknown>)) {
        if (value === undefined || value === null) continue;
        for (const v of Array.isArray(value) ? value : [value]) form.append(name, v instanceof Blob ? v : scalar(v));
      }
      return { body: form, contentType };
    }
    case 'text':
      return { body: String(spec.body), contentType };
    default:
      return { body: spec.body as BodyInit, contentType };
  }
}

/** Parses a response body by its Content-Type: JSON (integers beyond 2^53 kept exact when `precise`), text, or a Blob; undefined when empty. */
export async function decodeBody(response: Response, precise = false): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || response.status === 304) {
    await response.body?.cancel();
    return undefined;
  }
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (/[/+]json\b/.test(type)) {
    const text = await response.text();
    return text === '' ? undefined : precise ? parseJsonPrecise(text) : JSON.parse(text);
  }
  if (type.startsWith('text/') || type === '' || type.includes('xml')) {
    const text = await response.text();
    return text === '' ? undefined : text;
  }
  return response.blob();
}
