/**
 * Authentication: bearer tokens, API keys, basic credentials, and token
 * providers (an OAuth2 client-credentials provider with caching is included).
 */
import { appendHeader } from './encode.js';
import type { HttpAuth, TokenProvider } from './types.js';

async function value(v: string | TokenProvider): Promise<string> {
  return typeof v === 'function' ? v() : v;
}

/** Applies `auth` to the request URL and headers of one attempt. */
export async function applyAuth(auth: HttpAuth | undefined, url: URL, headers: Headers): Promise<void> {
  if (!auth) return;
  if (typeof auth === 'function') return void headers.set('authorization', `Bearer ${await auth()}`);
  switch (auth.type) {
    case 'bearer':
      headers.set('authorization', `Bearer ${await value(auth.token)}`);
      return;
    case 'basic':
      headers.set('authorization', `Basic ${btoa(unescape(encodeURIComponent(`${auth.username}:${auth.password}`)))}`);
      return;
    case 'apiKey': {
      const v = await value(auth.value);
      if (auth.in === 'query') url.searchParams.set(auth.name, v);
      else if (auth.in === 'cookie') headers.append('cookie', `${auth.name}=${encodeURIComponent(v)}`);
      else headers.set(auth.name, v);
    }
  }
}

/**
 * Applies `auth` to one attempt's URL string and plain header record (the
 * client's hot path); returns the URL (changed only for API keys in the query).
 */
export async function authorize(auth: HttpAuth, url: string, headers: Record<string, string>): Promise<string> {
  if (typeof auth === 'function') {
    headers.authorization = `Bearer ${await auth()}`;
    return url;
  }
  switch (auth.type) {
    case 'bearer':
      headers.authorization = `Bearer ${await value(auth.token)}`;
      return url;
    case 'basic':
      headers.authorization = `Basic ${btoa(unescape(encodeURIComponent(`${auth.username}:${auth.password}`)))}`;
      return url;
    case 'apiKey': {
      const v = await value(auth.value);
      if (auth.in === 'query') {
        const u = new URL(url);
        u.searchParams.set(auth.name, v);
        return u.href;
      }
      if (auth.in === 'cookie') appendHeader(headers, 'cookie', `${auth.name}=${encodeURIComponent(v)}`);
      else headers[auth.name.toLowerCase()] = v;
      return url;
    }
  }
}

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  fetch?: typeof fetch;
}

/**
 * An OAuth2 client-credentials token provider: fetches a token, caches it
 * until shortly before it expires, and shares one request among concurrent callers.
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const doFetch = options.fetch ?? fetch;
  return () => {
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    pending ??= (async () => {
      try {
        const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret });
        if (options.scope) body.set('scope', options.scope);
        const res = await doFetch(options.tokenUrl, { method: 'POST', body, headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`Token request to ${options.tokenUrl} failed with HTTP ${res.status}`);
        const json = (await res.json()) as { access_token: string; expires_in?: number };
        // renew 30 s early so a token never expires in flight
        cached = { token: json.access_token, expiresAt: Date.now() + Math.max(0, (json.expires_in ?? 300) - 30) * 1000 };
        return json.access_token;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}
