/**
 * The monitor: watched customer domains, a check of each kept with its history, and the
 * changes between checks as events (issue 11). The store is an interface (store.ts) with
 * an embedded SQLite implementation and a PostgreSQL one (DATABASE_URL); schedules, alerts and the HTTP routes call into it.
 *
 * @example
 * import { openStore, storeLocation } from './monitor/index.ts';
 * const store = await openStore(storeLocation({ env: process.env, cwd: process.cwd() }));
 * await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }, new Date().toISOString());
 */
export { MIGRATIONS, SchemaVersionError, migrationSql, pendingMigrations } from './migrations.ts';
export type { Dialect, Migration } from './migrations.ts';
export { SQLITE_FILE, StoreSettingError, openStore, storeLocation } from './open.ts';
export type { StoreLocation } from './open.ts';
export { openPgStore, pgTarget } from './pg-store.ts';
export type { PgStoreOptions } from './pg-store.ts';
export { StoreOpenError, openSqliteStore } from './sqlite-store.ts';
export type { SqliteStoreOptions } from './sqlite-store.ts';
export { NotWatchedError, StoreUnavailableError } from './store.ts';
export { createToken, verifyToken } from './tokens.ts';
export type { TokenRefusal } from './tokens.ts';
export type { ApiToken, DomainQuery, EventQuery, MonitorStore, StoreUnavailableReason, WatchOutcome, Webhook, WebhookDelivery } from './store.ts';
export * from './types.ts';
export { DEFAULT_SCHEDULE_POLICY, MIN_INTERVAL_MS, effectiveSchedule, jitterFraction, nextDue, parseSchedule } from './schedule.ts';
export type { DueInput, Schedule, ScheduleIssue, SchedulePolicy } from './schedule.ts';
export { createScheduler, requestCheck, systemClock } from './scheduler.ts';
export type { CheckNowResult, CheckTarget, RoundReport, Scheduler, SchedulerClock, SchedulerLog, SchedulerOptions } from './scheduler.ts';
export { SIGNATURE_HEADER, composeDigest, customerMessage, deliverEvent, eventBody, sendDigest, sendWebhooks, signBody } from './alerts.ts';
export type { DeliveryOptions, DigestOptions, Operator, ReadyMessage } from './alerts.ts';
