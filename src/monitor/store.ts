/**
 * The monitor's store: one interface, implemented by the embedded SQLite store
 * (sqlite-store.ts) and — for many machines — by a PostgreSQL store over the same schema
 * (migrations.ts). Every method is async, so a networked store fits the same shape; every
 * implementation passes the one suite in store.contract.ts.
 */
import type { ReportRow } from '../bulk/check.ts';
import type { CheckSnapshot, EventKind, MonitorEvent, MonitorSituation, StoredCheck, StoredEvent, WatchInput, WatchedDomain } from './types.ts';

/** Which domains to list. */
export interface DomainQuery {
  /** Only domains whose latest check is in this situation; `unchecked` = never checked. */
  situation?: MonitorSituation | 'unchecked';
  /** Part of the domain, customer id or label (case-insensitive). */
  search?: string;
  /** Only the domains of this group. */
  group?: string;
  /** Rows to skip and to return (paging). Default: from 0, all. */
  offset?: number;
  limit?: number;
  /** The order of the list (default `domain`); ties go in domain order. */
  sort?: DomainSort;
  /** `desc` reverses the whole order, ties included (so an index serves it). Default `asc`. */
  order?: 'asc' | 'desc';
}

/**
 * What a domain list is sorted by: the domain; the latest situation, worst first
 * (MONITOR_SITUATIONS' order, never checked last); the time of the latest check, never first.
 */
export type DomainSort = 'domain' | 'situation' | 'checked';

/** Every sort key, for checks and schemas. */
export const DOMAIN_SORTS: readonly DomainSort[] = Object.freeze(['domain', 'situation', 'checked']);

/** Which events to list; newest first. */
export interface EventQuery {
  domain?: string;
  kind?: EventKind;
  /** Only events with an id above this (what a poller has seen). */
  afterId?: number;
  limit?: number;
}

/** An API token as stored: never the token itself, only the hash of its secret. */
export interface ApiToken {
  id: number;
  label?: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

/** A webhook alerts are posted to; `secret` signs each body (alerts.ts). */
export interface Webhook {
  id: number;
  url: string;
  secret: string;
  createdAt: string;
}

/** One event posted to one webhook, after its last attempt. */
export interface WebhookDelivery {
  id: number;
  hookId: number;
  eventId: number;
  /** ISO 8601 UTC of the last attempt. */
  at: string;
  attempts: number;
  status: 'delivered' | 'failed';
  /** The receiver's last HTTP status, when it answered. */
  responseStatus?: number;
  /** Why the last attempt failed. */
  error?: string;
}

/**
 * A bulk run on the queue (`spfkit bulk --queue`): its id, what it checks for (`spec`, JSON:
 * the service and language, so a re-start with other options is refused), and its row count.
 */
export interface BulkRun {
  id: string;
  spec: string;
  /** Input rows the run has (its report is complete at this many rows). */
  total: number;
  /** ISO 8601 UTC. */
  createdAt: string;
}

/** A report row of a bulk run as stored; `id` orders rows by when they were stored. */
export interface StoredBulkRow {
  id: number;
  row: ReportRow;
}

/** A check as `saveCheck` left it: `repeated` when its slot already had this domain's check (then nothing was written and `check` is that one). */
export interface SavedCheck {
  check: StoredCheck;
  events: StoredEvent[];
  repeated?: true;
}

/** What `watch` did. */
export type WatchOutcome = 'added' | 'updated';

/**
 * The store of watched domains, their checks and their events.
 *
 * @example
 * const store = await openSqliteStore({ file: 'data-monitor/monitor.sqlite' });
 * await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }] }); // 'added'
 * const last = await store.recentChecks('klant.nl', 1);
 * await store.close();
 */
export interface MonitorStore {
  /** The schema version the store is at (the highest migration applied). */
  schemaVersion(): Promise<number>;
  /** Adds a domain, or replaces what is watched for it (checks and events are kept). */
  watch(input: WatchInput, at: string): Promise<WatchOutcome>;
  /** `watch` for many domains in one transaction (an import's batch): all or none; the outcomes in input order. */
  watchMany(inputs: readonly WatchInput[], at: string): Promise<WatchOutcome[]>;
  /** Stops watching a domain; its checks and events go with it. False when it was not watched. */
  unwatch(domain: string): Promise<boolean>;
  getDomain(domain: string): Promise<WatchedDomain | undefined>;
  /** Domains filtered, sorted (default: domain order) and paged. */
  listDomains(query?: DomainQuery): Promise<WatchedDomain[]>;
  countDomains(query?: Omit<DomainQuery, 'offset' | 'limit'>): Promise<number>;
  /** The domain's latest checks, newest first. */
  recentChecks(domain: string, limit: number): Promise<StoredCheck[]>;
  /**
   * Stores a check and the events it raised, together or not at all, and makes it the
   * domain's latest. Throws for a domain that is not watched.
   *
   * With a `slot` (a queued batch's schedule slot, issue 12) at most one check per domain and
   * slot is ever stored: when the slot has one already, nothing is written and the result is
   * that check, `repeated`, without events — so a batch retried after a worker died writes no
   * check or event twice.
   */
  saveCheck(check: CheckSnapshot, events: readonly MonitorEvent[], slot?: string): Promise<SavedCheck>;
  /** Which of `domains` have a check stored for `slot`. */
  checkedInSlot(slot: string, domains: readonly string[]): Promise<Set<string>>;
  /** Checks, and events they raised, stored for `slot`. */
  countSlot(slot: string): Promise<{ checks: number; events: number }>;
  /** The newest slot any check was stored for (slots are ISO 8601 times: they sort as text). */
  latestSlot(): Promise<string | undefined>;
  /** Starts a bulk run, or returns the one stored under that id (its spec unchanged). */
  startBulkRun(run: BulkRun): Promise<BulkRun>;
  getBulkRun(id: string): Promise<BulkRun | undefined>;
  /** Stores report rows of a run; a line the run has already is kept as it was. Returns the rows written. Throws for an unknown run. */
  saveBulkRows(runId: string, rows: readonly ReportRow[]): Promise<number>;
  /** A run's stored rows after the row id `afterId` (default: from the start), oldest first, at most `limit`. */
  bulkRows(runId: string, query?: { afterId?: number; limit?: number }): Promise<StoredBulkRow[]>;
  /** Which of `lines` the run has a row for. */
  bulkLinesDone(runId: string, lines: readonly number[]): Promise<Set<number>>;
  countBulkRows(runId: string): Promise<number>;
  listEvents(query?: EventQuery): Promise<StoredEvent[]>;
  /** Keeps a new API token by the hash of its secret (tokens.ts); returns it with its id. */
  addToken(token: { secretHash: string; label?: string; createdAt: string }): Promise<ApiToken>;
  /** A token and the hash of its secret, by id. */
  getToken(id: number): Promise<{ token: ApiToken; secretHash: string } | undefined>;
  listTokens(): Promise<ApiToken[]>;
  /** Revokes a token. False when there was none with that id. */
  removeToken(id: number): Promise<boolean>;
  /**
   * Up to `limit` domains the scheduler must look at: first those not planned yet (no
   * `nextDueAt`, domain order), then those due at or before `now` (earliest first).
   */
  dueDomains(now: string, limit: number): Promise<WatchedDomain[]>;
  /** Sets when each domain is next due (`null`: not planned, the scheduler plans it again). Unknown domains are skipped. */
  setNextDue(entries: ReadonlyArray<{ domain: string; at: string | null }>): Promise<void>;
  /** Sets (or with `undefined` removes) a group's schedule; the group's domains are planned again. */
  setGroupSchedule(group: string, schedule: string | undefined): Promise<void>;
  /** Every group schedule, by group name. */
  groupSchedules(): Promise<Record<string, string>>;
  addWebhook(hook: Omit<Webhook, 'id'>): Promise<Webhook>;
  listWebhooks(): Promise<Webhook[]>;
  /** Removes a webhook with its delivery log. False when there was none with that id. */
  removeWebhook(id: number): Promise<boolean>;
  logDelivery(delivery: Omit<WebhookDelivery, 'id'>): Promise<WebhookDelivery>;
  /** The delivery log, newest first. */
  listDeliveries(query?: { hookId?: number; limit?: number }): Promise<WebhookDelivery[]>;
  /** A marker's value (how far a job has got, e.g. the last event id a digest covered), or undefined. */
  getMarker(name: string): Promise<number | undefined>;
  /**
   * Moves a marker from `from` (undefined: not set yet) to `to` — only if it is still at
   * `from`, so of several machines one wins. True when this call moved it.
   */
  moveMarker(name: string, from: number | undefined, to: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A bulk run named to `saveBulkRows` was never started. */
export class UnknownBulkRunError extends Error {
  override name = 'UnknownBulkRunError';
  constructor(readonly runId: string) {
    super(`no bulk run ${runId}`);
  }
}

/** A domain given to `saveCheck` is not watched. */
export class NotWatchedError extends Error {
  override name = 'NotWatchedError';
  constructor(readonly domain: string) {
    super(`${domain} is not watched`);
  }
}

/** Why a networked store could not be used. */
export type StoreUnavailableReason =
  /** Nothing listens at the address (connection refused). */
  | 'refused'
  /** No answer within the connection or query timeout. */
  | 'timeout'
  /** The host name does not resolve, or the host cannot be reached. */
  | 'unreachable'
  /** The server refused the user or password. */
  | 'auth'
  /** The database named in the URL does not exist. */
  | 'no-database'
  /** The connection broke, or the server is shutting down or starting. */
  | 'lost';

/**
 * The store's server could not be reached or used: retry later, or fix the setting. The
 * message names the server (never a password) and the reason; `setting` is the setting the
 * address came from (`DATABASE_URL`) when the store was opened from one.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    readonly reason: StoreUnavailableReason,
    readonly target: string,
    message: string,
    readonly setting?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
