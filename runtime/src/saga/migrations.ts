/**
 * The saga tables' SQL migrations. They ship with the runtime, run in order
 * on first use (under an advisory lock, so two processes starting together do
 * not race) and are recorded in `<schema>.contractkit_saga_migrations`. The
 * same SQL runs on PostgreSQL and PGlite.
 */

/** Where the saga tables live. */
export interface SagaTableNames {
  /** Schema (created if missing; default `public`). */
  schema: string;
  /** Instance table (default `contractkit_sagas`). */
  table: string;
}

/** One migration: a version and its statements. */
export interface SagaMigration {
  version: number;
  description: string;
  statements(t: SagaTableNames): string[];
}

/** Checks an SQL identifier, since table names are spliced into SQL. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Invalid SQL identifier ${JSON.stringify(name)}: use lowercase letters, digits and _ (at most 63).`);
  }
  return name;
}

/** `schema.table` after checking both parts. */
export function qualified(t: SagaTableNames, table = t.table): string {
  return `${sqlIdentifier(t.schema)}.${sqlIdentifier(table)}`;
}

/** The migrations, oldest first. Never edit one that shipped: add the next. */
export const SAGA_MIGRATIONS: readonly SagaMigration[] = [
  {
    version: 1,
    description: 'saga instances',
    statements: (t) => [
      `CREATE TABLE IF NOT EXISTS ${qualified(t)} (
  id text PRIMARY KEY,
  saga text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'compensating', 'completed', 'compensated', 'compensation_failed', 'failed')),
  step integer NOT NULL DEFAULT 0,
  step_name text NOT NULL DEFAULT '',
  data jsonb NOT NULL,
  attempt integer NOT NULL DEFAULT 0,
  attempts jsonb NOT NULL DEFAULT '{}',
  lease_owner text,
  lease_expires_at timestamptz,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  deadline_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)`,
      `CREATE INDEX IF NOT EXISTS ${sqlIdentifier(t.table)}_active ON ${qualified(t)} (next_attempt_at) WHERE status IN ('running', 'compensating')`,
      `CREATE INDEX IF NOT EXISTS ${sqlIdentifier(t.table)}_status ON ${qualified(t)} (status, created_at)`,
    ],
  },
  {
    version: 2,
    description: 'trace context of each instance (W3C traceparent/tracestate of its start)',
    statements: (t) => [`ALTER TABLE ${qualified(t)} ADD COLUMN IF NOT EXISTS trace_context jsonb`],
  },
];

/** Name of the table that records applied migrations. */
export const MIGRATIONS_TABLE = 'contractkit_saga_migrations';
