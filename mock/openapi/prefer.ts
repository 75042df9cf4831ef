/**
 * The `Prefer` header preferences the mock honours (RFC 7240 syntax, the
 * names Prism uses): `example=<name>`, `status=<code>` (also `code=`),
 * `delay=<ms>`. Several may be given, comma- or semicolon-separated.
 */

/** What a request asked the mock for. */
export interface MockPreferences {
  example?: string;
  status?: number;
  delayMs?: number;
}

/** The preferences in a `Prefer` header value (unknown preferences ignored, as RFC 7240 says). */
export function parsePrefer(header: string | string[] | undefined): MockPreferences {
  const out: MockPreferences = {};
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of text.split(/[,;]/)) {
    const m = /^\s*([a-zA-Z-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    const name = key.toLowerCase();
    if (name === 'example') out.example = value;
    else if ((name === 'status' || name === 'code') && /^[1-5]\d\d$/.test(value)) out.status = Number(value);
    else if (name === 'delay' && /^\d+$/.test(value)) out.delayMs = Math.min(Number(value), 60_000);
  }
  return out;
}
