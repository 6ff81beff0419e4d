/**
 * The monitor's use cases, shared by `spfkit monitor …` and the `/api/monitor/…` routes:
 * watch a domain (checked input, issues as data), import a customer CSV (per-row issues,
 * the good rows kept), list with filter / search / paging, one domain with its history,
 * check one / some / all, events, export as CSV or JSON Lines, API tokens. The shells only
 * read their arguments, call these and print or send what comes back.
 */
import { domainToASCII } from 'node:url';
import { csvCell } from '../bulk/report.ts';
import { type RowProblem, readCsvRecords, readHeader, splitCsvLine } from '../bulk/csv.ts';
import { dkimName } from '../dkim/selectors.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { type ReadyMessage, customerMessage } from '../monitor/alerts.ts';
import { t } from '../i18n/catalog.ts';
import type { CheckDomainOptions } from '../monitor/check.ts';
import { serviceName } from '../monitor/check.ts';
import { type CheckOutcome, checkMany } from '../monitor/run.ts';
import { DOMAIN_SORTS, type DomainQuery, type DomainSort, type EventQuery, type MonitorStore, type WatchOutcome } from '../monitor/store.ts';
import { EVENT_KINDS, type EventKind, MONITOR_SITUATIONS, type MonitorSituation, type StoredCheck, type StoredEvent, type WatchInput, type WatchedDomain, type WatchedService } from '../monitor/types.ts';
import { type ProviderCatalogue, findProvider } from '../record/providers.ts';
import { parseMechanism } from '../record/terms.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import type { Resolver } from '../dns/resolver.ts';
import { issueMessage } from '../spf/describe.ts';
import { WHAT_IF_LIMITS, type WhatIfCustomer, type WhatIfInputIssue, type WhatIfOutcome, type WhatIfReason, whatIf } from '../monitor/what-if.ts';
import { parseClientIp } from '../spf/ip.ts';
import type { DomainProblem } from '../spf/types.ts';

/** Lengths of the free-text fields of a watched domain. */
export const WATCH_LIMITS = Object.freeze({ customerId: 128, label: 256, schedule: 128, services: 16, testIps: 16, dkimSelectors: 16 });

/** Largest page of domains or events one request returns. */
export const MAX_PAGE = 1000;
/** Import rows written in one transaction. */
const IMPORT_BATCH = 500;

/** The page size when none is asked for. */
export const DEFAULT_PAGE = 50;

/** What a watch request names: the domain and its services, as typed by a person or sent as JSON. */
export interface WatchRequest {
  domain: string;
  services: readonly WatchedService[];
  dkimSelectors?: readonly string[];
  customerId?: string;
  label?: string;
  schedule?: string;
}

/** One thing wrong with a watch request (or an import row), naming the field. */
export type WatchIssue =
  | { code: 'bad-domain'; field: 'domain'; value: string; problem: DomainProblem | 'not-a-hostname' }
  | { code: 'no-service'; field: 'services' }
  | { code: 'unknown-provider'; field: 'services'; value: string }
  | { code: 'bad-mechanism'; field: 'services'; value: string; reason: string }
  | { code: 'bad-test-ip'; field: 'testIps'; value: string }
  | { code: 'bad-selector'; field: 'dkimSelectors'; value: string }
  | { code: 'too-many'; field: 'services' | 'testIps' | 'dkimSelectors'; limit: number }
  | { code: 'too-long'; field: 'customerId' | 'label' | 'schedule'; limit: number };

/** Why an import row was not imported: its watch issues, or a line that does not read as CSV. */
export type ImportIssue = WatchIssue | { code: RowProblem; field: 'line' } | { code: 'duplicate-domain'; field: 'domain'; value: string; firstLine: number };

/** An import row that was not imported. */
export interface ImportRowError {
  /** 1-based line of the file where the row starts. */
  line: number;
  issues: ImportIssue[];
}

/** What an import did. */
export interface ImportSummary {
  added: number;
  updated: number;
  /** Rows not imported, in file order. */
  errors: ImportRowError[];
}

/** The CSV has no column naming the domain: nothing can be imported. */
export class ImportHeaderError extends Error {
  override name = 'ImportHeaderError';
  constructor(readonly columns: string[]) {
    super(`the first line must name the columns, one of them domain; got ${columns.map((c) => JSON.stringify(c)).join(', ') || 'nothing'}`);
  }
}

/**
 * A domain as typed (`Klant.NL.`, `bücher.de`) in the form the store keeps (`klant.nl`,
 * `xn--bcher-kva.de`), or why it is not one.
 *
 * @example
 * watchDomain(' Klant.NL. '); // { ok: true, domain: 'klant.nl' }
 * watchDomain('klant');        // { ok: false, problem: 'single-label' }
 */
export function watchDomain(text: string): { ok: true; domain: string } | { ok: false; problem: DomainProblem | 'not-a-hostname' } {
  const trimmed = text.trim();
  const problem = domainProblem(trimmed);
  if (problem !== undefined) return { ok: false, problem };
  const ascii = /^[\x21-\x7e]*$/.test(trimmed) ? trimmed : domainToASCII(trimmed);
  const domain = canonicalDomain(ascii);
  // A watched domain is a mail domain: letters, digits, hyphens and underscores per label.
  if (!/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+$/.test(domain)) return { ok: false, problem: 'not-a-hostname' };
  return { ok: true, domain };
}

/**
 * Checks a watch request against the catalogue and the RFCs' syntax: the input the store
 * takes, or every issue found.
 *
 * @example
 * validateWatch({ domain: 'Klant.nl', services: [{ provider: 'coachview' }] }, catalogue);
 * // { ok: true, watch: { domain: 'klant.nl', services: [{ provider: 'coachview' }] } }
 */
export function validateWatch(request: WatchRequest, catalogue: ProviderCatalogue): { ok: true; watch: WatchInput } | { ok: false; issues: WatchIssue[] } {
  const issues: WatchIssue[] = [];
  const domain = watchDomain(request.domain);
  if (!domain.ok) issues.push({ code: 'bad-domain', field: 'domain', value: request.domain, problem: domain.problem });
  if (request.services.length === 0) issues.push({ code: 'no-service', field: 'services' });
  if (request.services.length > WATCH_LIMITS.services) issues.push({ code: 'too-many', field: 'services', limit: WATCH_LIMITS.services });
  const services: WatchedService[] = [];
  for (const service of request.services) {
    if ('provider' in service) {
      if (!findProvider(catalogue, service.provider)) issues.push({ code: 'unknown-provider', field: 'services', value: service.provider });
    } else {
      const parsed = parseMechanism(service.mechanism);
      if (!parsed.ok) issues.push({ code: 'bad-mechanism', field: 'services', value: service.mechanism, reason: parsed.issue.code });
    }
    const testIps = (service.testIps ?? []).map((ip) => ip.trim());
    if (testIps.length > WATCH_LIMITS.testIps) issues.push({ code: 'too-many', field: 'testIps', limit: WATCH_LIMITS.testIps });
    for (const ip of testIps) if (!parseClientIp(ip)) issues.push({ code: 'bad-test-ip', field: 'testIps', value: ip });
    const base: WatchedService = 'provider' in service ? { provider: service.provider.trim().toLowerCase() } : { mechanism: service.mechanism.trim() };
    services.push(testIps.length > 0 ? { ...base, testIps } : base);
  }
  const selectors = (request.dkimSelectors ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (selectors.length > WATCH_LIMITS.dkimSelectors) issues.push({ code: 'too-many', field: 'dkimSelectors', limit: WATCH_LIMITS.dkimSelectors });
  for (const selector of selectors) if (!dkimName(selector, 'example.com').ok) issues.push({ code: 'bad-selector', field: 'dkimSelectors', value: selector });
  const text = (field: 'customerId' | 'label' | 'schedule'): string | undefined => {
    const value = request[field]?.trim();
    if (value === undefined || value === '') return undefined;
    if (value.length > WATCH_LIMITS[field]) issues.push({ code: 'too-long', field, limit: WATCH_LIMITS[field] });
    return value;
  };
  const customerId = text('customerId');
  const label = text('label');
  const schedule = text('schedule');
  if (issues.length > 0 || !domain.ok) return { ok: false, issues };
  const watch: WatchInput = { domain: domain.domain, services, ...(selectors.length > 0 ? { dkimSelectors: [...new Set(selectors)] } : {}) };
  if (customerId !== undefined) watch.customerId = customerId;
  if (label !== undefined) watch.label = label;
  if (schedule !== undefined) watch.schedule = schedule;
  return { ok: true, watch };
}

/** What the use cases need: the store, the provider catalogue and the clock. */
export interface MonitorDeps {
  store: MonitorStore;
  catalogue: ProviderCatalogue;
  now: () => Date;
}

/**
 * Watches a domain (or replaces what is watched for it).
 *
 * @example
 * await addWatched(deps, { domain: 'klant.nl', services: [{ provider: 'coachview' }] });
 * // { ok: true, outcome: 'added', domain: { domain: 'klant.nl', … } }
 */
export async function addWatched(deps: MonitorDeps, request: WatchRequest): Promise<{ ok: true; outcome: WatchOutcome; domain: WatchedDomain } | { ok: false; issues: WatchIssue[] }> {
  const valid = validateWatch(request, deps.catalogue);
  if (!valid.ok) return valid;
  const outcome = await deps.store.watch(valid.watch, deps.now().toISOString());
  const domain = (await deps.store.getDomain(valid.watch.domain)) as WatchedDomain;
  return { ok: true, outcome, domain };
}

/** Stops watching a domain as typed. False when it was not watched. */
export async function removeWatched(deps: Pick<MonitorDeps, 'store'>, domain: string): Promise<boolean> {
  const name = watchDomain(domain);
  return name.ok && deps.store.unwatch(name.domain);
}

// ── Import ─────────────────────────────────────────────────────────────────────────────

/** Column names of an import file (English and Dutch), by the field they fill. */
export const IMPORT_COLUMNS = Object.freeze({
  domain: ['domain', 'domein'],
  services: ['services', 'service', 'providers', 'provider', 'diensten', 'dienst'],
  mechanism: ['mechanism', 'mechanisms', 'mechanisme'],
  testIps: ['test_ips', 'test-ips', 'testips', 'test ips', 'test_ip', 'test-ip'],
  dkimSelectors: ['dkim', 'dkim_selectors', 'dkim-selectors', 'selectors', 'selectoren'],
  customerId: ['customer_id', 'customer-id', 'customer', 'klantnummer', 'klant'],
  label: ['label', 'name', 'naam'],
  schedule: ['schedule', 'schema'],
} satisfies Record<string, readonly string[]>);

type ImportField = keyof typeof IMPORT_COLUMNS;

/** Words of a list cell: split on spaces, `|` and (in a `,`-separated file's quoted cell) `,` / `;`. */
function words(cell: string | undefined): string[] {
  return (cell ?? '').split(/[\s|,;]+/).filter((w) => w !== '');
}

/**
 * The services of a `services` cell: each word a catalogue id, or else one mechanism
 * (`include:…`, `a:…`, `ip4:…`, `mx`); plus the `mechanism` cell's terms. The row's test
 * addresses apply to each.
 */
function rowServices(cells: Partial<Record<ImportField, string>>, catalogue: ProviderCatalogue): WatchedService[] {
  const testIps = words(cells.testIps);
  const withIps = (s: WatchedService): WatchedService => (testIps.length > 0 ? { ...s, testIps } : s);
  const services = words(cells.services).map((word): WatchedService => (findProvider(catalogue, word) || !/[:/]|^(a|mx|ptr)$/i.test(word) ? { provider: word } : { mechanism: word }));
  for (const word of words(cells.mechanism)) services.push({ mechanism: word });
  return services.map(withIps);
}

/**
 * Imports a customer list: a header naming the columns (`domain`, and any of `services`,
 * `mechanism`, `test_ips`, `dkim`, `customer_id`, `label`, `schedule`; `,` `;` or tab),
 * then one domain per row. Rows with issues are reported with their line and not imported;
 * every other row is watched (a domain already watched is updated). Read with the bulk
 * checker's CSV reader (RFC 4180, spreadsheet exports). Throws `ImportHeaderError` when the
 * first line names no domain column.
 *
 * @example
 * await importWatched(deps, splitLines(createReadStream('klanten.csv')));
 * // { added: 998, updated: 0, errors: [{ line: 17, issues: [{ code: 'bad-domain', … }] }, …] }
 */
export async function importWatched(deps: MonitorDeps, lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, updated: 0, errors: [] };
  let layout: { delimiter: string; columns: Array<[ImportField, number]> } | undefined;
  const seen = new Map<string, number>();
  // Valid rows are written in batches, one transaction each (a row at a time was one per row).
  let batch: WatchInput[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    for (const outcome of await deps.store.watchMany(batch, deps.now().toISOString())) summary[outcome]++;
    batch = [];
  };
  for await (const { line, text } of readCsvRecords(lines, () => layout?.delimiter ?? ',')) {
    if (layout === undefined) {
      const header = readHeader(text, IMPORT_COLUMNS.domain);
      if (!header) {
        const split = splitCsvLine(text, ',');
        throw new ImportHeaderError(split.ok ? split.fields.map((f) => f.trim()) : [text]);
      }
      const columns: Array<[ImportField, number]> = [];
      for (const field of Object.keys(IMPORT_COLUMNS) as ImportField[]) {
        const index = (IMPORT_COLUMNS[field] as readonly string[]).map((name) => header.names.indexOf(name)).find((i) => i !== -1);
        if (index !== undefined) columns.push([field, index]);
      }
      layout = { delimiter: header.delimiter, columns };
      continue;
    }
    const split = splitCsvLine(text, layout.delimiter);
    if (!split.ok) {
      summary.errors.push({ line, issues: [{ code: split.problem, field: 'line' }] });
      continue;
    }
    const fields = split.fields.map((f) => f.trim());
    if (fields.every((f) => f === '')) continue;
    const cells: Partial<Record<ImportField, string>> = {};
    let missing = false;
    for (const [field, index] of layout.columns) {
      const value = fields[index];
      // A row shorter than the header misses a column only when the domain itself is gone.
      if (value === undefined && field === 'domain') missing = true;
      cells[field] = value ?? '';
    }
    if (missing) {
      summary.errors.push({ line, issues: [{ code: 'missing-column', field: 'line' }] });
      continue;
    }
    const request: WatchRequest = { domain: cells.domain ?? '', services: rowServices(cells, deps.catalogue), dkimSelectors: words(cells.dkimSelectors) };
    if (cells.customerId) request.customerId = cells.customerId;
    if (cells.label) request.label = cells.label;
    if (cells.schedule) request.schedule = cells.schedule;
    const valid = validateWatch(request, deps.catalogue);
    if (!valid.ok) {
      summary.errors.push({ line, issues: valid.issues });
      continue;
    }
    const first = seen.get(valid.watch.domain);
    if (first !== undefined) {
      summary.errors.push({ line, issues: [{ code: 'duplicate-domain', field: 'domain', value: valid.watch.domain, firstLine: first }] });
      continue;
    }
    seen.set(valid.watch.domain, line);
    batch.push(valid.watch);
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  if (layout === undefined) throw new ImportHeaderError([]);
  return summary;
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────

/** A page of watched domains. */
export interface DomainPage {
  /** Domains matching the filter, on every page. */
  total: number;
  offset: number;
  limit: number;
  domains: WatchedDomain[];
}

/** A page request that is out of range. */
export class PageError extends Error {
  override name = 'PageError';
  constructor(
    readonly field: 'offset' | 'limit' | 'situation' | 'kind' | 'sort' | 'order',
    readonly value: string,
  ) {
    super(`${field} ${value} is not usable`);
  }
}

/** Checked paging numbers: offset ≥ 0, 1 ≤ limit ≤ `MAX_PAGE`. */
export function pageOf(offset: number | undefined, limit: number | undefined): { offset: number; limit: number } {
  const o = offset ?? 0;
  const l = limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(o) || o < 0) throw new PageError('offset', String(offset));
  if (!Number.isInteger(l) || l < 1 || l > MAX_PAGE) throw new PageError('limit', String(limit));
  return { offset: o, limit: l };
}

/** A situation filter as typed (`not-authorised`, `unchecked`), checked. */
export function situationFilter(text: string | undefined): MonitorSituation | 'unchecked' | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'unchecked' || (MONITOR_SITUATIONS as readonly string[]).includes(text)) return text as MonitorSituation | 'unchecked';
  throw new PageError('situation', text);
}

/** A sort key and direction as typed (`checked`, `desc`), checked. */
export function sortOf(sort: string | undefined, order: string | undefined): Pick<DomainQuery, 'sort' | 'order'> {
  const out: Pick<DomainQuery, 'sort' | 'order'> = {};
  if (sort !== undefined && sort !== '') {
    if (!(DOMAIN_SORTS as readonly string[]).includes(sort)) throw new PageError('sort', sort);
    out.sort = sort as DomainSort;
  }
  if (order !== undefined && order !== '') {
    if (order !== 'asc' && order !== 'desc') throw new PageError('order', order);
    out.order = order;
  }
  return out;
}

/**
 * One page of watched domains (domain order, or by `sort`), with the number that match.
 *
 * @example
 * await listWatched(deps, { situation: 'not-authorised', search: 'bakker', offset: 0, limit: 50 });
 * // { total: 3, offset: 0, limit: 50, domains: [ … ] }
 */
export async function listWatched(deps: Pick<MonitorDeps, 'store'>, query: { situation?: string; search?: string; offset?: number; limit?: number; sort?: string; order?: string }): Promise<DomainPage> {
  const { offset, limit } = pageOf(query.offset, query.limit);
  const order = sortOf(query.sort, query.order);
  const filter: DomainQuery = {};
  const situation = situationFilter(query.situation);
  if (situation !== undefined) filter.situation = situation;
  if (query.search !== undefined && query.search.trim() !== '') filter.search = query.search.trim();
  const [total, domains] = await Promise.all([deps.store.countDomains(filter), deps.store.listDomains({ ...filter, ...order, offset, limit })]);
  return { total, offset, limit, domains };
}

/** One watched domain with its latest checks and events, newest first. */
export interface DomainDetail {
  domain: WatchedDomain;
  checks: StoredCheck[];
  events: StoredEvent[];
  /** The ready message for the customer about the latest check, in each language; absent when nothing is wrong or nothing could be checked. */
  messages?: Record<Lang, ReadyMessage>;
}

/** A domain with its history, or undefined when it is not watched. */
export async function watchedDetail(deps: Pick<MonitorDeps, 'store'>, domain: string, options: { checks?: number; events?: number } = {}): Promise<DomainDetail | undefined> {
  const name = watchDomain(domain);
  if (!name.ok) return undefined;
  const found = await deps.store.getDomain(name.domain);
  if (!found) return undefined;
  const [checks, events] = await Promise.all([deps.store.recentChecks(found.domain, options.checks ?? 10), deps.store.listEvents({ domain: found.domain, limit: options.events ?? 50 })]);
  const latest = checks[0];
  const messages = latest === undefined ? undefined : customerMessages(latest);
  return messages === undefined ? { domain: found, checks, events } : { domain: found, checks, events, messages };
}

/** `customerMessage` in every language, or undefined when there is none. */
function customerMessages(check: StoredCheck): Record<Lang, ReadyMessage> | undefined {
  const out: Partial<Record<Lang, ReadyMessage>> = {};
  for (const lang of LANGS) {
    const message = customerMessage(check, lang);
    if (message === undefined) return undefined;
    out[lang] = message;
  }
  return out as Record<Lang, ReadyMessage>;
}

/** An event kind filter as typed, checked. */
export function eventKindFilter(text: string | undefined): EventKind | undefined {
  if (text === undefined || text === '') return undefined;
  if ((EVENT_KINDS as readonly string[]).includes(text)) return text as EventKind;
  throw new PageError('kind', text);
}

/**
 * Events, newest first: of one domain, of one kind, after an id (what a poller has seen).
 *
 * @example
 * await listMonitorEvents(deps, { kind: 'situation-changed', limit: 20 });
 */
export async function listMonitorEvents(deps: Pick<MonitorDeps, 'store'>, query: { domain?: string; kind?: string; afterId?: number; limit?: number }): Promise<StoredEvent[]> {
  const { limit } = pageOf(0, query.limit);
  const filter: EventQuery = { limit };
  if (query.domain !== undefined && query.domain !== '') {
    const name = watchDomain(query.domain);
    filter.domain = name.ok ? name.domain : query.domain;
  }
  const kind = eventKindFilter(query.kind);
  if (kind !== undefined) filter.kind = kind;
  if (query.afterId !== undefined) filter.afterId = query.afterId;
  return deps.store.listEvents(filter);
}

// ── Checks ─────────────────────────────────────────────────────────────────────────────

/** Situations an operator must act on: `monitor check` exits 1 when a domain is in one. */
export const PROBLEM_SITUATIONS: readonly MonitorSituation[] = Object.freeze(['not-authorised', 'broken', 'could-not-check']);

/** Domains named to check that are not watched (or not domains). */
export class NotWatchedDomainsError extends Error {
  override name = 'NotWatchedDomainsError';
  constructor(readonly domains: string[]) {
    super(`not watched: ${domains.join(', ')}`);
  }
}

/**
 * Checks the named watched domains (all when none are named), storing each check and its
 * events, and yields each as it is stored. Throws `NotWatchedDomainsError` before checking
 * anything when a name is not watched.
 *
 * @example
 * for await (const { check, events } of checkWatched(deps, ['klant.nl'], { resolver, concurrency: 16 })) …
 */
export async function* checkWatched(
  deps: MonitorDeps,
  domains: readonly string[],
  options: Omit<CheckDomainOptions, 'catalogue' | 'now'> & { concurrency?: number },
): AsyncGenerator<CheckOutcome> {
  let names: string[] | undefined;
  if (domains.length > 0) {
    names = [];
    const missing: string[] = [];
    for (const text of domains) {
      const name = watchDomain(text);
      if (name.ok && (await deps.store.getDomain(name.domain))) names.push(name.domain);
      else missing.push(text);
    }
    if (missing.length > 0) throw new NotWatchedDomainsError(missing);
  }
  yield* checkMany(deps.store, names, { ...options, catalogue: deps.catalogue, now: deps.now });
}

// ── Export ─────────────────────────────────────────────────────────────────────────────

export type ExportFormat = 'csv' | 'jsonl';

/** The columns of an export, in order. */
export const EXPORT_COLUMNS = ['domain', 'customerId', 'label', 'services', 'situation', 'checkedAt', 'lookups', 'bytes', 'record', 'recordToPublish', 'dmarcPolicy'] as const;

type ExportRow = Partial<Record<(typeof EXPORT_COLUMNS)[number], string | number>>;

function exportRow(domain: WatchedDomain, check: StoredCheck | undefined): ExportRow {
  const row: ExportRow = { domain: domain.domain, customerId: domain.customerId, label: domain.label, services: domain.services.map(serviceName).join(' ') };
  if (check) {
    row.situation = check.situation;
    row.checkedAt = check.checkedAt;
    row.lookups = check.spf.lookups;
    row.bytes = check.spf.bytes;
    row.record = check.spf.records.join(' | ') || undefined;
    row.recordToPublish = check.recordToPublish;
    row.dmarcPolicy = check.dmarc.policy;
  }
  return row;
}

/**
 * Every watched domain (filtered like `listWatched`) with its latest check, as CSV (header
 * first; cells guarded against spreadsheet formulas) or JSON Lines, one line at a time.
 * Reads the store a page at a time, so memory stays flat.
 *
 * @example
 * for await (const line of exportWatched(deps, 'csv', { situation: 'not-authorised' })) out.write(line);
 */
export async function* exportWatched(deps: Pick<MonitorDeps, 'store'>, format: ExportFormat, query: { situation?: string; search?: string } = {}): AsyncGenerator<string> {
  const filter: DomainQuery = {};
  const situation = situationFilter(query.situation);
  if (situation !== undefined) filter.situation = situation;
  if (query.search !== undefined && query.search.trim() !== '') filter.search = query.search.trim();
  if (format === 'csv') yield EXPORT_COLUMNS.join(',') + '\r\n';
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await deps.store.listDomains({ ...filter, offset, limit: MAX_PAGE });
    for (const domain of page) {
      const [check] = domain.lastCheck ? await deps.store.recentChecks(domain.domain, 1) : [];
      const row = exportRow(domain, check);
      if (format === 'csv') {
        yield EXPORT_COLUMNS.map((key) => csvCell(row[key])).join(',') + '\r\n';
      } else {
        const ordered: Record<string, unknown> = {};
        for (const key of EXPORT_COLUMNS) if (row[key] !== undefined) ordered[key] = row[key];
        yield JSON.stringify(ordered) + '\n';
      }
    }
    if (page.length < MAX_PAGE) return;
  }
}

// ── What if the provider changes its record ──────────────────────────────────────────

/**
 * Evaluates a provider's candidate record for every watched customer of the provider
 * (monitor/what-if.ts): what the CLI's `monitor what-if` and `POST /api/monitor/what-if` run.
 *
 * @example
 * const outcome = await whatIfWatched(deps, 'coachview', 'v=spf1 include:a.example -all', { resolver });
 */
export function whatIfWatched(deps: MonitorDeps, provider: string, policy: string, options: { resolver: Resolver; concurrency?: number; maxCustomers?: number }): Promise<WhatIfOutcome> {
  const { resolver, ...rest } = options;
  return whatIf(deps.store, provider, policy, { resolver, catalogue: deps.catalogue, now: deps.now, ...rest });
}

/** Why a what-if could not run, in words. */
export function whatIfIssueText(lang: Lang, issue: WhatIfInputIssue, catalogue: ProviderCatalogue): string {
  switch (issue.code) {
    case 'unknown-provider':
      return t(lang, 'monitor.what-if.unknown-provider', { text: issue.provider, known: catalogue.providers.map((p) => p.id) });
    case 'no-include':
      return t(lang, 'monitor.what-if.no-include', { provider: issue.provider, mechanism: issue.mechanism });
    case 'not-spf':
      return t(lang, 'monitor.what-if.not-spf', { text: issue.text });
    case 'bad-policy':
      return t(lang, 'monitor.what-if.bad-policy', { problems: issue.issues.map((i) => issueMessage(i, lang)) });
    case 'too-many-customers':
      return t(lang, 'monitor.what-if.too-many-customers', { count: issue.count, limit: issue.limit });
    default: {
      const never: never = issue;
      throw new Error(`unhandled what-if issue ${String(never)}`);
    }
  }
}

/** Why one customer is listed, in words. */
export function whatIfReasonText(lang: Lang, reason: WhatIfReason, customer: WhatIfCustomer): string {
  switch (reason) {
    case 'over-lookup-limit':
      return t(lang, 'monitor.what-if.reason.over-lookup-limit', { lookupsBefore: customer.before.lookups ?? 0, lookupsAfter: customer.after.lookups ?? 0, limit: WHAT_IF_LIMITS.lookups });
    case 'void-limit':
      return t(lang, 'monitor.what-if.reason.void-limit', { limit: WHAT_IF_LIMITS.voidLookups });
    case 'stops-authorising':
      return t(lang, 'monitor.what-if.reason.stops-authorising', { ips: customer.before.results.filter((r) => r.result === 'pass' && !customer.after.results.some((a) => a.ip === r.ip && a.result === 'pass')).map((r) => r.ip) });
    case 'breaks':
      return t(lang, 'monitor.what-if.reason.breaks', { cause: customer.after.cause ?? '' });
    case 'could-not-check':
      return t(lang, 'monitor.what-if.reason.could-not-check');
    default: {
      const never: never = reason;
      throw new Error(`unhandled what-if reason ${String(never)}`);
    }
  }
}

// ── Words ──────────────────────────────────────────────────────────────────────────────

/**
 * One issue in words.
 *
 * @example
 * issueText('nl', { code: 'unknown-provider', field: 'services', value: 'coachvieuw' }, catalogue);
 */
export function issueText(lang: Lang, issue: ImportIssue, catalogue: ProviderCatalogue): string {
  switch (issue.code) {
    case 'bad-domain':
      return t(lang, 'monitor.issue.bad-domain', { domain: issue.value, problem: issue.problem === 'not-a-hostname' ? t(lang, 'monitor.issue.not-a-hostname') : t(lang, `spf.domain.${issue.problem}`) });
    case 'no-service':
      return t(lang, 'monitor.issue.no-service');
    case 'unknown-provider':
      return t(lang, 'monitor.issue.unknown-provider', { text: issue.value, known: catalogue.providers.map((p) => p.id) });
    case 'bad-mechanism':
      return t(lang, 'monitor.issue.bad-mechanism', { text: issue.value, reason: issue.reason });
    case 'bad-test-ip':
      return t(lang, 'monitor.issue.bad-test-ip', { ip: issue.value });
    case 'bad-selector':
      return t(lang, 'monitor.issue.bad-selector', { selector: issue.value });
    case 'too-many':
      return t(lang, 'monitor.issue.too-many', { name: issue.field, limit: issue.limit });
    case 'too-long':
      return t(lang, 'monitor.issue.too-long', { name: issue.field, limit: issue.limit });
    case 'duplicate-domain':
      return t(lang, 'monitor.issue.duplicate-domain', { domain: issue.value, line: issue.firstLine });
    case 'unclosed-quote':
    case 'text-after-quote':
    case 'missing-column':
    case 'extra-columns':
      return t(lang, `bulk.invalid.${issue.code}`);
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}
