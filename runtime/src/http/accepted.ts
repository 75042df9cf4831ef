/**
 * Asynchronous request/response: a 202 Accepted with a status URL (the
 * `Location` header, or `statusUrl` in the body) becomes a handle whose
 * `wait()` polls with backoff until the operation is done or the time is up.
 */
import type { HttpClient } from './client.js';
import { HttpTimeoutError } from './errors.js';
import { retryAfterMs } from './policies.js';
import type { CallOptions, HttpResult, RequestSpec } from './types.js';

/** Options of {@link AcceptedHandle.wait}. */
export interface WaitOptions {
  /** Give up after this many ms (default 60 000) with an HttpTimeoutError. */
  timeoutMs?: number;
  /** First poll interval in ms (default 250); grows ×1.5 per poll up to `maxIntervalMs` (default 5 000). A `Retry-After` wins. */
  intervalMs?: number;
  maxIntervalMs?: number;
  signal?: AbortSignal;
  /** Decides when the status body is final (default: no `status` field, or one that is not pending/running/queued/accepted/in progress). */
  isDone?: (status: unknown) => boolean;
}

/** The handle of an accepted (202) request. */
export interface AcceptedHandle<TAccepted, TFinal = unknown> {
  /** The status the request was answered with (202, or 2xx when the server finished at once). */
  status: number;
  /** The 202 response body (for example `{ requestId, statusUrl }`). */
  accepted: TAccepted;
  /** Absolute URL polled by `wait()`, when the server gave one. */
  statusUrl?: string;
  /** Polls the status URL until done; resolves with the final status body. */
  wait(options?: WaitOptions): Promise<TFinal>;
}

const PENDING = new Set(['pending', 'running', 'queued', 'accepted', 'in_progress', 'in-progress', 'inprogress', 'processing', 'started', 'submitted', 'notstarted', 'not_started']);

/** The default `isDone`: a body without a `status` string, or whose status is not a pending one. */
export function isFinalStatus(body: unknown): boolean {
  const status = body && typeof body === 'object' ? (body as Record<string, unknown>).status : undefined;
  return typeof status !== 'string' || !PENDING.has(status.toLowerCase());
}

function statusUrlOf(result: HttpResult<unknown>): string | undefined {
  const body = result.data && typeof result.data === 'object' ? (result.data as Record<string, unknown>) : {};
  const raw = result.headers.get('location') ?? [body.statusUrl, body.status_url, body.href].find((v) => typeof v === 'string');
  return typeof raw === 'string' ? new URL(raw, result.url).href : undefined;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Wraps the result of a call that may answer 202 into an {@link AcceptedHandle}. */
export function acceptedHandle<TAccepted, TFinal = unknown>(client: HttpClient, result: HttpResult<TAccepted>, callOptions: CallOptions = {}, poll: Pick<RequestSpec, 'preciseIntegers'> = {}): AcceptedHandle<TAccepted, TFinal> {
  const statusUrl = result.status === 202 ? statusUrlOf(result) : undefined;
  return {
    status: result.status,
    accepted: result.data,
    statusUrl,
    async wait(options: WaitOptions = {}): Promise<TFinal> {
      if (result.status !== 202) return result.data as unknown as TFinal;
      if (!statusUrl) throw new TypeError(`The 202 response from ${result.url} gave no status URL (Location header or statusUrl) to poll`);
      const timeoutMs = options.timeoutMs ?? 60_000;
      const deadline = Date.now() + timeoutMs;
      const isDone = options.isDone ?? isFinalStatus;
      let interval = options.intervalMs ?? 250;
      let wait = retryAfterMs(result.headers) ?? interval;
      for (;;) {
        if (Date.now() + wait > deadline) throw new HttpTimeoutError(timeoutMs, statusUrl);
        await sleep(wait, options.signal);
        const polled = await client.call({ ...poll, method: 'GET', url: statusUrl }, { ...callOptions, headers: undefined, idempotencyKey: undefined, signal: options.signal ?? callOptions.signal });
        if (polled.status !== 202 && isDone(polled.data)) return polled.data as TFinal;
        interval = Math.min(options.maxIntervalMs ?? 5_000, interval * 1.5);
        wait = retryAfterMs(polled.headers) ?? interval;
      }
    },
  };
}
