/**
 * Connection failures of the PostgreSQL stores (sagas, idempotency keys, 202
 * jobs) as one clear line: which store, where it tried to connect (host, port,
 * database; never the password), what went wrong, and what to check. SQL
 * errors pass through unchanged.
 */

/** What a store keeps, as its connection errors name it: `Cannot use the <store> database at …`. */
export type StoreKind = 'saga' | 'idempotency' | 'job';

/** A store's database cannot be reached or refuses the connection. `code` is the driver's (`ECONNREFUSED`, `28P01`, …). */
export class DatabaseUnavailableError extends Error {
  readonly code: string | undefined;
  /** What the store keeps (`saga`, `idempotency`, `job`). */
  readonly store: StoreKind;
  /** `host:port/database` the store connects to. */
  readonly target: string;
  /** What went wrong and what to check, without the target (the message is `Cannot use the <store> database at <target>: <reason>`). */
  readonly reason: string;
  constructor(store: StoreKind, target: string, reason: string, options: { cause?: unknown; code?: string } = {}) {
    super(`Cannot use the ${store} database at ${target}: ${reason}`, { cause: options.cause });
    this.name = 'DatabaseUnavailableError';
    this.code = options.code;
    this.store = store;
    this.target = target;
    this.reason = reason;
  }
}

/** The saga database cannot be reached or refuses the connection (the saga store's {@link DatabaseUnavailableError}). */
export class SagaStoreUnavailableError extends DatabaseUnavailableError {
  constructor(target: string, reason: string, options: { cause?: unknown; code?: string } = {}) {
    super('saga', target, reason, options);
    this.name = 'SagaStoreUnavailableError';
  }
}

/** Where a pg pool connects: `host:port/database`, from its connection string or options, then libpq's environment defaults. */
export function pgTarget(connection: { connectionString?: string; host?: string; port?: number | string; database?: string } = {}): string {
  let host = connection.host;
  let port = connection.port === undefined ? undefined : String(connection.port);
  let database = connection.database;
  if (connection.connectionString) {
    try {
      const u = new URL(connection.connectionString);
      host ??= decodeURIComponent(u.hostname) || u.searchParams.get('host') || undefined;
      port ??= u.port || undefined;
      database ??= decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined;
    } catch {
      // not a URL (a key=value string): fall back to the defaults below
    }
  }
  host ??= process.env.PGHOST ?? 'localhost';
  port ??= process.env.PGPORT ?? '5432';
  return `${host}:${port}/${database ?? process.env.PGDATABASE ?? ''}`;
}

// errno codes of a connection that could not be made or was cut
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

/** What to check, by failure. */
function hint(code: string | undefined, message: string, target: string): string | undefined {
  const [hostPort] = target.split('/');
  if (code === 'ECONNREFUSED') return `nothing accepts connections at ${hostPort}: check that PostgreSQL is running and the host and port in the URL`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve: check the host in the URL`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /connection timeout|timeout exceeded when trying to connect/i.test(message)) {
    return `no answer from ${hostPort}: check the host and port in the URL and that no firewall drops the connection`;
  }
  if (code === '28P01' || code === '28000') return 'the server refused the login: check the user and password in the URL (and pg_hba.conf)';
  if (code === '3D000') return 'create the database or fix its name in the URL';
  if (code === '57P03') return 'the server is starting up or shutting down: try again shortly';
  if (code?.startsWith('08') || code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|terminating connection/i.test(message)) {
    return `the connection to ${hostPort} was closed: check that PostgreSQL is up and reachable`;
  }
  return undefined;
}

/** True for errors of the connection rather than of a statement. */
export function isPgConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK.has(code) || code.startsWith('08') || code.startsWith('28') || code === '3D000' || code.startsWith('57P'))) return true;
  return /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(err.message);
}

/** Wraps a connection error in a {@link SagaStoreUnavailableError} naming `target`; other errors are returned as they are. */
export function pgConnectionError(err: unknown, target: string, store: StoreKind = 'saga'): unknown {
  if (err instanceof DatabaseUnavailableError || !isPgConnectionError(err)) return err;
  const e = err as Error & { code?: string };
  const why = hint(e.code, e.message, target);
  const what = e.message.replace(/\s+/g, ' ').trim(); // one line, whatever the driver says
  const reason = `${what}${e.code && !what.includes(e.code) ? ` (${e.code})` : ''}${why ? `; ${why}.` : '.'}`;
  const options = { cause: err, ...(e.code ? { code: e.code } : {}) };
  return store === 'saga' ? new SagaStoreUnavailableError(target, reason, options) : new DatabaseUnavailableError(store, target, reason, options);
}
