/**
 * Asynchronous request/response: a 202 Accepted with a status URL (the
 * `Location`, `Content-Location` or `Operation-Location` header, or
 * `statusUrl` in the body) becomes a handle whose `wait()` polls with backoff
 * until the work is done, has failed, or the time is up. What the status
 * body says is read by {@link completionOf}: a `status`/`state`/`phase`
 * field with the common vocabularies, a long-running operation's `done`, or
 * the operation's own {@link CompletionSpec}; a 303 See Other leads to the result.
 */
import type { HttpClient } from './types.js';
import { completionOf, type CompletionRule } from './completion.js';
import { HttpTimeoutError, OperationFailedError } from './errors.js';
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
  /** The status field and its terminal values (or how else the polls end), overriding the operation's (from the contract) and the common vocabulary. */
  completion?: CompletionRule;
  /** Decides alone when a status body is final (it is then returned as is; failures are not told apart). */
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
  /**
   * Polls the status URL until the work is done and resolves with the final
   * result: the status body (or its result member), or what a 303 See Other
   * leads to. Rejects with an OperationFailedError when the work failed, and
   * an HttpTimeoutError when it is not done in time.
   */
  wait(options?: WaitOptions): Promise<TFinal>;
}

/** How a handle polls: what the operation needs on every poll, and how its status body reads. */
export interface PollSpec extends Pick<RequestSpec, 'preciseIntegers'> {
  completion?: CompletionRule;
}

/** True when a status body says the work has finished (done or failed), as `wait()` reads it without a spec. */
export function isFinalStatus(body: unknown): boolean {
  return completionOf(body).state !== 'pending';
}

/** Headers and body members that point at a 202's status monitor, most specific first. */
const STATUS_HEADERS = ['location', 'operation-location', 'content-location'];
const STATUS_FIELDS = ['statusUrl', 'status_url', 'statusURL', 'monitorUrl', 'href'];

function statusUrlOf(result: HttpResult<unknown>): string | undefined {
  const body = result.data && typeof result.data === 'object' ? (result.data as Record<string, unknown>) : {};
  const raw = STATUS_HEADERS.map((h) => result.headers.get(h)).find((v) => v) ?? STATUS_FIELDS.map((f) => body[f]).find((v) => typeof v === 'string');
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
export function acceptedHandle<TAccepted, TFinal = unknown>(client: HttpClient, result: HttpResult<TAccepted>, callOptions: CallOptions = {}, poll: PollSpec = {}): AcceptedHandle<TAccepted, TFinal> {
  const statusUrl = result.status === 202 ? statusUrlOf(result) : undefined;
  const request: RequestSpec = poll.preciseIntegers ? { method: 'GET', url: statusUrl, preciseIntegers: true } : { method: 'GET', url: statusUrl };
  return {
    status: result.status,
    accepted: result.data,
    statusUrl,
    async wait(options: WaitOptions = {}): Promise<TFinal> {
      if (result.status !== 202) return result.data as unknown as TFinal;
      if (!statusUrl) throw new TypeError(`The 202 response from ${result.url} gave no status URL (Location, Operation-Location or Content-Location header, or statusUrl) to poll`);
      const timeoutMs = options.timeoutMs ?? 60_000;
      const deadline = Date.now() + timeoutMs;
      const rule = options.completion ?? poll.completion;
      const spec = typeof rule === 'object' ? rule : undefined;
      let interval = options.intervalMs ?? 250;
      let wait = retryAfterMs(result.headers) ?? interval;
      let unknownState: string | undefined;
      for (;;) {
        if (Date.now() + wait > deadline) {
          const detail = unknownState !== undefined
            ? `the status said \`${unknownState}\`, which is no known done, failed or pending state (pass \`completion: { field, done, failed }\` to wait() to name them)`
            : undefined;
          throw new HttpTimeoutError(timeoutMs, statusUrl, detail);
        }
        await sleep(wait, options.signal);
        const polled = await client.call(request, { ...callOptions, headers: undefined, idempotencyKey: undefined, signal: options.signal ?? callOptions.signal });
        interval = Math.min(options.maxIntervalMs ?? 5_000, interval * 1.5);
        wait = retryAfterMs(polled.headers) ?? interval;
        if (polled.status === 202) continue;
        // fetch followed a redirect (303 See Other): the body is the result, whatever it contains
        if (polled.response?.redirected) return polled.data as TFinal;
        if (options.isDone) {
          if (options.isDone(polled.data)) return polled.data as TFinal;
          continue;
        }
        if (rule === 'not-202') return polled.data as TFinal;
        const c = completionOf(polled.data, spec);
        // with 'see-other' only the redirect ends the wait: a body that looks done is progress
        if (c.state === 'done' && rule !== 'see-other') return c.result as TFinal;
        if (c.state === 'failed') throw new OperationFailedError(statusUrl, c.value, polled.data, c.error);
        unknownState = c.state === 'pending' && !c.known ? c.value : undefined;
      }
    },
  };
}
