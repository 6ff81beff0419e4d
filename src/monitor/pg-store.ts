/**
 * The PostgreSQL store: the same schema and migrations as the embedded SQLite store
 * (migrations.ts, dialect 'postgres'), the same rows and filters (rows.ts), for many machines
 * sharing one database (issue 12). Through `pg` (node-postgres) with a connection pool.
 *
 * Never a hang: connecting gives up after `connectTimeoutMs`, a query after `queryTimeoutMs`.
 * A server that cannot be reached, refuses the user, lacks the database, or goes away while in
 * use is a `StoreUnavailableError` (reason as data); the pool drops the broken connections and
 * the next call connects afresh, so the store works again once the server is back.
 *
 * Migrations run under a session advisory lock, so many workers starting at once against a
 * fresh database apply each migration exactly once.
 */
import pg from 'pg';
import type { CustomTypesConfig, PoolClient, QueryResultRow } from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration, migrationSql, pendingMigrations } from './migrations.ts';
import { type BulkRowRow, type BulkRunRow, bulkRowOf, bulkRunOf, type CheckRow, type DeliveryRow, type DomainRow, type EventRow, type Placeholder, type TokenRow, checkOf, deliveryOf, domainFilter, domainOf, domainOrder, eventFilter, eventOf, pageClause, tokenOf } from './rows.ts';
import { type MonitorStore, NotWatchedError, type SavedCheck, StoreUnavailableError, type StoreUnavailableReason, UnknownBulkRunError, type WatchOutcome } from './store.ts';
import { DEFAULT_SCHEDULE, type StoredEvent, type WatchInput } from './types.ts';

export interface PgStoreOptions {
  /** `postgres://user:password@host:port/database` (libpq URL; `?sslmode=…` as node-postgres reads it). */
  url: string;
  /** The setting the URL came from, named in errors (`DATABASE_URL`). */
  setting?: string;
  /** The schema to bring the database to (default `MIGRATIONS`); tests pass a longer list. */
  migrations?: readonly Migration[];
  /** The clock for `schema_migrations.applied_at` (default: now). */
  now?: () => Date;
  /** Give up connecting after this long (default 5 000 ms). */
  connectTimeoutMs?: number;
  /** Give up waiting for a query's answer after this long (default 30 000 ms). */
  queryTimeoutMs?: number;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/** Key of the advisory lock migrations hold ('spf' '11' as digits; any constant works). */
const MIGRATION_LOCK = 7_208_011;

/** PostgreSQL's parameter placeholders. */
const DOLLAR: Placeholder = (n) => `$${n}`;

/** BIGINT (OID 20) as a JavaScript number: ids and counts stay far below 2^53. */
const INT8_OID = 20;
const TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as CustomTypesConfig['getTypeParser'],
};

/** host:port/database of a URL, for messages: never the user's password. */
export function pgTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get('host') ?? (parsed.hostname === '' ? 'localhost' : parsed.hostname);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres';
    return `${host}:${parsed.port === '' ? '5432' : parsed.port}/${database}`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}

const NETWORK_CODES: Readonly<Record<string, StoreUnavailableReason>> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ECONNRESET: 'lost',
  EPIPE: 'lost',
};

/**
 * Why an error from `pg` means the server cannot be used (undefined: it is an error of the
 * statement, such as a key violation, and stays as it is). SQLSTATE classes per PostgreSQL's
 * appendix A: 08 connection exception, 28 invalid authorization, 3D000 invalid catalog name,
 * 57P01–57P03 operator intervention (shutdown, crash, cannot connect now).
 */
export function unavailableReason(error: unknown): StoreUnavailableReason | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    const network = NETWORK_CODES[code];
    if (network !== undefined) return network;
    if (code.startsWith('28')) return 'auth';
    if (code === '3D000') return 'no-database';
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'lost';
  }
  // Node's happy-eyeballs connect gives an AggregateError of one error per address.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = unavailableReason(inner);
      if (reason !== undefined) return reason;
    }
  }
  // node-postgres's own words (client.js, pg-pool): connect and query timeouts, a dead socket.
  if (/^(timeout expired|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Query read timeout)$/.test(error.message)) return 'timeout';
  if (/^Connection terminated|^Client has encountered a connection error/.test(error.message)) return 'lost';
  return undefined;
}

const REASON_WORDS: Record<StoreUnavailableReason, string> = {
  refused: 'refused the connection (is the server running and listening there?)',
  timeout: 'did not answer in time',
  unreachable: 'cannot be reached (host name or network)',
  auth: 'refused the user or password',
  'no-database': 'has no such database',
  lost: 'closed the connection (the server stopped or restarted)',
};

function unavailable(error: unknown, reason: StoreUnavailableReason, target: string, setting: string | undefined): StoreUnavailableError {
  const detail = error instanceof Error && error.message !== '' ? `: ${error.message}` : '';
  const from = setting === undefined ? '' : ` (${setting})`;
  return new StoreUnavailableError(reason, target, `PostgreSQL at ${target}${from} ${REASON_WORDS[reason]}${detail}`, setting, { cause: error });
}

/**
 * Opens the monitor store in the PostgreSQL database at `url` and brings it to the current
 * schema. Throws `StoreUnavailableError` when the server cannot be used.
 *
 * @example
 * const store = await openPgStore({ url: 'postgres://spfkit@db.internal/spfkit', setting: 'DATABASE_URL' });
 * await store.schemaVersion(); // 1
 */
export async function openPgStore(options: PgStoreOptions): Promise<MonitorStore> {
  const target = pgTarget(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    query_timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    max: options.maxConnections ?? 10,
    keepAlive: true,
    application_name: 'spfkit',
    types: TYPES,
  });
  // An idle connection the server closes (shutdown, restart) is dropped by the pool; without a
  // listener its 'error' would end the process. The next call connects afresh.
  pool.on('error', () => {});
  const wrap = (error: unknown): unknown => {
    const reason = unavailableReason(error);
    return reason === undefined ? error : unavailable(error, reason, target, options.setting);
  };
  try {
    await migrate(pool, options.migrations ?? MIGRATIONS, options.now ?? (() => new Date()));
  } catch (error) {
    await pool.end().catch(() => {});
    throw wrap(error);
  }
  return pgStore(pool, wrap);
}

async function migrate(pool: pg.Pool, migrations: readonly Migration[], now: () => Date): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(MIGRATIONS_TABLE);
      const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
      for (const migration of pendingMigrations(applied, migrations)) {
        await client.query('BEGIN');
        try {
          for (const sql of migrationSql(migration, 'postgres')) await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch((error: unknown) => {
        broken = error instanceof Error ? error : new Error(String(error));
      });
    }
  } catch (error) {
    broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed is closed, not reused (the lock goes with it).
    client.release(broken);
  }
}

function pgStore(pool: pg.Pool, wrap: (error: unknown) => unknown): MonitorStore {
  let closed = false;

  async function query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw wrap(error);
    }
  }

  /** Runs `work` in one transaction on one connection: committed whole, or rolled back. */
  /** Adds a domain or replaces what is watched for it, inside the caller's transaction. */
  async function upsertDomain(client: PoolClient, input: WatchInput, at: string): Promise<WatchOutcome> {
    const values = [
      input.domain,
      JSON.stringify(input.services),
      JSON.stringify(input.dkimSelectors ?? []),
      input.customerId ?? null,
      input.label ?? null,
      input.schedule ?? DEFAULT_SCHEDULE,
      input.group ?? null,
      at,
    ];
    const added = await client.query(
      'INSERT INTO watched_domains (domain, services, dkim_selectors, customer_id, label, schedule, group_name, added_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (domain) DO NOTHING',
      values,
    );
    if (added.rowCount === 1) return 'added';
    // The schedule may have changed: the scheduler plans the domain again.
    await client.query(
      'UPDATE watched_domains SET services = $2, dkim_selectors = $3, customer_id = $4, label = $5, schedule = $6, group_name = $7, next_due_at = NULL, updated_at = $8 WHERE domain = $1',
      values,
    );
    return 'updated';
  }

  async function transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw wrap(error);
    }
    try {
      await client.query('BEGIN');
      const out = await work(client);
      await client.query('COMMIT');
      client.release();
      return out;
    } catch (error) {
      if (unavailableReason(error) !== undefined) {
        // The connection is gone or stuck: close it; the server rolls back what it had.
        client.release(error instanceof Error ? error : true);
      } else {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          client.release(rollbackError instanceof Error ? rollbackError : true);
        }
      }
      throw wrap(error);
    }
  }

  return {
    async schemaVersion() {
      const [row] = await query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
      return row?.version ?? 0;
    },
    async watch(input, at) {
      return transaction((client) => upsertDomain(client, input, at));
    },
    async watchMany(inputs, at) {
      return transaction(async (client) => {
        const outcomes: WatchOutcome[] = [];
        for (const input of inputs) outcomes.push(await upsertDomain(client, input, at));
        return outcomes;
      });
    },
    async unwatch(domain) {
      try {
        return ((await pool.query('DELETE FROM watched_domains WHERE domain = $1', [domain])).rowCount ?? 0) > 0;
      } catch (error) {
        throw wrap(error);
      }
    },
    async getDomain(domain) {
      const [row] = await query<DomainRow>('SELECT * FROM watched_domains WHERE domain = $1', [domain]);
      return row === undefined ? undefined : domainOf(row);
    },
    async listDomains(q = {}) {
      const { where, params } = domainFilter(q, DOLLAR);
      return (await query<DomainRow>(`SELECT * FROM watched_domains${where}${domainOrder(q, 'postgres')}${pageClause(q.limit, q.offset ?? 0)}`, params)).map(domainOf);
    },
    async countDomains(q = {}) {
      const { where, params } = domainFilter(q, DOLLAR);
      const [row] = await query<{ n: number }>(`SELECT COUNT(*) AS n FROM watched_domains${where}`, params);
      return row?.n ?? 0;
    },
    async recentChecks(domain, limit) {
      return (await query<CheckRow>('SELECT id, snapshot FROM checks WHERE domain = $1 ORDER BY id DESC LIMIT $2', [domain, Math.max(0, Math.floor(limit))])).map(checkOf);
    },
    async saveCheck(check, events, slot) {
      return transaction(async (client): Promise<SavedCheck> => {
        // The row lock orders concurrent saves of one domain, so the latest check is the last saved.
        const watched = await client.query('SELECT 1 FROM watched_domains WHERE domain = $1 FOR UPDATE', [check.domain]);
        if (watched.rowCount === 0) throw new NotWatchedError(check.domain);
        // ON CONFLICT: a check for a domain and slot that has one already writes nothing (migration 5).
        const [row] = (
          await client.query<{ id: number }>(
            'INSERT INTO checks (domain, checked_at, situation, lookups, bytes, dmarc_policy, snapshot, slot) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (domain, slot) DO NOTHING RETURNING id',
            [check.domain, check.checkedAt, check.situation, check.spf.lookups ?? null, check.spf.bytes ?? null, check.dmarc.policy ?? null, JSON.stringify(check), slot ?? null],
          )
        ).rows;
        if (row === undefined) {
          const [existing] = (await client.query<CheckRow>('SELECT id, snapshot FROM checks WHERE domain = $1 AND slot = $2', [check.domain, slot ?? null])).rows;
          if (existing === undefined) throw new Error('a check insert conflicted, but no check holds its slot');
          return { check: checkOf(existing), events: [], repeated: true };
        }
        const checkId = row.id;
        await client.query('UPDATE watched_domains SET last_check_id = $1, last_checked_at = $2, last_situation = $3 WHERE domain = $4', [checkId, check.checkedAt, check.situation, check.domain]);
        const stored: StoredEvent[] = [];
        for (const event of events) {
          const [e] = (
            await client.query<{ id: number }>('INSERT INTO events (check_id, domain, at, kind, subject, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
              checkId,
              check.domain,
              check.checkedAt,
              event.kind,
              event.subject,
              JSON.stringify(event),
            ])
          ).rows;
          if (e === undefined) throw new Error('INSERT … RETURNING id gave no row');
          stored.push({ id: e.id, checkId, at: check.checkedAt, ...event });
        }
        return { check: { id: checkId, ...check }, events: stored };
      });
    },
    async checkedInSlot(slot, domains) {
      const rows = await query<{ domain: string }>('SELECT domain FROM checks WHERE slot = $1 AND domain = ANY($2::text[])', [slot, [...domains]]);
      return new Set(rows.map((r) => r.domain));
    },
    async countSlot(slot) {
      const [row] = await query<{ checks: number; events: number }>(
        'SELECT (SELECT COUNT(*) FROM checks WHERE slot = $1) AS checks, (SELECT COUNT(*) FROM events WHERE check_id IN (SELECT id FROM checks WHERE slot = $1)) AS events',
        [slot],
      );
      return { checks: row?.checks ?? 0, events: row?.events ?? 0 };
    },
    async latestSlot() {
      const [row] = await query<{ slot: string | null }>('SELECT MAX(slot) AS slot FROM checks');
      return row?.slot ?? undefined;
    },
    async startBulkRun(run) {
      await query('INSERT INTO bulk_runs (id, spec, total, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [run.id, run.spec, run.total, run.createdAt]);
      const [row] = await query<BulkRunRow>('SELECT id, spec, total, created_at FROM bulk_runs WHERE id = $1', [run.id]);
      if (row === undefined) throw new Error('a bulk run was stored but cannot be read back');
      return bulkRunOf(row);
    },
    async getBulkRun(id) {
      const [row] = await query<BulkRunRow>('SELECT id, spec, total, created_at FROM bulk_runs WHERE id = $1', [id]);
      return row === undefined ? undefined : bulkRunOf(row);
    },
    async saveBulkRows(runId, rows) {
      if ((await query('SELECT 1 FROM bulk_runs WHERE id = $1', [runId])).length === 0) throw new UnknownBulkRunError(runId);
      if (rows.length === 0) return 0;
      // One statement for the batch; ON CONFLICT keeps a line stored by an earlier attempt.
      try {
        const result = await pool.query(
          'INSERT INTO bulk_rows (run_id, line, situation, row) SELECT $1, line, situation, row FROM unnest($2::int[], $3::text[], $4::text[]) AS r (line, situation, row) ON CONFLICT (run_id, line) DO NOTHING',
          [runId, rows.map((r) => r.line), rows.map((r) => r.situation), rows.map((r) => JSON.stringify(r))],
        );
        return result.rowCount ?? 0;
      } catch (error) {
        throw wrap(error);
      }
    },
    async bulkRows(runId, q = {}) {
      return (await query<BulkRowRow>(`SELECT id, row FROM bulk_rows WHERE run_id = $1 AND id > $2 ORDER BY id${pageClause(q.limit)}`, [runId, q.afterId ?? 0])).map(bulkRowOf);
    },
    async bulkLinesDone(runId, lines) {
      const rows = await query<{ line: number }>('SELECT line FROM bulk_rows WHERE run_id = $1 AND line = ANY($2::int[])', [runId, [...lines]]);
      return new Set(rows.map((r) => r.line));
    },
    async countBulkRows(runId) {
      const [row] = await query<{ n: number }>('SELECT COUNT(*) AS n FROM bulk_rows WHERE run_id = $1', [runId]);
      return row?.n ?? 0;
    },
    async listEvents(q = {}) {
      const { where, params } = eventFilter(q, DOLLAR);
      return (await query<EventRow>(`SELECT id, check_id, at, body FROM events${where} ORDER BY id DESC${pageClause(q.limit)}`, params)).map(eventOf);
    },
    async addToken(token) {
      const [row] = await query<{ id: number }>('INSERT INTO api_tokens (label, secret_hash, created_at) VALUES ($1, $2, $3) RETURNING id', [token.label ?? null, token.secretHash, token.createdAt]);
      if (row === undefined) throw new Error('INSERT … RETURNING id gave no row');
      return token.label === undefined ? { id: row.id, createdAt: token.createdAt } : { id: row.id, label: token.label, createdAt: token.createdAt };
    },
    async getToken(id) {
      // An id beyond BIGINT is no token (PostgreSQL would refuse the parameter).
      if (!Number.isSafeInteger(id)) return undefined;
      const [row] = await query<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
      return row === undefined ? undefined : { token: tokenOf(row), secretHash: row.secret_hash };
    },
    async listTokens() {
      return (await query<TokenRow>('SELECT * FROM api_tokens ORDER BY id')).map(tokenOf);
    },
    async removeToken(id) {
      if (!Number.isSafeInteger(id)) return false;
      try {
        return ((await pool.query('DELETE FROM api_tokens WHERE id = $1', [id])).rowCount ?? 0) > 0;
      } catch (error) {
        throw wrap(error);
      }
    },
    async dueDomains(now, limit) {
      const n = Math.max(0, Math.floor(limit));
      const first = await query<DomainRow>('SELECT * FROM watched_domains WHERE next_due_at IS NULL ORDER BY domain LIMIT $1', [n]);
      const rest = first.length < n ? await query<DomainRow>('SELECT * FROM watched_domains WHERE next_due_at <= $1 ORDER BY next_due_at, domain LIMIT $2', [now, n - first.length]) : [];
      return [...first, ...rest].map(domainOf);
    },
    async setNextDue(entries) {
      if (entries.length === 0) return;
      // One statement for the whole plan (the scheduler plans thousands at once): no round trip per domain.
      await query(
        'UPDATE watched_domains AS w SET next_due_at = plan.at FROM unnest($1::text[], $2::text[]) AS plan (domain, at) WHERE w.domain = plan.domain COLLATE "C"',
        [entries.map((e) => e.domain), entries.map((e) => e.at)],
      );
    },
    async setGroupSchedule(group, schedule) {
      await transaction(async (client) => {
        if (schedule === undefined) await client.query('DELETE FROM group_schedules WHERE name = $1', [group]);
        else await client.query('INSERT INTO group_schedules (name, schedule) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET schedule = excluded.schedule', [group, schedule]);
        await client.query('UPDATE watched_domains SET next_due_at = NULL WHERE group_name = $1', [group]);
      });
    },
    async groupSchedules() {
      const rows = await query<{ name: string; schedule: string }>('SELECT name, schedule FROM group_schedules ORDER BY name');
      return Object.fromEntries(rows.map((r) => [r.name, r.schedule]));
    },
    async getMarker(name) {
      const [row] = await query<{ value: string }>('SELECT value FROM markers WHERE name = $1', [name]);
      return row === undefined ? undefined : Number(row.value);
    },
    async moveMarker(name, from, to) {
      try {
        const result = from === undefined
          ? await pool.query('INSERT INTO markers (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, to])
          : await pool.query('UPDATE markers SET value = $1 WHERE name = $2 AND value = $3', [to, name, from]);
        return (result.rowCount ?? 0) > 0;
      } catch (error) {
        throw wrap(error);
      }
    },
    async addWebhook(hook) {
      const [row] = await query<{ id: number }>('INSERT INTO webhooks (url, secret, created_at) VALUES ($1, $2, $3) RETURNING id', [hook.url, hook.secret, hook.createdAt]);
      if (row === undefined) throw new Error('INSERT … RETURNING id gave no row');
      return { id: Number(row.id), ...hook };
    },
    async listWebhooks() {
      const rows = await query<{ id: number; url: string; secret: string; created_at: string }>('SELECT id, url, secret, created_at FROM webhooks ORDER BY id');
      return rows.map((r) => ({ id: Number(r.id), url: r.url, secret: r.secret, createdAt: r.created_at }));
    },
    async removeWebhook(id) {
      if (!Number.isSafeInteger(id)) return false;
      try {
        return ((await pool.query('DELETE FROM webhooks WHERE id = $1', [id])).rowCount ?? 0) > 0;
      } catch (error) {
        throw wrap(error);
      }
    },
    async logDelivery(d) {
      const [row] = await query<{ id: number }>(
        'INSERT INTO webhook_deliveries (hook_id, event_id, at, attempts, status, response_status, error) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [d.hookId, d.eventId, d.at, d.attempts, d.status, d.responseStatus ?? null, d.error ?? null],
      );
      if (row === undefined) throw new Error('INSERT … RETURNING id gave no row');
      return { id: Number(row.id), ...d };
    },
    async listDeliveries(q = {}) {
      const where = q.hookId === undefined ? '' : ' WHERE hook_id = $1';
      return (await query<DeliveryRow>(`SELECT * FROM webhook_deliveries${where} ORDER BY id DESC${pageClause(q.limit)}`, q.hookId === undefined ? [] : [q.hookId])).map(deliveryOf);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
