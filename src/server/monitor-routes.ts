/**
 * `/api/monitor/…`: the monitor's use cases (src/app/monitor.ts) over HTTP, for a
 * provider's own dashboard and scripts. Every route needs an API token
 * (`Authorization: Bearer <token>`, made with `spfkit monitor token create`); the public
 * checker routes stay open. The store is opened on the first monitor request (the embedded
 * SQLite file in the data folder, as the CLI uses) and closed with the server.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Resolver } from '../dns/resolver.ts';
import {
  ImportHeaderError,
  MAX_PAGE,
  type MonitorDeps,
  NotWatchedDomainsError,
  PageError,
  addWatched,
  checkWatched,
  exportWatched,
  importWatched,
  whatIfIssueText,
  whatIfReasonText,
  whatIfWatched,
  issueText,
  listMonitorEvents,
  listWatched,
  removeWatched,
  watchedDetail,
} from '../app/monitor.ts';
import { splitLines } from '../bulk/csv.ts';
import { t } from '../i18n/catalog.ts';
import { type Lang, isLang } from '../i18n/lang.ts';
import type { CheckOutcome } from '../monitor/run.ts';
import { DOMAIN_SORTS, type MonitorStore } from '../monitor/store.ts';
import { verifyToken } from '../monitor/tokens.ts';
import { MONITOR_SITUATIONS } from '../monitor/types.ts';
import type { ProviderCatalogue } from '../record/providers.ts';
import { type ServerContext, requestLang } from './context.ts';
import { HttpError, InputError } from './errors.ts';
import {
  CHECK_DOMAIN_SCHEMA,
  CHECK_MANY_SCHEMA,
  type CheckBody,
  DOMAINS_SCHEMA,
  DOMAIN_SCHEMA,
  type DomainParams,
  type DomainsQuery,
  EVENTS_SCHEMA,
  EXPORT_SCHEMA,
  type EventsQuery,
  type ExportQuery,
  IMPORT_BODY_BYTES,
  IMPORT_SCHEMA,
  type LangQuery,
  MAX_HTTP_CHECK,
  UNWATCH_SCHEMA,
  WATCH_SCHEMA,
  type WatchBody,
  MAX_HTTP_WHAT_IF,
  WHAT_IF_SCHEMA,
  type WhatIfBody,
} from './monitor-schemas.ts';

/** How the server reaches the monitor's store. */
export interface MonitorOptions {
  /** Opens the store; called on the first monitor request (again after a failure). */
  open: () => Promise<MonitorStore>;
}

/** Domains checked at once by `POST /api/monitor/check`. */
const CHECK_CONCURRENCY = 16;

function langOf(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return requestLang(request, typeof asked === 'string' && isLang(asked) ? asked : undefined);
}

/** The `Bearer` credentials of a request (RFC 6750 §2.1), or undefined. */
function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Query-string numbers (checked digits by the schema) as numbers; absent ones left out. */
function numbers<K extends string>(texts: Record<K, string | undefined>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [key, text] of Object.entries(texts) as Array<[K, string | undefined]>) if (text !== undefined) out[key] = Number(text);
  return out;
}

function pageIssue(error: PageError, lang: Lang): InputError {
  const message =
    error.field === 'situation'
      ? t(lang, 'monitor.usage.bad-situation', { text: error.value, values: [...MONITOR_SITUATIONS, 'unchecked'] })
      : error.field === 'sort'
        ? t(lang, 'monitor.usage.bad-sort', { text: error.value, values: [...DOMAIN_SORTS] })
        : error.field === 'order'
          ? t(lang, 'monitor.usage.bad-order', { text: error.value })
          : t(lang, 'monitor.usage.bad-number', { option: error.field, text: error.value, limit: MAX_PAGE });
  return new InputError([{ field: error.field, code: 'out-of-range', message }]);
}

/** Registers the `/api/monitor/…` routes on `app` (an encapsulated plugin); checks ask `resolver` (uncached). */
export function monitorRoutes(app: FastifyInstance, ctx: ServerContext, catalogue: ProviderCatalogue, options: MonitorOptions, resolver: Resolver): void {
  let opening: Promise<MonitorStore> | undefined;
  const store = async (lang: Lang): Promise<MonitorStore> => {
    opening ??= options.open();
    try {
      return await opening;
    } catch (error) {
      opening = undefined;
      throw new HttpError(503, 'monitor-unavailable', t(lang, 'monitor.usage.store', { detail: error instanceof Error ? error.message : String(error) }));
    }
  };
  app.addHook('onClose', async () => {
    const opened = opening;
    opening = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  });
  const deps = async (request: FastifyRequest): Promise<MonitorDeps> => ({ store: await store(langOf(request)), catalogue, now: () => new Date() });

  // Before the body is read or validated: without a good token nothing else is said.
  app.addHook('onRequest', async (request) => {
    const lang = langOf(request);
    const verdict = await verifyToken(await store(lang), bearer(request));
    if (!verdict.ok) throw new HttpError(401, 'unauthorized', t(lang, verdict.refusal === 'missing' ? 'monitor.api.token-missing' : 'monitor.api.token-bad'));
  });

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_BYTES }, (_request, body, done) => done(null, body));

  app.get<{ Querystring: DomainsQuery }>('/api/monitor/domains', { schema: DOMAINS_SCHEMA }, async (request) => {
    try {
      const { offset, limit, ...filter } = request.query;
      return await listWatched(await deps(request), { ...filter, ...numbers({ offset, limit }) });
    } catch (error) {
      if (error instanceof PageError) throw pageIssue(error, langOf(request));
      throw error;
    }
  });

  app.post<{ Body: WatchBody }>('/api/monitor/domains', { schema: WATCH_SCHEMA }, async (request, reply) => {
    const lang = requestLang(request, request.body.lang);
    const { lang: _lang, ...watch } = request.body;
    const d = await deps(request);
    const added = await addWatched(d, watch);
    if (!added.ok) throw new InputError(added.issues.map((issue) => ({ field: issue.field, code: issue.code, message: issueText(lang, issue, catalogue) })));
    return reply.code(added.outcome === 'added' ? 201 : 200).send({ outcome: added.outcome, domain: added.domain });
  });

  app.get<{ Params: DomainParams; Querystring: LangQuery }>('/api/monitor/domains/:domain', { schema: DOMAIN_SCHEMA }, async (request) => {
    const detail = await watchedDetail(await deps(request), request.params.domain);
    if (!detail) throw new HttpError(404, 'not-watched', t(langOf(request), 'monitor.api.not-watched', { domain: request.params.domain }));
    return detail;
  });

  app.delete<{ Params: DomainParams; Querystring: LangQuery }>('/api/monitor/domains/:domain', { schema: UNWATCH_SCHEMA }, async (request) => {
    if (!(await removeWatched(await deps(request), request.params.domain))) throw new HttpError(404, 'not-watched', t(langOf(request), 'monitor.api.not-watched', { domain: request.params.domain }));
    return { removed: request.params.domain };
  });

  /** Checks the domains (all when none are named, up to MAX_HTTP_CHECK). */
  const check = async (request: FastifyRequest, domains: string[]): Promise<CheckOutcome[]> => {
    const d = await deps(request);
    const lang = langOf(request);
    if (domains.length === 0) {
      const count = await d.store.countDomains();
      if (count > MAX_HTTP_CHECK) throw new InputError([{ field: 'domains', code: 'too-many', message: t(lang, 'monitor.api.too-many', { count, limit: MAX_HTTP_CHECK }) }]);
    }
    const outcomes: CheckOutcome[] = [];
    try {
      // DNS as it is now, not the public checker's cache: "check now" after a customer fixed
      // the record must see the fix (each check has a cache of its own). The resolver's
      // timeouts bound each query (a timeout is could-not-check); token holders only, so
      // no per-request budget.
      for await (const outcome of checkWatched(d, domains, { resolver, concurrency: CHECK_CONCURRENCY, records: ctx.records })) outcomes.push(outcome);
    } catch (error) {
      if (error instanceof NotWatchedDomainsError) {
        if (domains.length === 1) throw new HttpError(404, 'not-watched', t(lang, 'monitor.api.not-watched', { domain: domains[0] as string }));
        throw new InputError([{ field: 'domains', code: 'not-watched', message: t(lang, 'monitor.usage.not-watched', { domains: error.domains }) }]);
      }
      throw error;
    }
    return outcomes;
  };

  app.post<{ Params: DomainParams; Querystring: LangQuery }>('/api/monitor/domains/:domain/check', { schema: CHECK_DOMAIN_SCHEMA }, async (request) => {
    const [outcome] = await check(request, [request.params.domain]);
    return outcome;
  });

  app.post<{ Body: CheckBody | undefined }>('/api/monitor/check', { schema: CHECK_MANY_SCHEMA }, async (request) => {
    const results = await check(request, request.body?.domains ?? []);
    const situations = Object.fromEntries(MONITOR_SITUATIONS.map((s) => [s, results.filter((r) => r.check.situation === s).length]));
    return { checked: results.length, situations, results };
  });

  app.post<{ Body: WhatIfBody }>('/api/monitor/what-if', { schema: WHAT_IF_SCHEMA }, async (request) => {
    const lang = requestLang(request, request.body.lang);
    const d = await deps(request);
    // Live DNS like "check now": the comparison is with DNS as it is, not the checker's cache.
    const outcome = await whatIfWatched(d, request.body.provider, request.body.policy, { resolver, concurrency: CHECK_CONCURRENCY, maxCustomers: MAX_HTTP_WHAT_IF });
    if (!outcome.ok) {
      const field = outcome.issue.code === 'unknown-provider' || outcome.issue.code === 'no-include' ? 'provider' : outcome.issue.code === 'too-many-customers' ? 'provider' : 'policy';
      throw new InputError([{ field, code: outcome.issue.code, message: whatIfIssueText(lang, outcome.issue, catalogue) }]);
    }
    const { report } = outcome;
    return {
      ...report,
      affected: report.affected.map((customer) => ({ ...customer, messages: customer.reasons.map((reason) => whatIfReasonText(lang, reason, customer)) })),
      summary: t(lang, 'monitor.what-if.summary', { checked: report.checked, affected: report.affected.length, provider: report.provider }),
    };
  });

  app.get<{ Querystring: EventsQuery }>('/api/monitor/events', { schema: EVENTS_SCHEMA }, async (request) => {
    const { after, limit, ...rest } = request.query;
    const n = numbers({ afterId: after, limit });
    try {
      return { events: await listMonitorEvents(await deps(request), { ...rest, ...n }) };
    } catch (error) {
      if (error instanceof PageError) throw pageIssue(error, langOf(request));
      throw error;
    }
  });

  app.get<{ Querystring: ExportQuery }>('/api/monitor/export', { schema: EXPORT_SCHEMA }, async (request, reply) => {
    const format = request.query.format ?? 'csv';
    const d = await deps(request);
    let body = '';
    for await (const line of exportWatched(d, format, request.query)) body += line;
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    return reply.type(type).header('content-disposition', `attachment; filename="spfkit-monitor.${format}"`).send(body);
  });

  app.post<{ Body: string; Querystring: LangQuery }>('/api/monitor/import', { schema: IMPORT_SCHEMA, bodyLimit: IMPORT_BODY_BYTES }, async (request) => {
    const lang = langOf(request);
    if (typeof request.body !== 'string') throw new InputError([{ field: 'body', code: 'not-csv', message: t(lang, 'monitor.api.csv-body') }]);
    try {
      const summary = await importWatched(await deps(request), splitLines([request.body]));
      return { ...summary, errors: summary.errors.map((e) => ({ line: e.line, issues: e.issues.map((issue) => ({ ...issue, message: issueText(lang, issue, catalogue) })) })) };
    } catch (error) {
      if (error instanceof ImportHeaderError) throw new InputError([{ field: 'body', code: 'no-domain-column', message: t(lang, 'monitor.usage.no-domain-column', { names: error.columns }) }]);
      throw error;
    }
  });
}
