/**
 * DMARC policy discovery for a domain (RFC 9989 §4.10): the tree walk, the Organizational
 * Domain and the record that applies, plus — as data — where RFC 7489's reading (the Public
 * Suffix List organisational domain, §3.2 and §6.6.3) would answer differently. The one
 * place the discovery rule lives; the audit and the monitor both call it.
 */
import { isTemporaryFailure, type Resolver } from '../dns/resolver.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { organizationalDomain as pslOrganizationalDomain } from './org-domain.ts';
import {
  applicableRecord,
  isDmarcRecordText,
  organizationalDomainOf,
  walkDmarcTree,
  type DmarcPolicySource,
  type DmarcTreeStep,
  type DmarcTreeWalk,
} from './tree-walk.ts';
import type { DmarcParseResult, DmarcPolicy, DmarcRecord } from './types.ts';

/** What RFC 7489 §6.6.3 finds at the Public Suffix List organisational domain. */
export type Rfc7489Policy =
  | { kind: 'found'; domain: string; name: string; text: string }
  | { kind: 'none' }
  /** The extra query RFC 7489 needs timed out or failed: its answer is unknown. */
  | { kind: 'unavailable' };

/**
 * Set when the RFC 7489 reading differs from the RFC 9989 one: another organisational
 * domain (relaxed alignment then compares other names), another record, or both.
 */
export interface Rfc7489Difference {
  /** The organisational domain by the Public Suffix List (RFC 7489 §3.2). */
  organizationalDomain: string;
  /** The record RFC 7489 applies: the domain's own, else the PSL organisational domain's. */
  policy: Rfc7489Policy;
  /** The query RFC 7489 needs that the tree walk did not make, when one was made for it. */
  extraQuery?: string;
}

/** What every found record carries. */
interface DmarcFoundBase {
  kind: 'found';
  domain: string;
  walk: DmarcTreeWalk;
  /** The domain whose `_dmarc` record applies, and that record. */
  policyDomain: string;
  name: string;
  text: string;
  parsed: DmarcParseResult;
  rfc7489Differs?: Rfc7489Difference;
}

/** The discovery's answer; `walk` is the trace of the queries made. */
export type DmarcDiscovery =
  | (DmarcFoundBase & {
      source: 'author';
      /**
       * RFC 9989 §4.10.2; `undefined` when the walk hit a DNS failure after the domain's own
       * record (the policy is known, the organisational domain for relaxed alignment is not).
       */
      organizationalDomain: string | undefined;
    })
  | (DmarcFoundBase & { source: Exclude<DmarcPolicySource, 'author'>; organizationalDomain: string })
  | { kind: 'none'; domain: string; walk: DmarcTreeWalk; organizationalDomain: string; rfc7489Differs?: Rfc7489Difference }
  /** A DNS timeout/SERVFAIL at `failed`: the policy is unknown — never "no record". */
  | { kind: 'temporary-failure'; domain: string; walk: DmarcTreeWalk; failed: DmarcTreeStep };

async function rfc7489Policy(
  domain: string,
  organization: string,
  walk: DmarcTreeWalk,
  resolver: Resolver,
): Promise<{ policy: Rfc7489Policy; extraQuery?: string }> {
  const own = walk.steps[0];
  // §6.6.3 step 1: the domain's own record; the walk's first step asked the same question.
  if (own?.outcome.kind === 'record') return { policy: { kind: 'found', domain, name: own.name, text: own.outcome.text } };
  if (organization === domain) return { policy: { kind: 'none' } };
  // §6.6.3 step 4: the organisational domain — from the walk when it asked, else one query more.
  const name = `_dmarc.${organization}`;
  const asked = walk.steps.find((step) => step.domain === organization);
  if (asked !== undefined) {
    // §6.6.3 step 5: several records mean no DMARC processing — no record.
    return { policy: asked.outcome.kind === 'record' ? { kind: 'found', domain: organization, name, text: asked.outcome.text } : { kind: 'none' } };
  }
  const answer = await resolver.query(name, 'TXT');
  if (isTemporaryFailure(answer)) return { policy: { kind: 'unavailable' }, extraQuery: name };
  const records = answer.kind === 'answer' ? answer.records.map((strings) => strings.join('')).filter(isDmarcRecordText) : [];
  const [text] = records;
  return { policy: records.length === 1 && text !== undefined ? { kind: 'found', domain: organization, name, text } : { kind: 'none' }, extraQuery: name };
}

/**
 * Finds the DMARC record that applies to `domain` by the RFC 9989 tree walk, with the
 * Organizational Domain, and says where RFC 7489 (Public Suffix List) would differ.
 *
 * @example
 * const found = await discoverDmarc('mail.klant.nl', resolver, bundledPublicSuffixList());
 * found.kind === 'found' && found.name; // '_dmarc.klant.nl' (source: 'organizational')
 */
export async function discoverDmarc(domain: string, resolver: Resolver, suffixes: PublicSuffixList): Promise<DmarcDiscovery> {
  const walk = await walkDmarcTree(domain, resolver);
  const start = walk.domain;
  if (walk.kind === 'temporary-failure') {
    // §4.10.1: the domain's own record applies whatever its parents say, so a failure further
    // up leaves the policy known and only the Organizational Domain unknown.
    const own = walk.steps[0];
    if (own === undefined || own === walk.failed || own.outcome.kind !== 'record') return { kind: 'temporary-failure', domain: start, walk, failed: walk.failed };
    return { kind: 'found', domain: start, walk, organizationalDomain: undefined, source: 'author', policyDomain: start, name: own.name, text: own.outcome.text, parsed: own.outcome.parsed };
  }
  const organizationalDomain = organizationalDomainOf(walk);
  const applied = applicableRecord(walk, organizationalDomain);
  const pslOrganization = pslOrganizationalDomain(start, suffixes);
  const old = await rfc7489Policy(start, pslOrganization, walk, resolver);
  const samePolicy = old.policy.kind === 'found' ? applied?.step.domain === old.policy.domain : old.policy.kind === 'none' && applied === undefined;
  const differs = pslOrganization !== organizationalDomain || !samePolicy;
  const rfc7489Differs: Rfc7489Difference | undefined = differs
    ? { organizationalDomain: pslOrganization, policy: old.policy, ...(old.extraQuery === undefined ? {} : { extraQuery: old.extraQuery }) }
    : undefined;
  const extra = rfc7489Differs === undefined ? {} : { rfc7489Differs };
  if (applied === undefined) return { kind: 'none', domain: start, walk, organizationalDomain, ...extra };
  const { step, source } = applied;
  const record = { kind: 'found', domain: start, walk, policyDomain: step.domain, name: step.name, text: step.outcome.text, parsed: step.outcome.parsed, ...extra } as const;
  return source === 'author' ? { ...record, source, organizationalDomain } : { ...record, source, organizationalDomain };
}

/**
 * The policy a record asks for the domain: `p=` for its own record; for a record found at
 * the Organizational Domain or a public suffix, `sp=` (RFC 9989 §4.10.1; `np=` would apply
 * to a domain that does not exist, which discovery does not check).
 *
 * @example
 * appliedPolicy(parseDmarcRecord('v=DMARC1; p=reject; sp=none').record, 'organizational'); // 'none'
 */
export function appliedPolicy(record: DmarcRecord, source: DmarcPolicySource): DmarcPolicy {
  return source === 'author' ? record.policy : record.subdomainPolicy;
}
