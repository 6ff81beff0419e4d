/**
 * The embedded store: one SQLite file through better-sqlite3, created with its folder on
 * first use — nothing to install, no server to run. WAL journal, so the CLI can check while
 * the server reads; a busy timeout, so two writers wait for each other instead of failing.
 *
 * better-sqlite3 is synchronous; the methods are async to fit `MonitorStore` (a PostgreSQL
 * store is networked). Each write that must hold together runs in one transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration, migrationSql, pendingMigrations } from './migrations.ts';
import { type BulkRowRow, type BulkRunRow, type CheckRow, type DomainRow, type EventRow, type DeliveryRow, type TokenRow, bulkRowOf, bulkRunOf, checkOf, deliveryOf, domainFilter, domainOf, domainOrder, eventFilter, eventOf, pageClause, tokenOf } from './rows.ts';
import type { ReportRow } from '../bulk/check.ts';
import { type MonitorStore, NotWatchedError, type SavedCheck, UnknownBulkRunError, type WatchOutcome, type Webhook } from './store.ts';
import { type CheckSnapshot, DEFAULT_SCHEDULE, type MonitorEvent, type StoredEvent, type WatchInput } from './types.ts';

export interface SqliteStoreOptions {
  /** The database file; its folder is created when missing. `:memory:` for a throw-away store. */
  file: string;
  /** The schema to bring the file to (default `MIGRATIONS`); tests pass a longer list. */
  migrations?: readonly Migration[];
  /** The clock for `schema_migrations.applied_at` (default: now). */
  now?: () => Date;
}

/** The file cannot be opened as a monitor database (not SQLite, no permission …). */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** SQLite's parameter placeholder. */
const QUESTION_MARK = (): string => '?';

/**
 * Opens (and creates, with its folder) the SQLite monitor database at `file` and brings it
 * to the current schema.
 *
 * @example
 * const store = await openSqliteStore({ file: join(dataDir, 'monitor.sqlite') });
 * await store.schemaVersion(); // 1
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<MonitorStore> {
  const now = options.now ?? (() => new Date());
  let db: Database.Database;
  try {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    db = new Database(options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec(MIGRATIONS_TABLE);
  } catch (error) {
    throw new StoreOpenError(`cannot open ${options.file} as a monitor database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    migrate(db, options.migrations ?? MIGRATIONS, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return sqliteStore(db);
}

function migrate(db: Database.Database, migrations: readonly Migration[], now: () => Date): void {
  const applied = (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pendingMigrations(applied, migrations)) {
    db.transaction(() => {
      for (const sql of migrationSql(migration, 'sqlite')) db.exec(sql);
      record.run(migration.version, migration.name, now().toISOString());
    })();
  }
}

function sqliteStore(db: Database.Database): MonitorStore {
  const getDomain = db.prepare('SELECT * FROM watched_domains WHERE domain = ?');
  const insertDomain = db.prepare(
    'INSERT INTO watched_domains (domain, services, dkim_selectors, customer_id, label, schedule, group_name, added_at, updated_at) VALUES (@domain, @services, @dkim, @customer, @label, @schedule, @group, @at, @at)',
  );
  const updateDomain = db.prepare(
    // The schedule may have changed: the scheduler plans the domain again.
    'UPDATE watched_domains SET services = @services, dkim_selectors = @dkim, customer_id = @customer, label = @label, schedule = @schedule, group_name = @group, next_due_at = NULL, updated_at = @at WHERE domain = @domain',
  );
  const deleteDomain = db.prepare('DELETE FROM watched_domains WHERE domain = ?');
  const recent = db.prepare('SELECT id, snapshot FROM checks WHERE domain = ? ORDER BY id DESC LIMIT ?');
  // ON CONFLICT: a check for a domain and slot that has one already writes nothing (migration 5).
  const insertCheck = db.prepare('INSERT INTO checks (domain, checked_at, situation, lookups, bytes, dmarc_policy, snapshot, slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain, slot) DO NOTHING');
  const slotCheck = db.prepare('SELECT id, snapshot FROM checks WHERE domain = ? AND slot = ?');
  const insertBulkRun = db.prepare('INSERT INTO bulk_runs (id, spec, total, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
  const getBulkRun = db.prepare('SELECT id, spec, total, created_at FROM bulk_runs WHERE id = ?');
  const insertBulkRow = db.prepare('INSERT INTO bulk_rows (run_id, line, situation, row) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, line) DO NOTHING');
  const saveBulkRows = db.transaction((runId: string, rows: readonly ReportRow[]): number => {
    if (getBulkRun.get(runId) === undefined) throw new UnknownBulkRunError(runId);
    let written = 0;
    for (const row of rows) written += insertBulkRow.run(runId, row.line, row.situation, JSON.stringify(row)).changes;
    return written;
  });
  const insertEvent = db.prepare('INSERT INTO events (check_id, domain, at, kind, subject, body) VALUES (?, ?, ?, ?, ?, ?)');
  const unplanned = db.prepare('SELECT * FROM watched_domains WHERE next_due_at IS NULL ORDER BY domain LIMIT ?');
  const due = db.prepare('SELECT * FROM watched_domains WHERE next_due_at <= ? ORDER BY next_due_at, domain LIMIT ?');
  const setDue = db.prepare('UPDATE watched_domains SET next_due_at = ? WHERE domain = ?');
  const setDues = db.transaction((entries: ReadonlyArray<{ domain: string; at: string | null }>) => {
    for (const entry of entries) setDue.run(entry.at, entry.domain);
  });
  const upsertGroup = db.prepare('INSERT INTO group_schedules (name, schedule) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET schedule = excluded.schedule');
  const deleteGroup = db.prepare('DELETE FROM group_schedules WHERE name = ?');
  const replanGroup = db.prepare('UPDATE watched_domains SET next_due_at = NULL WHERE group_name = ?');
  const setGroup = db.transaction((group: string, schedule: string | undefined) => {
    if (schedule === undefined) deleteGroup.run(group);
    else upsertGroup.run(group, schedule);
    replanGroup.run(group);
  });
  const setLatest = db.prepare('UPDATE watched_domains SET last_check_id = ?, last_checked_at = ?, last_situation = ? WHERE domain = ?');

  const watch = db.transaction((input: WatchInput, at: string): WatchOutcome => {
    const row = {
      domain: input.domain,
      services: JSON.stringify(input.services),
      dkim: JSON.stringify(input.dkimSelectors ?? []),
      customer: input.customerId ?? null,
      label: input.label ?? null,
      schedule: input.schedule ?? DEFAULT_SCHEDULE,
      group: input.group ?? null,
      at,
    };
    if (getDomain.get(input.domain) === undefined) {
      insertDomain.run(row);
      return 'added';
    }
    updateDomain.run(row);
    return 'updated';
  });
  const watchMany = db.transaction((inputs: readonly WatchInput[], at: string): WatchOutcome[] => inputs.map((input) => watch(input, at)));

  const save = db.transaction((check: CheckSnapshot, events: readonly MonitorEvent[], slot: string | undefined): SavedCheck => {
    if (getDomain.get(check.domain) === undefined) throw new NotWatchedError(check.domain);
    const info = insertCheck.run(check.domain, check.checkedAt, check.situation, check.spf.lookups ?? null, check.spf.bytes ?? null, check.dmarc.policy ?? null, JSON.stringify(check), slot ?? null);
    if (info.changes === 0) {
      const existing = slotCheck.get(check.domain, slot) as CheckRow | undefined;
      if (existing === undefined) throw new Error('a check insert conflicted, but no check holds its slot');
      return { check: checkOf(existing), events: [], repeated: true };
    }
    const checkId = Number(info.lastInsertRowid);
    setLatest.run(checkId, check.checkedAt, check.situation, check.domain);
    const stored = events.map((event): StoredEvent => {
      const id = Number(insertEvent.run(checkId, check.domain, check.checkedAt, event.kind, event.subject, JSON.stringify(event)).lastInsertRowid);
      return { id, checkId, at: check.checkedAt, ...event };
    });
    return { check: { id: checkId, ...check }, events: stored };
  });

  return {
    async schemaVersion() {
      const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
      return row.version ?? 0;
    },
    async watch(input, at) {
      return watch(input, at);
    },
    async watchMany(inputs, at) {
      return watchMany(inputs, at);
    },
    async unwatch(domain) {
      return deleteDomain.run(domain).changes > 0;
    },
    async getDomain(domain) {
      const row = getDomain.get(domain) as DomainRow | undefined;
      return row === undefined ? undefined : domainOf(row);
    },
    async listDomains(query = {}) {
      const { where, params } = domainFilter(query, QUESTION_MARK);
      const rows = db.prepare(`SELECT * FROM watched_domains${where}${domainOrder(query, 'sqlite')}${pageClause(query.limit, query.offset ?? 0)}`).all(...params) as DomainRow[];
      return rows.map(domainOf);
    },
    async countDomains(query = {}) {
      const { where, params } = domainFilter(query, QUESTION_MARK);
      return (db.prepare(`SELECT COUNT(*) AS n FROM watched_domains${where}`).get(...params) as { n: number }).n;
    },
    async recentChecks(domain, limit) {
      return (recent.all(domain, Math.max(0, Math.floor(limit))) as CheckRow[]).map(checkOf);
    },
    async saveCheck(check, events, slot) {
      return save(check, events, slot);
    },
    async checkedInSlot(slot, domains) {
      const found = new Set<string>();
      // In chunks: SQLite caps the parameters of one statement (32 766 since 3.32).
      for (let i = 0; i < domains.length; i += 500) {
        const chunk = domains.slice(i, i + 500);
        const rows = db.prepare(`SELECT domain FROM checks WHERE slot = ? AND domain IN (${chunk.map(() => '?').join(', ')})`).all(slot, ...chunk) as Array<{ domain: string }>;
        for (const row of rows) found.add(row.domain);
      }
      return found;
    },
    async countSlot(slot) {
      const checks = (db.prepare('SELECT COUNT(*) AS n FROM checks WHERE slot = ?').get(slot) as { n: number }).n;
      const events = (db.prepare('SELECT COUNT(*) AS n FROM events WHERE check_id IN (SELECT id FROM checks WHERE slot = ?)').get(slot) as { n: number }).n;
      return { checks, events };
    },
    async latestSlot() {
      const row = db.prepare('SELECT MAX(slot) AS slot FROM checks').get() as { slot: string | null };
      return row.slot ?? undefined;
    },
    async startBulkRun(run) {
      insertBulkRun.run(run.id, run.spec, run.total, run.createdAt);
      return bulkRunOf(getBulkRun.get(run.id) as BulkRunRow);
    },
    async getBulkRun(id) {
      const row = getBulkRun.get(id) as BulkRunRow | undefined;
      return row === undefined ? undefined : bulkRunOf(row);
    },
    async saveBulkRows(runId, rows) {
      return saveBulkRows(runId, rows);
    },
    async bulkRows(runId, query = {}) {
      const rows = db.prepare(`SELECT id, row FROM bulk_rows WHERE run_id = ? AND id > ? ORDER BY id${pageClause(query.limit)}`).all(runId, query.afterId ?? 0) as BulkRowRow[];
      return rows.map(bulkRowOf);
    },
    async bulkLinesDone(runId, lines) {
      const found = new Set<number>();
      for (let i = 0; i < lines.length; i += 500) {
        const chunk = lines.slice(i, i + 500);
        const rows = db.prepare(`SELECT line FROM bulk_rows WHERE run_id = ? AND line IN (${chunk.map(() => '?').join(', ')})`).all(runId, ...chunk) as Array<{ line: number }>;
        for (const row of rows) found.add(row.line);
      }
      return found;
    },
    async countBulkRows(runId) {
      return (db.prepare('SELECT COUNT(*) AS n FROM bulk_rows WHERE run_id = ?').get(runId) as { n: number }).n;
    },
    async listEvents(query = {}) {
      const { where, params } = eventFilter(query, QUESTION_MARK);
      const rows = db.prepare(`SELECT id, check_id, at, body FROM events${where} ORDER BY id DESC${pageClause(query.limit)}`).all(...params) as EventRow[];
      return rows.map(eventOf);
    },
    async addToken(token) {
      const info = db.prepare('INSERT INTO api_tokens (label, secret_hash, created_at) VALUES (?, ?, ?)').run(token.label ?? null, token.secretHash, token.createdAt);
      const id = Number(info.lastInsertRowid);
      return token.label === undefined ? { id, createdAt: token.createdAt } : { id, label: token.label, createdAt: token.createdAt };
    },
    async getToken(id) {
      const row = db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as TokenRow | undefined;
      return row === undefined ? undefined : { token: tokenOf(row), secretHash: row.secret_hash };
    },
    async listTokens() {
      return (db.prepare('SELECT * FROM api_tokens ORDER BY id').all() as TokenRow[]).map(tokenOf);
    },
    async removeToken(id) {
      return db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0;
    },
    async dueDomains(now, limit) {
      const n = Math.max(0, Math.floor(limit));
      const first = unplanned.all(n) as DomainRow[];
      const rest = first.length < n ? (due.all(now, n - first.length) as DomainRow[]) : [];
      return [...first, ...rest].map(domainOf);
    },
    async setNextDue(entries) {
      setDues(entries);
    },
    async setGroupSchedule(group, schedule) {
      setGroup(group, schedule);
    },
    async addWebhook(hook) {
      const info = db.prepare('INSERT INTO webhooks (url, secret, created_at) VALUES (?, ?, ?)').run(hook.url, hook.secret, hook.createdAt);
      return { id: Number(info.lastInsertRowid), ...hook };
    },
    async listWebhooks() {
      const rows = db.prepare('SELECT id, url, secret, created_at FROM webhooks ORDER BY id').all() as Array<{ id: number; url: string; secret: string; created_at: string }>;
      return rows.map((r): Webhook => ({ id: r.id, url: r.url, secret: r.secret, createdAt: r.created_at }));
    },
    async removeWebhook(id) {
      return db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
    },
    async logDelivery(d) {
      const info = db
        .prepare('INSERT INTO webhook_deliveries (hook_id, event_id, at, attempts, status, response_status, error) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(d.hookId, d.eventId, d.at, d.attempts, d.status, d.responseStatus ?? null, d.error ?? null);
      return { id: Number(info.lastInsertRowid), ...d };
    },
    async listDeliveries(query = {}) {
      const where = query.hookId === undefined ? '' : ' WHERE hook_id = ?';
      const limit = query.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      const rows = db.prepare(`SELECT * FROM webhook_deliveries${where} ORDER BY id DESC${limit}`).all(...(query.hookId === undefined ? [] : [query.hookId])) as DeliveryRow[];
      return rows.map(deliveryOf);
    },
    async groupSchedules() {
      const rows = db.prepare('SELECT name, schedule FROM group_schedules ORDER BY name').all() as Array<{ name: string; schedule: string }>;
      return Object.fromEntries(rows.map((r) => [r.name, r.schedule]));
    },
    async getMarker(name) {
      const row = db.prepare('SELECT value FROM markers WHERE name = ?').get(name) as { value: number } | undefined;
      return row === undefined ? undefined : Number(row.value);
    },
    async moveMarker(name, from, to) {
      const info = from === undefined
        ? db.prepare('INSERT INTO markers (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, to)
        : db.prepare('UPDATE markers SET value = ? WHERE name = ? AND value = ?').run(to, name, from);
      return info.changes > 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
