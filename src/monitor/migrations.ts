/**
 * The monitor's one schema, as numbered migrations. Each store applies the ones it has not
 * applied yet, in order, each in a transaction, and records it in `schema_migrations`. A
 * database written by a newer spfkit (a version above the last one here) is refused rather
 * than guessed at.
 *
 * The SQL is kept to what SQLite and PostgreSQL both accept; where they differ the statement
 * names a slot that `migrationSql` fills per dialect (DIALECT_SLOTS, the whole difference):
 *   {{id}}     the auto-numbered key: SQLite's rowid alias, PostgreSQL's identity column;
 *   {{domain}} a domain name column: PostgreSQL gets the "C" (byte-order) collation, so
 *              `ORDER BY domain` pages in the same order as SQLite's binary collation on every
 *              server locale (and LIKE 'prefix%' can use the index); SQLite's SQL is plain TEXT,
 *              byte for byte what it was before the slot existed;
 *   {{c}}      ` COLLATE "C"` after a text sort key of an index on PostgreSQL, nothing on SQLite.
 * Times are ISO 8601 UTC text (they sort as text); structured parts of a check are JSON
 * text in `snapshot`, the columns lists filter on are columns of their own.
 */

/** The SQL dialects a store speaks. */
export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  /** 1, 2, 3 … without gaps. */
  version: number;
  name: string;
  /** Statements, in order, with the slots of `DIALECT_SLOTS`. */
  statements: readonly string[];
}

/** What each slot in a migration's SQL becomes per dialect. */
export const DIALECT_SLOTS: Readonly<Record<string, Record<Dialect, string>>> = Object.freeze({
  id: { sqlite: 'INTEGER PRIMARY KEY', postgres: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' },
  domain: { sqlite: 'TEXT', postgres: 'TEXT COLLATE "C"' },
  // Byte-order collation of a text sort key in an index (PostgreSQL; SQLite's is binary already).
  c: { sqlite: '', postgres: ' COLLATE "C"' },
});

/**
 * The dashboard's sort keys as SQL (rows.ts orders by exactly these, so the indexes of
 * migration 6 serve the ORDER BY): the situation as its rank in MONITOR_SITUATIONS (worst
 * first, never checked last), and the latest check's time with "never" ('') first. No NULLs
 * in a key, so SQLite and PostgreSQL (which order NULLs differently) page alike.
 */
export const SORT_SQL = Object.freeze({
  situation: "(CASE last_situation WHEN 'not-authorised' THEN 0 WHEN 'broken' THEN 1 WHEN 'could-not-check' THEN 2 WHEN 'none' THEN 3 WHEN 'authorised' THEN 4 ELSE 5 END)",
  checked: "(COALESCE(last_checked_at, ''){{c}})",
});

/** The table that records which migrations were applied. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Every migration, oldest first. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'watched domains, checks, events',
    statements: [
      `CREATE TABLE watched_domains (
        domain {{domain}} PRIMARY KEY,
        services TEXT NOT NULL,
        dkim_selectors TEXT NOT NULL,
        customer_id TEXT,
        label TEXT,
        schedule TEXT NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_check_id BIGINT,
        last_checked_at TEXT,
        last_situation TEXT
      )`,
      // The dashboard filters on the latest situation and pages in domain order.
      'CREATE INDEX watched_domains_situation ON watched_domains (last_situation, domain)',
      'CREATE INDEX watched_domains_customer ON watched_domains (customer_id)',
      `CREATE TABLE checks (
        id {{id}},
        domain {{domain}} NOT NULL REFERENCES watched_domains (domain) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        situation TEXT NOT NULL,
        lookups INTEGER,
        bytes INTEGER,
        dmarc_policy TEXT,
        snapshot TEXT NOT NULL
      )`,
      'CREATE INDEX checks_domain ON checks (domain, id)',
      `CREATE TABLE events (
        id {{id}},
        check_id BIGINT NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
        domain {{domain}} NOT NULL REFERENCES watched_domains (domain) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (check_id, kind, subject)
      )`,
      'CREATE INDEX events_domain ON events (domain, id)',
      'CREATE INDEX events_kind ON events (kind, id)',
    ],
  },
  {
    version: 2,
    name: 'API tokens',
    statements: [
      // Only the SHA-256 of a token's secret is kept (tokens.ts); the token is shown once.
      `CREATE TABLE api_tokens (
        id {{id}},
        label TEXT,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'schedules: groups, group schedules, when each domain is next due',
    statements: [
      'ALTER TABLE watched_domains ADD COLUMN group_name TEXT',
      // NULL: not planned yet (new, or its schedule changed); the scheduler fills it in.
      'ALTER TABLE watched_domains ADD COLUMN next_due_at TEXT',
      'CREATE INDEX watched_domains_due ON watched_domains (next_due_at)',
      'CREATE INDEX watched_domains_group ON watched_domains (group_name, domain)',
      `CREATE TABLE group_schedules (
        name TEXT PRIMARY KEY,
        schedule TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'alerts: webhooks and their delivery log',
    statements: [
      `CREATE TABLE webhooks (
        id {{id}},
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE webhook_deliveries (
        id {{id}},
        hook_id BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id BIGINT NOT NULL,
        at TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        status TEXT NOT NULL,
        response_status INTEGER,
        error TEXT
      )`,
      'CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (hook_id, id)',
    ],
  },
  {
    version: 5,
    name: 'markers: how far a job has got (the last event id a digest covered)',
    statements: [
      `CREATE TABLE markers (
        name TEXT PRIMARY KEY,
        value BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 6,
    name: 'dashboard: sort by situation and by last check, with an index each',
    statements: [
      // Expression indexes on the very expressions of SORT_SQL (kept literal here: a shipped migration never changes).
      "CREATE INDEX watched_domains_rank ON watched_domains ((CASE last_situation WHEN 'not-authorised' THEN 0 WHEN 'broken' THEN 1 WHEN 'could-not-check' THEN 2 WHEN 'none' THEN 3 WHEN 'authorised' THEN 4 ELSE 5 END), domain)",
      "CREATE INDEX watched_domains_checked ON watched_domains ((COALESCE(last_checked_at, ''){{c}}), domain)",
    ],
  },
  {
    version: 7,
    name: 'queue workers: a check per domain and schedule slot, bulk runs and their report rows',
    statements: [
      // The slot a queued check belongs to (a scheduler round, issue 12): a batch retried after
      // a worker died writes each domain's check once. NULL (checks made outside the queue) never
      // conflicts: both SQLite and PostgreSQL treat NULLs in a unique index as distinct.
      'ALTER TABLE checks ADD COLUMN slot TEXT',
      'CREATE UNIQUE INDEX checks_domain_slot ON checks (domain, slot)',
      // A bulk run on the queue (`spfkit bulk --queue`): what it checks for, and its report rows,
      // one per input line, so a run re-started with the same id goes on where it stopped.
      `CREATE TABLE bulk_runs (
        id TEXT PRIMARY KEY,
        spec TEXT NOT NULL,
        total INTEGER NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE bulk_rows (
        id {{id}},
        run_id TEXT NOT NULL REFERENCES bulk_runs (id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        situation TEXT NOT NULL,
        row TEXT NOT NULL,
        UNIQUE (run_id, line)
      )`,
      'CREATE INDEX bulk_rows_run ON bulk_rows (run_id, id)',
    ],
  },
]);

/**
 * The statements of a migration for a dialect.
 *
 * @example
 * migrationSql(MIGRATIONS[0], 'postgres')[3]; // 'CREATE TABLE checks (\n id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, …'
 */
export function migrationSql(migration: Migration, dialect: Dialect): string[] {
  return migration.statements.map((sql) =>
    sql.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => {
      const fill = DIALECT_SLOTS[name];
      if (fill === undefined) throw new Error(`migration ${migration.version} names an unknown slot ${slot}`);
      return fill[dialect];
    }),
  );
}

/** The database was written by a newer spfkit, or the migration list is not 1, 2, 3 …. */
export class SchemaVersionError extends Error {
  override name = 'SchemaVersionError';
}

/**
 * The migrations to apply on a database at `applied` (the versions it has), in order.
 * Throws `SchemaVersionError` for a database newer than `migrations` or a list with gaps.
 *
 * @example
 * pendingMigrations([], MIGRATIONS).map((m) => m.version); // [1]
 * pendingMigrations([1], MIGRATIONS);                      // []
 */
export function pendingMigrations(applied: readonly number[], migrations: readonly Migration[]): Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new SchemaVersionError(`migration ${i + 1} is numbered ${m.version}: versions must be 1, 2, 3 …`);
  });
  const known = migrations.length;
  const newest = Math.max(0, ...applied);
  if (newest > known) throw new SchemaVersionError(`the database is at schema version ${newest}, this spfkit knows up to ${known}: use a newer spfkit`);
  const done = new Set(applied);
  return migrations.filter((m) => !done.has(m.version));
}
