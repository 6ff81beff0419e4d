/**
 * A customer's situation for one sending service — seed 004's three cases plus a broken
 * record: no SPF record (mail is delivered on other grounds), a record that does not
 * authorise the service (the record to publish comes from `addSender`), a record that does
 * (and by which term), or a record that ends in permerror/temperror.
 */
import { type Resolver, normalizeName } from '../dns/resolver.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import { domainProblem } from '../spf/domain.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { parseClientIp } from '../spf/ip.ts';
import type { SpfCause, SpfCauseCode, SpfResult } from '../spf/types.ts';
import { type AddPlan, addSender } from './add.ts';
import { firstAddress } from '../spf/cidr.ts';
import { fetchSpfRecord } from '../spf/fetch.ts';
import type { Provider } from './providers.ts';
import { mechanismRanges } from './ranges.ts';
import type { AddIssue } from './reasons.ts';
import { parseMechanism } from './terms.ts';
import { decidingStep } from './verify.ts';

export interface SituationInput {
  /** The MAIL FROM address the service uses (`info@klant.nl`), or give `domain`. */
  sender?: string;
  domain?: string;
  /** The service from the catalogue; or give `mechanism` (and `testIps`). */
  provider?: Provider;
  mechanism?: string;
  /** Addresses the service sends from; default the provider's, else derived from the mechanism. */
  testIps?: readonly string[];
}

/** One test address against the published policy. */
export interface SituationResult {
  ip: string;
  result: SpfResult;
  cause: SpfCauseCode;
  /** The top-level term that decided. */
  decidedBy?: string;
}

export type Situation =
  /**
   * Seed 004 case 1: no SPF record. Receivers decide on other grounds; `plan` creates one with
   * the service and `~all` — what the Why? page advises (none for a domain that does not exist).
   */
  | { situation: 'none'; domain: string; dns: 'nxdomain' | 'nodata' | 'no-spf'; results: SituationResult[]; plan?: AddPlan }
  /** Seed 004 case 2: the record fails, softfails or is neutral for the service: publish `plan.after`. */
  | { situation: 'not-authorised'; domain: string; record: string; results: SituationResult[]; plan: AddPlan }
  /** Seed 004 case 3: every test address passes; `by` is the term that authorises the service. */
  | { situation: 'authorised'; domain: string; record: string; by: string; results: SituationResult[] }
  /** The policy ends in an error: receivers may reject (permerror) or defer (temperror) whatever the service. */
  | { situation: 'broken'; domain: string; record?: string; result: 'permerror' | 'temperror'; cause: SpfCause; results: SituationResult[] }
  /** The question cannot be answered: bad input, or no addresses to test with. */
  | { situation: 'invalid'; domain: string; issues: SituationIssue[] };

export type SituationIssue = AddIssue | { code: 'missing-domain' } | { code: 'missing-mechanism' } | { code: 'no-test-ips'; mechanism: string };

/**
 * Works out which of seed 004's situations a customer's domain is in for a service.
 *
 * @example
 * const s = await customerSituation({ sender: 'info@klant.nl', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }, { resolver });
 * if (s.situation === 'not-authorised' && s.plan.status !== 'blocked') s.plan.after.record;
 * // 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all'
 */
export async function customerSituation(input: SituationInput, options: { resolver: Resolver; records?: RecordCache }): Promise<Situation> {
  const { resolver, records } = options;
  const sender = input.sender?.trim();
  const rawDomain = input.domain ?? (sender !== undefined ? sender.slice(sender.lastIndexOf('@') + 1) : undefined);
  const domain = normalizeName((rawDomain ?? '').trim());
  const issues: SituationIssue[] = [];
  if (domain === '') issues.push({ code: 'missing-domain' });
  else {
    const problem = domainProblem(domain);
    if (problem !== undefined) issues.push({ code: 'bad-domain', domain, reason: problem });
  }
  const mechanismText = input.mechanism ?? input.provider?.mechanism;
  if (mechanismText === undefined) issues.push({ code: 'missing-mechanism' });
  const mechanism = mechanismText === undefined ? undefined : parseMechanism(mechanismText);
  if (mechanism && !mechanism.ok) issues.push(mechanism.issue);
  const ips: string[] = [];
  for (const ip of input.testIps ?? input.provider?.testIps ?? []) {
    const parsed = parseClientIp(ip);
    if (parsed) ips.push(parsed.text);
    else issues.push({ code: 'bad-test-ip', ip });
  }
  if (issues.length > 0 || !mechanism?.ok || mechanismText === undefined) return { situation: 'invalid', domain, issues };

  const found = await fetchSpfRecord(resolver, domain);
  if (found.kind === 'none') {
    if (found.dns === 'nxdomain') return { situation: 'none', domain, dns: found.dns, results: [] };
    const plan = await addSender({ domain, record: '', mechanism: mechanismText, testIps: ips }, records ? { resolver, records } : { resolver });
    return { situation: 'none', domain, dns: found.dns, results: [], plan };
  }

  if (ips.length === 0) {
    const ranges = await mechanismRanges(mechanism.mechanism, domain, resolver);
    if (ranges.ok) ips.push(...ranges.cidrs.slice(0, 4).map(firstAddress));
    if (ips.length === 0) return { situation: 'invalid', domain, issues: [{ code: 'no-test-ips', mechanism: mechanismText }] };
  }

  const results: SituationResult[] = [];
  let broken: { result: 'permerror' | 'temperror'; cause: SpfCause } | undefined;
  for (const ip of ips) {
    const check = await evaluateSpf({ ip, sender: sender && sender.includes('@') ? sender : `postmaster@${domain}` }, records ? { resolver, records } : { resolver });
    const step = decidingStep(check);
    const result: SituationResult = { ip, result: check.result, cause: check.cause.code };
    if (step) result.decidedBy = step.text;
    results.push(result);
    if ((check.result === 'permerror' || check.result === 'temperror') && !broken) broken = { result: check.result, cause: check.cause };
  }
  const record = found.kind === 'record' ? found.text : undefined;
  if (broken) {
    const out: Situation = { situation: 'broken', domain, result: broken.result, cause: broken.cause, results };
    if (record !== undefined) out.record = record;
    return out;
  }
  // A record that could not be fetched or chosen ends in an error above; here there is one.
  const text = record ?? '';
  if (results.every((r) => r.result === 'pass')) {
    return { situation: 'authorised', domain, record: text, by: results[0]?.decidedBy ?? '', results };
  }
  const plan = await addSender({ domain, mechanism: mechanismText, testIps: ips }, records ? { resolver, records } : { resolver });
  return { situation: 'not-authorised', domain, record: text, results, plan };
}
