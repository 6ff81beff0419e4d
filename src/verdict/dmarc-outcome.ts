/**
 * The DMARC evaluation itself (RFC 9989 §4.4 alignment, §4.7 and §4.10.1 policy, §5 results),
 * as a pure function: authenticated identifiers in, outcome out. Both the prediction from DNS
 * (predict.ts) and the verification of a real message call it, so the rule lives once. DNS
 * (discovery, Organizational Domains) is done by the caller: see `policyLookupOf` for turning
 * a `DmarcDiscovery` into the policy input, and org-domain.ts for the walk of other domains.
 */
import type { DmarcDiscovery } from '../dmarc/discover.ts';
import type { DmarcPolicySource } from '../dmarc/tree-walk.ts';
import type { DmarcAlignment, DmarcPolicy, DmarcRecord, DmarcRemovedTag } from '../dmarc/types.ts';
import type { Rfc7489Policy } from '../dmarc/discover.ts';
import { parseDmarcRecord } from '../dmarc/parse.ts';
import type { SpfResult } from '../spf/types.ts';
import type { Alignment, AlignmentState, AppliedPolicy, DkimResult, DmarcNote, DmarcOutcome, DmarcRecordFound, DmarcResult, Rfc7489Reading } from './types.ts';

/** The DMARC record that applies to the From domain, as the caller's discovery found it. */
export type DmarcPolicyLookup =
  | { kind: 'found'; domain: string; name: string; text: string; source: DmarcPolicySource; record: DmarcRecord }
  /** A record applies but does not parse: receivers ignore it (as if none). */
  | { kind: 'invalid'; domain: string; name: string; text: string }
  | { kind: 'none'; notes?: DmarcNote[] }
  /** A DNS timeout/SERVFAIL at `name`: the policy is unknown, never "no record". */
  | { kind: 'temperror'; name: string };

/** An authenticated identifier: a domain and its Organizational Domain (undefined when a DNS failure hid it). */
export interface IdentifierDomain {
  domain: string;
  organizationalDomain: string | undefined;
}

/** What `dmarcOutcome` needs. */
export interface DmarcOutcomeInput {
  /** The RFC5322.From domain; `exists` (A, AAAA or MX found) decides `np` (RFC 9989). */
  from: IdentifierDomain & { exists: boolean | 'unknown' };
  /** check_host()'s result for the MAIL FROM domain (the HELO name for a null reverse-path). */
  spf: IdentifierDomain & { result: SpfResult };
  /** One entry per DKIM signature (or, predicted, per key the sender signs with). */
  dkim: ReadonlyArray<IdentifierDomain & { result: DkimResult }>;
  policy: DmarcPolicyLookup;
}

const WEAKER: Readonly<Record<DmarcPolicy, DmarcPolicy>> = { reject: 'quarantine', quarantine: 'none', none: 'none' };

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
}

/**
 * Identifier alignment (RFC 9989 §4.4.1/§4.4.2): strict needs the same name; relaxed the same
 * Organizational Domain — `unknown` when one of the two is unknown and the names differ.
 *
 * @example
 * alignDomains({ domain: 'bounce.klant.nl', organizationalDomain: 'klant.nl' }, { domain: 'klant.nl', organizationalDomain: 'klant.nl' }, 'r').state; // 'aligned'
 * alignDomains({ domain: 'bounce.klant.nl', organizationalDomain: 'klant.nl' }, { domain: 'klant.nl', organizationalDomain: 'klant.nl' }, 's').state; // 'not-aligned'
 */
export function alignDomains(authenticated: IdentifierDomain, from: IdentifierDomain, mode: DmarcAlignment): Alignment {
  const base = { mode, domain: authenticated.domain, organizationalDomain: authenticated.organizationalDomain };
  if (sameName(authenticated.domain, from.domain)) return { ...base, state: 'aligned', basis: 'same-domain' };
  if (mode === 's') return { ...base, state: 'not-aligned' };
  if (authenticated.organizationalDomain === undefined || from.organizationalDomain === undefined) return { ...base, state: 'unknown' };
  const state: AlignmentState = sameName(authenticated.organizationalDomain, from.organizationalDomain) ? 'aligned' : 'not-aligned';
  return state === 'aligned' ? { ...base, state, basis: 'same-organization' } : { ...base, state };
}

/**
 * The policy for failing mail (RFC 9989 §4.7, §4.10.1): `p` for the From domain's own record;
 * for a record found higher up, `np` when the From domain does not exist, else `sp` (both
 * default to what they inherit, so the record's value is always defined); `t=y` one step weaker.
 *
 * @example
 * appliedDmarcPolicy(parseDmarcRecord('v=DMARC1; p=reject; t=y').record, 'author', true); // { tag: 'p', requested: 'reject', testing: true, effective: 'quarantine' }
 */
export function appliedDmarcPolicy(record: DmarcRecord, source: DmarcPolicySource, exists: boolean | 'unknown'): AppliedPolicy {
  const tag: AppliedPolicy['tag'] = source === 'author' ? 'p' : exists === false ? 'np' : 'sp';
  const requested = tag === 'p' ? record.policy : tag === 'np' ? record.nonexistentPolicy : record.subdomainPolicy;
  return { tag, requested, testing: record.testing, effective: record.testing ? WEAKER[requested] : requested };
}

function removedTags(record: DmarcRecord): DmarcRemovedTag[] {
  return record.explicit.filter((tag): tag is DmarcRemovedTag => tag === 'pct' || tag === 'rf' || tag === 'ri');
}

/** The DMARC result from alignments: pass, else temperror when an unknown could have made it pass, else fail. */
function resultOf(input: DmarcOutcomeInput, spf: Alignment, dkim: readonly Alignment[]): { passedBy: Array<'spf' | 'dkim'>; open: boolean } {
  const passedBy: Array<'spf' | 'dkim'> = [];
  if (input.spf.result === 'pass' && spf.state === 'aligned') passedBy.push('spf');
  if (input.dkim.some((d, i) => d.result === 'pass' && dkim[i]?.state === 'aligned')) passedBy.push('dkim');
  // Not pass, but a DNS failure may hide a pass: an aligned-or-unknown identifier in temperror,
  // or a passing one whose alignment is unknown.
  const maybe = (result: SpfResult | DkimResult, state: AlignmentState | undefined): boolean =>
    (result === 'temperror' && state !== 'not-aligned') || (result === 'pass' && state === 'unknown');
  const open = maybe(input.spf.result, spf.state) || input.dkim.some((d, i) => maybe(d.result, dkim[i]?.state));
  return { passedBy, open };
}

/**
 * Evaluates DMARC for authenticated identifiers: alignment of SPF's domain and of each DKIM
 * `d=` with From (per `aspf`/`adkim` of the record that applies), the result, the policy that
 * applies and what a receiver does. Pure: no DNS, no clock.
 *
 * @example
 * const outcome = dmarcOutcome({
 *   from: { domain: 'klant.nl', organizationalDomain: 'klant.nl', exists: true },
 *   spf: { result: 'pass', domain: 'bounce.coachview.net', organizationalDomain: 'coachview.net' },
 *   dkim: [],
 *   policy: policyLookupOf(discovery),
 * });
 * outcome.result; // 'fail' — SPF passes for a domain that is not aligned
 */
export function dmarcOutcome(input: DmarcOutcomeInput): DmarcOutcome {
  const notes: DmarcNote[] = [];
  const policy = input.policy;
  const record = policy.kind === 'found' ? policy.record : undefined;
  const spfMode = record?.spfAlignment ?? 'r';
  const dkimMode = record?.dkimAlignment ?? 'r';
  const spf = alignDomains(input.spf, input.from, spfMode);
  const dkim = input.dkim.map((d) => alignDomains(d, input.from, dkimMode));
  const alignment = { spf, dkim };
  const { passedBy, open } = resultOf(input, spf, dkim);
  switch (policy.kind) {
    case 'temperror':
      notes.push({ code: 'dns-failure', name: policy.name });
      return { result: 'temperror', passedBy, alignment, disposition: 'unknown', notes };
    case 'none':
      notes.push(...(policy.notes ?? []));
      return { result: 'none', passedBy, alignment, disposition: 'deliver', notes };
    case 'invalid':
      notes.push({ code: 'record-invalid', name: policy.name });
      return { result: 'none', passedBy, alignment, disposition: 'deliver', notes };
    case 'found':
      break;
    default: {
      const never: never = policy;
      throw new Error(`unhandled policy lookup ${String(never)}`);
    }
  }
  const found: DmarcRecordFound = {
    domain: policy.domain,
    name: policy.name,
    text: policy.text,
    source: policy.source,
    psd: policy.record.publicSuffix,
    aspf: spfMode,
    adkim: dkimMode,
  };
  const applied = appliedDmarcPolicy(policy.record, policy.source, input.from.exists);
  const removed = removedTags(policy.record);
  if (removed.length > 0) notes.push({ code: 'removed-tags', tags: removed });
  if (policy.source !== 'author' && input.from.exists === 'unknown') notes.push({ code: 'existence-unknown', domain: input.from.domain });
  const result: DmarcResult = passedBy.length > 0 ? 'pass' : open ? 'temperror' : 'fail';
  const disposition = result === 'pass' ? 'deliver' : result === 'temperror' ? 'unknown' : applied.effective === 'none' ? 'deliver' : applied.effective;
  return { result, passedBy: result === 'pass' ? passedBy : [], alignment, record: found, policy: applied, disposition, notes };
}

/**
 * The policy input from a `discoverDmarc` answer (src/dmarc/discover.ts), with the notes
 * about discarded records.
 *
 * @example
 * dmarcOutcome({ from, spf, dkim, policy: policyLookupOf(await discoverDmarc('klant.nl', resolver, psl)) });
 */
export function policyLookupOf(discovery: DmarcDiscovery): DmarcPolicyLookup {
  switch (discovery.kind) {
    case 'temporary-failure':
      return { kind: 'temperror', name: discovery.failed.name };
    case 'none': {
      const notes: DmarcNote[] = discovery.walk.steps.flatMap((step): DmarcNote[] => (step.outcome.kind === 'multiple' ? [{ code: 'multiple-records', name: step.name }] : []));
      return notes.length > 0 ? { kind: 'none', notes } : { kind: 'none' };
    }
    case 'found':
      if (!discovery.parsed.ok) return { kind: 'invalid', domain: discovery.policyDomain, name: discovery.name, text: discovery.text };
      return { kind: 'found', domain: discovery.policyDomain, name: discovery.name, text: discovery.text, source: discovery.source, record: discovery.parsed.record };
    default: {
      const never: never = discovery;
      throw new Error(`unhandled discovery ${String(never)}`);
    }
  }
}

function recordName(lookup: DmarcPolicyLookup): string | undefined {
  return lookup.kind === 'found' || lookup.kind === 'invalid' ? lookup.name.toLowerCase() : undefined;
}

/** What the RFC 7489 reading needs beside the RFC 9989 input: Public Suffix List organisational domains and its record. */
export interface Rfc7489Input {
  /** PSL organisational domains (RFC 7489 §3.2) of From, SPF's domain and each DKIM `d=`, in input order. */
  organizationalDomains: { from: string; spf: string; dkim: readonly string[] };
  /** The record RFC 7489 §6.6.3 applies (from `Rfc7489Difference.policy`, or the RFC 9989 one when they agree). */
  policy: Rfc7489Policy;
}

/**
 * RFC 7489's reading of the same identifiers: PSL organisational domains for relaxed
 * alignment, its record (the From domain's, else the PSL organisational domain's), `p` or
 * `sp` (no `np`), `pct` sampling and no `t`. Returned only where it differs from `outcome`.
 *
 * @example
 * rfc7489Reading(input, outcome, { organizationalDomains: { from: 'klant.nl', spf: 'klant.nl', dkim: [] }, policy: { kind: 'none' } });
 */
export function rfc7489Reading(input: DmarcOutcomeInput, outcome: DmarcOutcome, old: Rfc7489Input): Rfc7489Reading | undefined {
  const differences: Rfc7489Reading['differences'] = [];
  const fromOrg = old.organizationalDomains.from;
  if (input.from.organizationalDomain !== undefined && !sameName(fromOrg, input.from.organizationalDomain)) differences.push('organizational-domain');
  let lookup: DmarcPolicyLookup;
  switch (old.policy.kind) {
    case 'unavailable':
      lookup = { kind: 'temperror', name: `_dmarc.${fromOrg}` };
      break;
    case 'none':
      lookup = { kind: 'none' };
      break;
    case 'found': {
      const parsed = parseDmarcRecord(old.policy.text);
      const source: DmarcPolicySource = sameName(old.policy.domain, input.from.domain) ? 'author' : 'organizational';
      lookup = parsed.ok
        ? // RFC 7489 has neither `t` nor `np`: the record is read without them.
          { kind: 'found', domain: old.policy.domain, name: old.policy.name, text: old.policy.text, source, record: { ...parsed.record, testing: false, nonexistentPolicy: parsed.record.subdomainPolicy } }
        : { kind: 'invalid', domain: old.policy.domain, name: old.policy.name, text: old.policy.text };
      break;
    }
    default: {
      const never: never = old.policy;
      throw new Error(`unhandled RFC 7489 policy ${String(never)}`);
    }
  }
  if (recordName(lookup) !== recordName(input.policy)) differences.push('record');
  const oldInput: DmarcOutcomeInput = {
    // RFC 7489 has no `np`: existence does not matter, so the From domain is taken to exist.
    from: { domain: input.from.domain, organizationalDomain: fromOrg, exists: true },
    spf: { ...input.spf, organizationalDomain: old.organizationalDomains.spf },
    dkim: input.dkim.map((d, i) => ({ ...d, organizationalDomain: old.organizationalDomains.dkim[i] ?? d.domain })),
    policy: lookup,
  };
  const computed = dmarcOutcome(oldInput);
  if (computed.result !== outcome.result) differences.push('result');
  let policy: Rfc7489Reading['policy'];
  if (lookup.kind === 'found' && computed.policy !== undefined) {
    const tag = computed.policy.tag === 'p' ? 'p' : 'sp';
    policy = { tag, requested: computed.policy.requested, percent: lookup.record.percent };
    if (computed.result === 'fail' && lookup.record.percent < 100 && computed.policy.requested !== 'none') differences.push('pct');
  }
  if (outcome.result === 'fail' && outcome.policy !== undefined) {
    // RFC 7489 knows no `np` (RFC 9091 added it) and no `t`.
    if (outcome.policy.tag === 'np' && computed.policy?.requested !== outcome.policy.requested) differences.push('np');
    if (outcome.policy.testing && outcome.policy.requested !== 'none') differences.push('t');
  }
  if (differences.length === 0) return undefined;
  return { organizationalDomain: fromOrg, result: computed.result, ...(policy ? { policy } : {}), differences };
}
