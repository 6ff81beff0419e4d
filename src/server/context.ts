/**
 * What the routes of one server instance share: the DNS cache, the parsed-record cache and
 * the limits — and the per-request pieces made from them (a budgeted resolver, the language).
 */
import type { FastifyRequest } from 'fastify';
import { type QueryAllowance, type Reservation } from '../dns/allowance.ts';
import { type BudgetResolver, budgetResolver } from '../dns/budget.ts';
import type { CachingResolver } from '../dns/cache.ts';
import type { ResolverProbe } from '../dns/resolver-health.ts';
import { type Lang, detectLang } from '../i18n/lang.ts';
import { maxCheckQueries } from '../spf/lookup-rules.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import { RFC_LIMITS } from '../spf/types.ts';

/** The abuse limits of a server; every one can be set in `createServer({ limits })`. */
export interface ServerLimits {
  /** DNS queries one request may cause (cache hits included); then `servfail` → temperror. */
  maxQueries: number;
  /** The same for an audit, which walks the whole SPF tree and probes DKIM selectors. */
  auditMaxQueries: number;
  /** The same for `/api/add`: the record before and after, the flattened includes, a dozen verifying checks. */
  addMaxQueries: number;
  /** Milliseconds one request may spend on DNS; then `timeout` → temperror. */
  deadlineMs: number;
  /** Requests to the DNS-querying routes per client per window. */
  rateMax: number;
  /**
   * DNS queries one client may cause per window, over all its requests (issue 17.2). A
   * request reserves its whole budget first (`maxQueries`, `auditMaxQueries` …) and gives
   * back what it did not use; when the client's allowance cannot cover it: 429.
   */
  clientQueries: number;
  /** The rate-limit window in milliseconds. */
  rateWindowMs: number;
  /** Largest request body in bytes. */
  bodyBytes: number;
  /** Milliseconds a client has to send a whole request, headers and body; then 408 and the connection is closed. */
  requestTimeoutMs: number;
  /** Milliseconds a kept-alive connection may sit idle between requests before it is closed. */
  idleTimeoutMs: number;
}

/**
 * The per-request budget of a check: the most queries any RFC-valid check can send
 * (`maxCheckQueries`: 123 — ten `mx` terms of ten exchanges each, the client's PTR names, the
 * `exp=` TXT) plus the client's PTR name shown beside it (1 + 10). A record within RFC 7208's
 * limits is then never cut short by the server (issue 17.8: 100 made such records temperror).
 */
export const CHECK_MAX_QUERIES = maxCheckQueries() + 1 + RFC_LIMITS.ptrNames;

/**
 * Defaults for a public checker: `CHECK_MAX_QUERIES` (134) per check; an audit walks up to 100
 * SPF records and probes DKIM selectors, hence 400. 8 s is two tries of the system resolver's
 * 2 s timeout, twice.
 */
export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxQueries: CHECK_MAX_QUERIES,
  // A budget counts distinct questions (dns/budget.ts): the record before (≤ 134), the sender's
  // include tree and the addresses it flattens to, and the PTR names of the verifying addresses.
  addMaxQueries: 3 * CHECK_MAX_QUERIES,
  auditMaxQueries: 400,
  deadlineMs: 8000,
  rateMax: 60,
  // Three worst-case audits or add plans, nine worst-case checks at once; ordinary requests
  // use a few dozen queries and give the rest back.
  clientQueries: 1200,
  rateWindowMs: 60_000,
  bodyBytes: 16 * 1024,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 5_000,
});

/** Shared by all requests of one server. */
export interface ServerContext {
  /** The ONE cache in front of the DNS of this server. */
  resolver: CachingResolver;
  /** The ONE parsed-record cache of this server. */
  records: RecordCache;
  limits: Readonly<ServerLimits>;
  /** Probes the system resolver (cached a few seconds); none for a resolver given in the options. */
  probe?: ResolverProbe;
  /** The per-client DNS allowance (`limits.clientQueries` per `limits.rateWindowMs`). */
  allowance: QueryAllowance;
  /** The key a client is counted under (its IPv4 address or IPv6 /64). */
  clientOf: (request: FastifyRequest) => string;
  /** What each request still has to give back to the allowance when it ends. */
  reserved: WeakMap<FastifyRequest, Array<() => void>>;
}

/** A request refused because its client's DNS allowance cannot cover the request's budget. */
export class DnsAllowanceError extends Error {
  override name = 'DnsAllowanceError';
  constructor(
    readonly retryAfterSeconds: number,
    readonly limit: number,
    readonly windowSeconds: number,
  ) {
    super(`DNS allowance of ${limit} queries per ${windowSeconds} s spent; retry in ${retryAfterSeconds} s`);
  }
}

/**
 * A resolver for one request: the shared cache behind this request's budget and deadline. The
 * budget is reserved from the client's allowance first (throws `DnsAllowanceError` when it
 * cannot be); `releaseReserved` gives back the unused part when the response is sent.
 */
export function requestResolver(ctx: ServerContext, request: FastifyRequest, maxQueries = ctx.limits.maxQueries): BudgetResolver {
  const reservation: Reservation | { retryAfterMs: number } = ctx.allowance.reserve(ctx.clientOf(request), maxQueries);
  if ('retryAfterMs' in reservation) {
    throw new DnsAllowanceError(Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)), ctx.limits.clientQueries, Math.round(ctx.limits.rateWindowMs / 1000));
  }
  const resolver = budgetResolver(ctx.resolver, { maxQueries: reservation.queries, deadlineMs: ctx.limits.deadlineMs });
  const list = ctx.reserved.get(request) ?? [];
  list.push(() => reservation.release(resolver.stats.queries));
  ctx.reserved.set(request, list);
  return resolver;
}

/** Gives back what a request's resolvers did not use (the `onResponse` hook of the DNS routes). */
export function releaseReserved(ctx: ServerContext, request: FastifyRequest): void {
  for (const release of ctx.reserved.get(request) ?? []) release();
  ctx.reserved.delete(request);
}

/** The language asked for in the body or query, else the best match for Accept-Language. */
export function requestLang(request: FastifyRequest, asked: Lang | undefined): Lang {
  return asked ?? detectLang(request.headers['accept-language']);
}
