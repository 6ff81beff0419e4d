/**
 * One check of a watched domain: everything the monitor keeps about it at one moment, made
 * from the library — the SPF record as published (`spfRecordFromAnswer`), its lookup count
 * (`countLookups`), each service's situation (`customerSituation`, the classifier the bulk
 * checker uses), the record to publish (`addSender`), the DMARC policy (`discoverDmarc`), the
 * DKIM selectors (`lookupKey`, `parseDkimKey`) and each service's own record.
 *
 * A DNS timeout or SERVFAIL never reads as "no record": it makes the part `dns-error` /
 * `unavailable`, and the situation `could-not-check`.
 */
import { appliedPolicy, discoverDmarc } from '../dmarc/discover.ts';
import { lookupKey } from '../audit/dkim.ts';
import { parseDkimKey } from '../dkim/parse.ts';
import { dkimName } from '../dkim/selectors.ts';
import { cachingResolver } from '../dns/cache.ts';
import type { Resolver } from '../dns/resolver.ts';
import { ttlRecordingResolver } from '../dns/ttl.ts';
import { bundledPublicSuffixList } from '../psl/bundled.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { type AddPlan, addSender } from '../record/add.ts';
import { countLookups } from '../record/lookups.ts';
import { type Provider, type ProviderCatalogue, findProvider } from '../record/providers.ts';
import { type Situation, customerSituation } from '../record/situation.ts';
import { byteLength, includeTarget } from '../record/terms.ts';
import { canonicalDomain } from '../spf/domain.ts';
import { fetchSpfRecord, spfRecordFromAnswer } from '../spf/fetch.ts';
import { isSpfRecordText } from '../spf/parse.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import type { CheckSnapshot, DkimSnapshot, DmarcSnapshot, MonitorSituation, ProviderSnapshot, ServiceCheck, SpfSnapshot, WatchedDomain, WatchedService } from './types.ts';

export interface CheckDomainOptions {
  /** DNS; each check wraps it in a cache of its own, so one check sees one view of DNS. */
  resolver: Resolver;
  /** The provider catalogue (data/providers.json) that `{ provider: id }` services name. */
  catalogue: ProviderCatalogue;
  /** The time the check is stamped with. */
  now: () => Date;
  records?: RecordCache;
  /** For DMARC's organisational domain (default: the bundled list). */
  suffixes?: PublicSuffixList;
}

/** What a check needs of a watched domain. */
export type CheckTarget = Pick<WatchedDomain, 'domain' | 'services' | 'dkimSelectors'>;

/** Worst first: a domain is in the first situation any of its services is in. */
const SEVERITY: readonly MonitorSituation[] = ['could-not-check', 'broken', 'not-authorised', 'none', 'authorised'];

/**
 * The domain's situation from its services': the worst of them.
 *
 * @example
 * worstSituation(['authorised', 'not-authorised']); // 'not-authorised'
 */
export function worstSituation(situations: readonly MonitorSituation[]): MonitorSituation {
  for (const s of SEVERITY) if (situations.includes(s)) return s;
  return 'could-not-check';
}

/**
 * True when the check could not reach DNS for the domain's SPF policy: the record's query,
 * or an evaluation that ended in temperror. Configuration problems (an unknown provider) are
 * could-not-check too, but not DNS failures.
 */
export function dnsFailed(check: Pick<CheckSnapshot, 'spf' | 'services'>): boolean {
  return check.spf.status === 'dns-error' || check.services.some((s) => s.cause === 'dns-error');
}

/** The service's name as stored and shown: the catalogue id or the mechanism. */
export function serviceName(service: WatchedService): string {
  return 'provider' in service ? service.provider : service.mechanism;
}

/**
 * Checks a watched domain once.
 *
 * @example
 * const check = await checkDomain({ domain: 'klant.nl', services: [{ provider: 'coachview' }], dkimSelectors: [] }, { resolver, catalogue, now: () => new Date() });
 * check.situation;       // 'not-authorised'
 * check.recordToPublish; // 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all'
 */
export async function checkDomain(target: CheckTarget, options: CheckDomainOptions): Promise<CheckSnapshot> {
  const checkedAt = options.now().toISOString();
  const domain = canonicalDomain(target.domain);
  // The TTL recorder sits under the cache: it sees each answer the check used once, as DNS gave it.
  const ttl = ttlRecordingResolver(options.resolver);
  const resolver = cachingResolver(ttl);
  const records = options.records;
  const situationOptions = records ? { resolver, records } : { resolver };

  const [spf, services, dmarc, dkim] = await Promise.all([
    spfSnapshot(domain, resolver),
    Promise.all(target.services.map((service) => serviceCheck(domain, service, options.catalogue, situationOptions))),
    dmarcSnapshot(domain, resolver, options.suffixes ?? bundledPublicSuffixList()),
    Promise.all(target.dkimSelectors.map((selector) => dkimSnapshot(domain, selector, resolver))),
  ]);
  const providers = await providerSnapshots(target.services, options.catalogue, resolver);
  const situation = spf.status === 'dns-error' ? 'could-not-check' : worstSituation(services.map((s) => s.check.situation));
  const check: CheckSnapshot = { domain, checkedAt, situation, spf, services: services.map((s) => s.check), dmarc, dkim, providers };
  if (situation === 'not-authorised' || situation === 'none') {
    const record = await recordToPublish(domain, services, situationOptions);
    if (record !== undefined) check.recordToPublish = record;
  }
  const minTtl = ttl.smallestTtl();
  if (minTtl !== undefined) check.minTtl = minTtl;
  return check;
}

async function spfSnapshot(domain: string, resolver: Resolver): Promise<SpfSnapshot> {
  const answer = await resolver.query(domain, 'TXT');
  const found = spfRecordFromAnswer(domain, answer);
  // Every v=spf1 record as published (several is a permerror, RFC 7208 §4.5, worth showing).
  const published = answer.kind === 'answer' ? answer.records.map((strings) => strings.join('')).filter(isSpfRecordText) : [];
  switch (found.kind) {
    case 'dns-error':
      return { status: 'dns-error', dns: found.answer, records: [] };
    case 'none':
      return { status: 'none', dns: found.dns, records: [] };
    case 'multiple':
      return { status: 'multiple', records: published };
    case 'record': {
      const tree = await countLookups(found.text, resolver, { domain });
      return {
        status: 'record',
        records: [found.text],
        strings: found.strings,
        lookups: tree.total,
        lookupsComplete: tree.complete,
        bytes: byteLength(found.text, 'wire'),
        longestString: Math.max(0, ...found.strings.map((s) => byteLength(s, 'wire'))),
      };
    }
    default: {
      const never: never = found;
      throw new Error(`unhandled record ${String(never)}`);
    }
  }
}

interface ServiceOutcome {
  check: ServiceCheck;
  /** The service, as customerSituation took it (for the record to publish). */
  sender?: { mechanism: string; testIps?: readonly string[] };
  situation?: Situation;
}

async function serviceCheck(domain: string, service: WatchedService, catalogue: ProviderCatalogue, options: { resolver: Resolver; records?: RecordCache }): Promise<ServiceOutcome> {
  const name = serviceName(service);
  let provider: Provider | undefined;
  if ('provider' in service) {
    provider = findProvider(catalogue, service.provider);
    if (!provider) return { check: { service: name, mechanism: '', situation: 'could-not-check', cause: 'unknown-provider', results: [] } };
  }
  const mechanism = provider?.mechanism ?? ('mechanism' in service ? service.mechanism : '');
  const testIps = service.testIps ?? provider?.testIps;
  const input = { domain, mechanism, ...(testIps === undefined || testIps.length === 0 ? {} : { testIps }) };
  const situation = await customerSituation(input, options);
  const base = { service: name, mechanism };
  const sender = { mechanism, ...(input.testIps ? { testIps: input.testIps } : {}) };
  switch (situation.situation) {
    case 'none':
      // The plan makes a record with the service (none for a domain that does not exist).
      return situation.plan ? { check: { ...base, situation: 'none', results: [] }, sender, situation } : { check: { ...base, situation: 'none', results: [] } };
    case 'authorised':
      return { check: { ...base, situation: 'authorised', by: situation.by, results: situation.results } };
    case 'not-authorised':
      return { check: { ...base, situation: 'not-authorised', results: situation.results }, sender, situation };
    case 'broken':
      // RFC 7208 §2.6.6: temperror is a DNS failure — could not check, not a broken record.
      return situation.result === 'temperror'
        ? { check: { ...base, situation: 'could-not-check', cause: 'dns-error', results: situation.results } }
        : { check: { ...base, situation: 'broken', cause: situation.cause.code, results: situation.results } };
    case 'invalid':
      return { check: { ...base, situation: 'could-not-check', cause: situation.issues[0]?.code ?? 'invalid', results: [] } };
    default: {
      const never: never = situation;
      throw new Error(`unhandled situation ${String(never)}`);
    }
  }
}

/** The record a plan says to publish: the fixed-address alternative when the plan offers one (as `spfkit bulk` reports). */
function planRecord(plan: AddPlan): string | undefined {
  if (plan.status === 'blocked') return undefined;
  return plan.alternative ? plan.alternative.after.record : plan.after.record;
}

/** The record with every missing service added, one `addSender` plan after the other. */
async function recordToPublish(domain: string, services: readonly ServiceOutcome[], options: { resolver: Resolver; records?: RecordCache }): Promise<string | undefined> {
  let record: string | undefined;
  for (const outcome of services) {
    const situation = outcome.situation;
    if ((situation?.situation !== 'not-authorised' && situation?.situation !== 'none') || !situation.plan || !outcome.sender) continue;
    const plan = record === undefined ? situation.plan : await addSender({ domain, record, ...outcome.sender }, options);
    const next = planRecord(plan);
    if (next === undefined) return undefined;
    record = next;
  }
  return record;
}

async function dmarcSnapshot(domain: string, resolver: Resolver, suffixes: PublicSuffixList): Promise<DmarcSnapshot> {
  const found = await discoverDmarc(domain, resolver, suffixes);
  switch (found.kind) {
    case 'temporary-failure':
      return { status: 'unavailable' };
    case 'none': {
      // RFC 9989 §4.10: several records at a name are discarded; say so rather than "none".
      const multiple = found.walk.steps.find((step) => step.outcome.kind === 'multiple');
      return multiple === undefined ? { status: 'none' } : { status: 'multiple', name: multiple.name };
    }
    case 'found': {
      const own = found.walk.steps[0];
      if (own?.outcome.kind === 'multiple') return { status: 'multiple', name: own.name };
      if (!found.parsed.ok) return { status: 'invalid', name: found.name, record: found.text };
      return { status: 'found', name: found.name, record: found.text, policy: appliedPolicy(found.parsed.record, found.source) };
    }
    default: {
      const never: never = found;
      throw new Error(`unhandled DMARC discovery ${String(never)}`);
    }
  }
}

async function dkimSnapshot(domain: string, selector: string, resolver: Resolver): Promise<DkimSnapshot> {
  const name = dkimName(selector, domain);
  if (!name.ok) return { selector, status: 'invalid' };
  const found = await lookupKey(resolver, name.name);
  switch (found.kind) {
    case 'unavailable':
      return { selector, status: 'unavailable' };
    case 'absent':
      return found.cname === undefined ? { selector, status: 'missing' } : { selector, status: 'missing', cname: found.cname };
    case 'found': {
      const parsed = parseDkimKey(found.records[0] ?? '');
      const status = !parsed.ok ? 'invalid' : parsed.record.revoked ? 'revoked' : 'key';
      return found.cname === undefined ? { selector, status } : { selector, status, cname: found.cname };
    }
    default: {
      const never: never = found;
      throw new Error(`unhandled DKIM lookup ${String(never)}`);
    }
  }
}

/** The include targets of the services (the providers' own records), once each. */
function includeTargets(services: readonly WatchedService[], catalogue: ProviderCatalogue): string[] {
  const targets = new Set<string>();
  for (const service of services) {
    const text = 'provider' in service ? findProvider(catalogue, service.provider)?.mechanism : service.mechanism;
    const target = text === undefined ? undefined : includeTarget(text);
    if (target !== undefined) targets.add(target);
  }
  return [...targets];
}

async function providerSnapshots(services: readonly WatchedService[], catalogue: ProviderCatalogue, resolver: Resolver): Promise<ProviderSnapshot[]> {
  return Promise.all(
    includeTargets(services, catalogue).map(async (domain): Promise<ProviderSnapshot> => {
      const found = await fetchSpfRecord(resolver, domain);
      switch (found.kind) {
        case 'dns-error':
          return { domain, status: 'dns-error' };
        case 'none':
          return { domain, status: 'none' };
        case 'multiple':
          return { domain, status: 'multiple' };
        case 'record': {
          // What the include costs a customer: the include term itself plus the target's tree.
          const tree = await countLookups(found.text, resolver, { domain });
          return { domain, status: 'record', record: found.text, lookups: 1 + tree.total };
        }
        default: {
          const never: never = found;
          throw new Error(`unhandled record ${String(never)}`);
        }
      }
    }),
  );
}
