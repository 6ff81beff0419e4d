/**
 * The schema's rows as data, for every SQL store: the row shapes of migrations.ts, how a
 * row becomes a `WatchedDomain` / `StoredCheck` / `StoredEvent`, and the WHERE clauses of the
 * list queries. SQLite and PostgreSQL run the same SQL here; only the parameter placeholder
 * differs (`?` against `$1, $2 …`), so the builders take it as a function.
 */
import type { ReportRow } from '../bulk/check.ts';
import { type Dialect, DIALECT_SLOTS, SORT_SQL } from './migrations.ts';
import type { ApiToken, BulkRun, DomainQuery, EventQuery, StoredBulkRow, WebhookDelivery } from './store.ts';
import type { CheckSnapshot, MonitorEvent, MonitorSituation, StoredCheck, StoredEvent, WatchedDomain } from './types.ts';

export interface DomainRow {
  domain: string;
  services: string;
  dkim_selectors: string;
  customer_id: string | null;
  label: string | null;
  schedule: string;
  added_at: string;
  updated_at: string;
  last_check_id: number | null;
  last_checked_at: string | null;
  last_situation: string | null;
  group_name: string | null;
  next_due_at: string | null;
}

export interface CheckRow {
  id: number;
  snapshot: string;
}

export interface EventRow {
  id: number;
  check_id: number;
  at: string;
  body: string;
}

export interface DeliveryRow {
  id: number;
  hook_id: number;
  event_id: number;
  at: string;
  attempts: number;
  status: WebhookDelivery['status'];
  response_status: number | null;
  error: string | null;
}

export function deliveryOf(row: DeliveryRow): WebhookDelivery {
  const out: WebhookDelivery = { id: Number(row.id), hookId: Number(row.hook_id), eventId: Number(row.event_id), at: row.at, attempts: row.attempts, status: row.status };
  if (row.response_status !== null) out.responseStatus = row.response_status;
  if (row.error !== null) out.error = row.error;
  return out;
}

export interface BulkRunRow {
  id: string;
  spec: string;
  total: number;
  created_at: string;
}

export function bulkRunOf(row: BulkRunRow): BulkRun {
  return { id: row.id, spec: row.spec, total: Number(row.total), createdAt: row.created_at };
}

export interface BulkRowRow {
  id: number;
  row: string;
}

export function bulkRowOf(row: BulkRowRow): StoredBulkRow {
  return { id: Number(row.id), row: JSON.parse(row.row) as ReportRow };
}

export interface TokenRow {
  id: number;
  label: string | null;
  secret_hash: string;
  created_at: string;
}

export function tokenOf(row: TokenRow): ApiToken {
  return row.label === null ? { id: row.id, createdAt: row.created_at } : { id: row.id, label: row.label, createdAt: row.created_at };
}

export function domainOf(row: DomainRow): WatchedDomain {
  const out: WatchedDomain = {
    domain: row.domain,
    services: JSON.parse(row.services) as WatchedDomain['services'],
    dkimSelectors: JSON.parse(row.dkim_selectors) as string[],
    schedule: row.schedule,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
  };
  if (row.customer_id !== null) out.customerId = row.customer_id;
  if (row.label !== null) out.label = row.label;
  if (row.group_name !== null) out.group = row.group_name;
  if (row.next_due_at !== null) out.nextDueAt = row.next_due_at;
  if (row.last_check_id !== null && row.last_checked_at !== null && row.last_situation !== null) {
    out.lastCheck = { id: row.last_check_id, checkedAt: row.last_checked_at, situation: row.last_situation as MonitorSituation };
  }
  return out;
}

export function checkOf(row: CheckRow): StoredCheck {
  return { id: row.id, ...(JSON.parse(row.snapshot) as CheckSnapshot) };
}

export function eventOf(row: EventRow): StoredEvent {
  return { id: row.id, checkId: row.check_id, at: row.at, ...(JSON.parse(row.body) as MonitorEvent) };
}

/** The placeholder of the n-th parameter (1-based): `() => '?'` for SQLite, `(n) => '$' + n` for PostgreSQL. */
export type Placeholder = (n: number) => string;

/** A WHERE clause (empty, or starting with a space) and its parameters. */
export interface Filter {
  where: string;
  params: unknown[];
}

/** `LIKE` pattern for "contains", with the wildcards in the text escaped. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filter(): { clauses: string[]; params: unknown[]; param: (value: unknown, placeholder: Placeholder) => string; done: () => Filter } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  return {
    clauses,
    params,
    param(value, placeholder) {
      params.push(value);
      return placeholder(params.length);
    },
    done: () => ({ where: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params }),
  };
}

/**
 * WHERE clause of a domain query. Domains are stored lower case; customer ids and labels are
 * lowered here, so the search is case-insensitive in both dialects (PostgreSQL's LIKE is not).
 */
export function domainFilter(query: DomainQuery, placeholder: Placeholder): Filter {
  const f = filter();
  if (query.situation === 'unchecked') f.clauses.push('last_situation IS NULL');
  else if (query.situation !== undefined) f.clauses.push(`last_situation = ${f.param(query.situation, placeholder)}`);
  if (query.search !== undefined && query.search.trim() !== '') {
    const pattern = containsPattern(query.search.trim());
    const [a, b, c] = [f.param(pattern, placeholder), f.param(pattern, placeholder), f.param(pattern, placeholder)];
    f.clauses.push(`(domain LIKE ${a} ESCAPE '\\' OR lower(customer_id) LIKE ${b} ESCAPE '\\' OR lower(label) LIKE ${c} ESCAPE '\\')`);
  }
  if (query.group !== undefined) f.clauses.push(`group_name = ${f.param(query.group, placeholder)}`);
  return f.done();
}

/**
 * ` ORDER BY …` of a domain query: the sort key of SORT_SQL (what migration 6 indexes), then
 * the domain; `desc` reverses both, so the index is read backwards instead of sorting.
 */
export function domainOrder(query: Pick<DomainQuery, 'sort' | 'order'>, dialect: Dialect): string {
  const direction = query.order === 'desc' ? ' DESC' : '';
  const sort = query.sort ?? 'domain';
  let key: string;
  switch (sort) {
    case 'domain':
      return ` ORDER BY domain${direction}`;
    case 'situation':
      key = SORT_SQL.situation;
      break;
    case 'checked':
      key = SORT_SQL.checked.replace('{{c}}', DIALECT_SLOTS.c?.[dialect] ?? '');
      break;
    default: {
      const never: never = sort;
      throw new Error(`unhandled sort ${String(never)}`);
    }
  }
  return ` ORDER BY ${key}${direction}, domain${direction}`;
}

/** WHERE clause of an event query. */
export function eventFilter(query: EventQuery, placeholder: Placeholder): Filter {
  const f = filter();
  if (query.domain !== undefined) f.clauses.push(`domain = ${f.param(query.domain, placeholder)}`);
  if (query.kind !== undefined) f.clauses.push(`kind = ${f.param(query.kind, placeholder)}`);
  if (query.afterId !== undefined) f.clauses.push(`id > ${f.param(query.afterId, placeholder)}`);
  return f.done();
}

/** ` LIMIT n OFFSET m` for a page, or '' for everything (integers only, never text). */
export function pageClause(limit: number | undefined, offset?: number): string {
  if (limit === undefined) return '';
  const page = ` LIMIT ${Math.max(0, Math.floor(limit))}`;
  return offset === undefined ? page : `${page} OFFSET ${Math.max(0, Math.floor(offset))}`;
}
