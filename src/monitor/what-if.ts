/**
 * What if a provider changes its own record (issue 11.4): the candidate record is evaluated
 * as if it were published at the provider's include target, for every watched customer that
 * authorises the provider, and each customer is checked twice in one run — as DNS is now and
 * with the candidate — so the comparison is between two checks of the same moment, not with
 * a check from last night. Listed: the customers that would go over 10 lookups (RFC 7208
 * §4.6.4), hit the void-lookup limit, stop authorising the test addresses, or break; and the
 * candidate's own size (450 octets, 255-octet strings, §3.4 / RFC 1035 §3.3). Nothing is
 * stored and nothing is published. Typed data only; the CLI and the server word it (src/i18n).
 */
import { mapConcurrent } from '../bulk/pool.ts';
import { cachingResolver } from '../dns/cache.ts';
import { txtOverlayResolver } from '../dns/overlay.ts';
import type { Resolver } from '../dns/resolver.ts';
import { countLookups } from '../record/lookups.ts';
import { type ProviderCatalogue, findProvider } from '../record/providers.ts';
import { includeTarget } from '../record/terms.ts';
import { fetchSpfRecord } from '../spf/fetch.ts';
import { isSpfRecordText, parseRecord } from '../spf/parse.ts';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES, byteLength, splitTxtStrings } from '../spf/size.ts';
import { RFC_LIMITS, type ParseIssue } from '../spf/types.ts';
import { type CheckDomainOptions, checkDomain, serviceName } from './check.ts';
import type { MonitorStore } from './store.ts';
import type { CheckSnapshot, IpResult, MonitorSituation, WatchedDomain, WatchedService } from './types.ts';

/** Why a what-if cannot be run: the input names no provider with a record of its own, or the candidate is no SPF record. */
export type WhatIfInputIssue =
  | { code: 'unknown-provider'; provider: string }
  /** The provider is authorised with something other than an include (`a:`, `ip4:` …): it has no record customers include. */
  | { code: 'no-include'; provider: string; mechanism: string }
  | { code: 'not-spf'; text: string }
  | { code: 'bad-policy'; issues: ParseIssue[] }
  /** More customers than `maxCustomers` (the HTTP route's bound; the CLI has none). */
  | { code: 'too-many-customers'; count: number; limit: number };

/** Why a customer is listed. */
export type WhatIfReason =
  /** Its record would need more than 10 DNS-querying terms (RFC 7208 §4.6.4: permerror at receivers). */
  | 'over-lookup-limit'
  /** A test address would end in permerror for more than two void lookups (§4.6.4). */
  | 'void-limit'
  /** A test address that passes today would not pass. */
  | 'stops-authorising'
  /** Another permerror (a bad include in the candidate's tree …). */
  | 'breaks'
  /** DNS did not answer for the customer in one of the two checks: nothing can be said. */
  | 'could-not-check';

/** The candidate as it would be published. */
export interface WhatIfCandidate {
  /** The include target the provider's customers name (`spf.coachview.net`). */
  target: string;
  record: string;
  /** Octets of the record, and whether it is over the 450 the RFC advises (§3.4). */
  bytes: number;
  overRecordLimit: boolean;
  /** The character-strings it must be published as (each ≤ 255 octets). */
  strings: string[];
  /** What including it costs a customer: the include term plus the candidate's own tree. */
  lookups: number;
  /** The record published at the target today, and what including it costs today (when DNS answered). */
  current?: { record: string; lookups: number };
}

/** One customer, as it is now and as it would be, for the provider's service. */
export interface WhatIfState {
  situation: MonitorSituation;
  /** The customer's lookups, whole tree (absent when its record could not be counted). */
  lookups?: number;
  /** The provider's service: its test addresses' results, and the SPF cause when broken. */
  results: IpResult[];
  cause?: string;
}

export interface WhatIfCustomer {
  domain: string;
  customerId?: string;
  label?: string;
  before: WhatIfState;
  after: WhatIfState;
  reasons: WhatIfReason[];
  /** True when the customer was already over a limit or not authorising before the change. */
  already: boolean;
}

export interface WhatIfReport {
  provider: string;
  candidate: WhatIfCandidate;
  /** Customers authorising the provider that were checked. */
  checked: number;
  /** The customers the change would affect (or that could not be checked), domain order. */
  affected: WhatIfCustomer[];
}

export type WhatIfOutcome = { ok: true; report: WhatIfReport } | { ok: false; issue: WhatIfInputIssue };

export interface WhatIfOptions extends Omit<CheckDomainOptions, 'records'> {
  /** Customers checked at once (two checks each). Default 16. */
  concurrency?: number;
  /** Refuse (`too-many-customers`) rather than check more customers than this. Default: no bound. */
  maxCustomers?: number;
}

/** The include target of a provider: the one domain its customers include, or why there is none. */
function providerTarget(catalogue: ProviderCatalogue, id: string): { ok: true; target: string; mechanism: string } | { ok: false; issue: WhatIfInputIssue } {
  const provider = findProvider(catalogue, id);
  if (!provider) return { ok: false, issue: { code: 'unknown-provider', provider: id } };
  const target = includeTarget(provider.mechanism);
  if (target === undefined) return { ok: false, issue: { code: 'no-include', provider: provider.id, mechanism: provider.mechanism } };
  return { ok: true, target, mechanism: provider.mechanism };
}

/** True when the watched domain authorises the provider: by catalogue id, or with the provider's include typed as a mechanism. */
function authorisesProvider(domain: WatchedDomain, providerId: string, target: string): WatchedService | undefined {
  return domain.services.find((service) => {
    if ('provider' in service) return service.provider === providerId;
    return includeTarget(service.mechanism) === target;
  });
}

function stateOf(check: CheckSnapshot, service: WatchedService): WhatIfState {
  const own = check.services.find((s) => s.service === serviceName(service));
  const state: WhatIfState = { situation: check.situation, results: own?.results ?? [] };
  if (check.spf.lookups !== undefined) state.lookups = check.spf.lookups;
  if (own?.cause !== undefined) state.cause = own.cause;
  return state;
}

const passes = (state: WhatIfState, ip: string): boolean => state.results.some((r) => r.ip === ip && r.result === 'pass');

/** The reasons a customer would be listed for a state, regardless of the change. */
function problems(state: WhatIfState): WhatIfReason[] {
  const reasons: WhatIfReason[] = [];
  if (state.situation === 'could-not-check') reasons.push('could-not-check');
  if (state.lookups !== undefined && state.lookups > RFC_LIMITS.dnsTerms) reasons.push('over-lookup-limit');
  if (state.results.some((r) => r.cause === 'void-limit')) reasons.push('void-limit');
  else if (state.situation === 'broken') reasons.push('breaks');
  return reasons;
}

/** The reasons to list a customer: problems the candidate brings, and passes it loses. */
function compare(before: WhatIfState, after: WhatIfState): { reasons: WhatIfReason[]; already: boolean } {
  const had = problems(before);
  const reasons = problems(after);
  if (before.results.some((r) => r.result === 'pass' && !passes(after, r.ip))) reasons.push('stops-authorising');
  if (before.situation === 'could-not-check' && !reasons.includes('could-not-check')) reasons.unshift('could-not-check');
  const already = had.length > 0 || before.situation === 'not-authorised';
  // A customer whose state does not change at all is not the candidate's doing.
  const same = JSON.stringify(before) === JSON.stringify(after);
  return { reasons: same && !reasons.includes('could-not-check') ? [] : reasons, already };
}

/**
 * Evaluates `policy` as the provider's record for every watched customer that authorises
 * the provider, and lists the customers it would affect.
 *
 * @example
 * const outcome = await whatIf(store, 'coachview', 'v=spf1 include:a.example include:b.example -all', { resolver, catalogue, now: () => new Date() });
 * if (outcome.ok) for (const c of outcome.report.affected) console.log(c.domain, c.reasons); // klant.nl ['over-lookup-limit']
 */
export async function whatIf(store: MonitorStore, providerId: string, policy: string, options: WhatIfOptions): Promise<WhatIfOutcome> {
  const provider = providerTarget(options.catalogue, providerId);
  if (!provider.ok) return provider;
  const record = policy.trim().replace(/\s+/g, ' ');
  if (!isSpfRecordText(record)) return { ok: false, issue: { code: 'not-spf', text: policy } };
  const parsed = parseRecord(record);
  if (!parsed.ok) return { ok: false, issue: { code: 'bad-policy', issues: parsed.issues } };

  // One cache for the run: both checks of every customer see one view of DNS, asked once.
  const live = cachingResolver(options.resolver);
  const strings = splitTxtStrings(record);
  const changed: Resolver = txtOverlayResolver(live, new Map([[provider.target, [strings]]]));
  const candidate: WhatIfCandidate = {
    target: provider.target,
    record,
    bytes: byteLength(record),
    overRecordLimit: byteLength(record) > MAX_RECORD_BYTES,
    strings,
    lookups: 1 + (await countLookups(record, changed, { domain: provider.target })).total,
  };
  const current = await fetchSpfRecord(live, provider.target);
  if (current.kind === 'record') candidate.current = { record: current.text, lookups: 1 + (await countLookups(current.text, live, { domain: provider.target })).total };

  const customers = (await store.listDomains()).flatMap((domain) => {
    const service = authorisesProvider(domain, providerId, provider.target);
    return service ? [{ domain, service }] : [];
  });
  if (options.maxCustomers !== undefined && customers.length > options.maxCustomers) return { ok: false, issue: { code: 'too-many-customers', count: customers.length, limit: options.maxCustomers } };
  const checkOptions = { catalogue: options.catalogue, now: options.now, ...(options.suffixes ? { suffixes: options.suffixes } : {}) };
  const affected: WhatIfCustomer[] = [];
  for await (const customer of mapConcurrent(customers, options.concurrency ?? 16, async ({ domain, service }) => {
    const [now, then] = await Promise.all([checkDomain(domain, { ...checkOptions, resolver: live }), checkDomain(domain, { ...checkOptions, resolver: changed })]);
    const before = stateOf(now, service);
    const after = stateOf(then, service);
    const { reasons, already } = compare(before, after);
    if (reasons.length === 0) return undefined;
    const listed: WhatIfCustomer = { domain: domain.domain, before, after, reasons, already };
    if (domain.customerId !== undefined) listed.customerId = domain.customerId;
    if (domain.label !== undefined) listed.label = domain.label;
    return listed;
  })) {
    if (customer) affected.push(customer);
  }
  affected.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { ok: true, report: { provider: providerId, candidate, checked: customers.length, affected } };
}

/** The limits a what-if report names, for the shells' words. */
export const WHAT_IF_LIMITS = Object.freeze({ lookups: RFC_LIMITS.dnsTerms, voidLookups: RFC_LIMITS.voidLookups, recordBytes: MAX_RECORD_BYTES, stringBytes: MAX_STRING_BYTES });
