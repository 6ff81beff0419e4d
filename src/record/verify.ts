/**
 * Verifying a candidate record before it is published — the "Advanced" test of seed 000,
 * done by the engine: the candidate is evaluated with `evaluateSpf` overrides in place of
 * the published record (and its sub-records), for the sender's test addresses (must pass),
 * for addresses outside every sender (must keep their result), and, after flattening, for
 * sample addresses of the flattened ranges (must get the unflattened record's result).
 */
import type { Resolver } from '../dns/resolver.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { parseRecord } from '../spf/parse.ts';
import type { SpfCheck, SpfLimits, SpfResult, TraceStep } from '../spf/types.ts';
import { voidLookupNames } from '../spf/explain.ts';
import { countLookups } from './lookups.ts';

/**
 * Addresses no sender owns: the documentation ranges of RFC 5737 (TEST-NET-1) and
 * RFC 3849. A change that only adds a sender must not change their result.
 *
 * @example
 * await verifyCandidate({ ...input, outsideIps: OUTSIDE_IPS }, { resolver });
 */
export const OUTSIDE_IPS: readonly string[] = Object.freeze(['192.0.2.1', '2001:db8::1']);

/**
 * Limits for reference evaluations: the intended policy, as if the §4.6.4 lookup limit did
 * not cut it short (a record already over the limit still has an intended meaning).
 */
const REFERENCE_LIMITS: Partial<SpfLimits> = { dnsTerms: 1000 };

/** One address evaluated against the old policy, the expected result and the candidate. */
export interface ResultCheck {
  ip: string;
  /** The result of the policy in place before the change (`none` when there was no record). */
  before: SpfResult;
  expected: SpfResult;
  after: SpfResult;
  ok: boolean;
  /** The top-level term of the candidate that decided `after` (a redirect shows as `redirect=…`). */
  decidedBy?: string;
}

/** Why a candidate failed verification, as data. */
export type VerificationIssue =
  | { code: 'test-ip-not-pass'; ip: string; result: SpfResult; decidedBy?: string }
  | { code: 'outside-ip-changed'; ip: string; expected: SpfResult; result: SpfResult; decidedBy?: string }
  /**
   * RFC 7208 §4.6.4: for this address the candidate makes more than `limit` lookups that
   * find nothing (an IPv6 client: `a`/`mx` names without AAAA), a permerror. `names` are
   * the void lookups, `term` the one that went over.
   */
  | { code: 'void-limit'; ip: string; expected: SpfResult; term?: string; names: string[]; limit: number }
  | { code: 'sample-ip-changed'; ip: string; expected: SpfResult; result: SpfResult }
  | { code: 'does-not-parse'; name: string }
  | { code: 'over-lookup-limit'; count: number; limit: number }
  /**
   * A check of the comparison ended in temperror (DNS trouble, or the caller's query budget:
   * `budget`), so this address proves nothing — two temperrors are not "the same result".
   */
  | { code: 'not-verified'; ip: string; name: string; type: string; budget?: number };

export interface Verification {
  ok: boolean;
  testIps: ResultCheck[];
  outside: ResultCheck[];
  samples: ResultCheck[];
  /** The §4.6.4 count of the candidate with its sub-records (countLookups). */
  lookups: { count: number; limit: number; ok: boolean; complete: boolean };
  issues: VerificationIssue[];
}

export interface VerifyInput {
  domain: string;
  /** The record to publish at `domain`. */
  candidate: string;
  /** Records to publish next to it (sub-records it includes). */
  subRecords?: ReadonlyArray<{ name: string; record: string }>;
  /** The policy in place now (undefined = no record). */
  before: string | undefined;
  /** What outside addresses must get: `before` with only the intended change of `all` (undefined = no record). */
  baseline: string | undefined;
  /** The candidate before flattening/splitting; samples must get the same result from both. */
  reference?: string;
  testIps: readonly string[];
  outsideIps?: readonly string[];
  sampleIps?: readonly string[];
}

/**
 * Verifies a candidate record. Every address must be a valid IP (validate first; the
 * engine throws `SpfInputError` otherwise).
 *
 * @example
 * const v = await verifyCandidate({
 *   domain: 'klant.nl', before: 'v=spf1 include:spf.protection.outlook.com',
 *   baseline: 'v=spf1 include:spf.protection.outlook.com ~all',
 *   candidate: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com ~all',
 *   testIps: ['5.255.64.53'],
 * }, { resolver });
 * v.ok; // true when 5.255.64.53 passes and 192.0.2.1 / 2001:db8::1 still softfail
 */
export async function verifyCandidate(input: VerifyInput, options: { resolver: Resolver; records?: RecordCache }): Promise<Verification> {
  const { resolver, records } = options;
  const domain = input.domain;
  const subs = new Map((input.subRecords ?? []).map((s) => [s.name, s.record]));
  const issues: VerificationIssue[] = [];

  const evaluate = async (record: string | undefined, ip: string, extra: ReadonlyMap<string, string>, limits?: Partial<SpfLimits>) => {
    const overrides = new Map(extra);
    overrides.set(domain, record ?? '');
    const check = await evaluateSpf({ ip, sender: `postmaster@${domain}` }, { resolver, overrides, ...(limits ? { limits } : {}), ...(records ? { records } : {}) });
    return { result: check.result, decidedBy: decidingTerm(check), check };
  };
  const none = new Map<string, string>();

  const compare = async (ip: string, expected: SpfResult | 'reference', reference: string | undefined): Promise<{ check: ResultCheck; candidate: SpfCheck }> => {
    const before = await evaluate(input.before, ip, none);
    const after = await evaluate(input.candidate, ip, subs);
    const referenceCheck = expected === 'reference' ? await evaluate(reference, ip, none, REFERENCE_LIMITS) : undefined;
    const want = referenceCheck ? referenceCheck.result : (expected as SpfResult);
    const unverified = [after, referenceCheck].find((c) => c?.check.cause.code === 'dns-error')?.check.cause;
    if (unverified?.code === 'dns-error') {
      const issue: VerificationIssue = { code: 'not-verified', ip, name: unverified.name, type: unverified.type };
      issues.push(unverified.budget !== undefined ? { ...issue, budget: unverified.budget } : issue);
    }
    const check: ResultCheck = { ip, before: before.result, expected: want, after: after.result, ok: after.result === want && unverified === undefined };
    if (after.decidedBy !== undefined) check.decidedBy = after.decidedBy;
    return { check, candidate: after.check };
  };

  /** The issue of an address whose result changed: the void-lookup limit is named as such, not as "authorises more". */
  const changed = (ip: string, check: ResultCheck, candidate: SpfCheck): VerificationIssue => {
    const cause = candidate.cause;
    if (check.after === 'permerror' && cause.code === 'void-limit') {
      // The term that went over is the last one evaluated.
      const term = [...candidate.trace].reverse().find((s) => s.type === 'term');
      const issue: VerificationIssue = { code: 'void-limit', ip, expected: check.expected, names: voidLookupNames(candidate), limit: cause.limit };
      return term?.type === 'term' ? { ...issue, term: term.text } : issue;
    }
    return withDecider({ code: 'outside-ip-changed', ip, expected: check.expected, result: check.after }, check.decidedBy);
  };

  const testIps: ResultCheck[] = [];
  for (const ip of input.testIps) {
    const { check, candidate } = await compare(ip, 'pass', undefined);
    testIps.push(check);
    if (!check.ok) issues.push(check.after === 'permerror' && candidate.cause.code === 'void-limit' ? changed(ip, check, candidate) : withDecider({ code: 'test-ip-not-pass', ip, result: check.after }, check.decidedBy));
  }
  const outside: ResultCheck[] = [];
  for (const ip of input.outsideIps ?? OUTSIDE_IPS) {
    const { check, candidate } = await compare(ip, 'reference', input.baseline);
    outside.push(check);
    if (!check.ok) issues.push(changed(ip, check, candidate));
  }
  const samples: ResultCheck[] = [];
  for (const ip of input.sampleIps ?? []) {
    const { check } = await compare(ip, 'reference', input.reference ?? input.candidate);
    samples.push(check);
    if (!check.ok) issues.push({ code: 'sample-ip-changed', ip, expected: check.expected, result: check.after });
  }

  if (!parseRecord(input.candidate).ok) issues.push({ code: 'does-not-parse', name: domain });
  for (const [name, record] of subs) if (!parseRecord(record).ok) issues.push({ code: 'does-not-parse', name });
  const tree = await countLookups(input.candidate, resolver, { domain, overrides: subs });
  if (!tree.withinLimit) issues.push({ code: 'over-lookup-limit', count: tree.total, limit: tree.limit });

  return {
    ok: issues.length === 0,
    testIps,
    outside,
    samples,
    lookups: { count: tree.total, limit: tree.limit, ok: tree.withinLimit, complete: tree.complete },
    issues,
  };
}

function withDecider<T extends VerificationIssue>(issue: T, decidedBy: string | undefined): T {
  return decidedBy === undefined ? issue : { ...issue, decidedBy };
}

/**
 * The top-level term that decided a check: the last term of the checked record itself
 * (depth 0) that matched — an include whose target passed, a redirect, or a mechanism.
 *
 * @example
 * decidingTerm(await evaluateSpf({ ip: '82.94.214.5', sender: 'x@klant.nl' }, { resolver })) // 'include:spf.byte.nl'
 */
export function decidingTerm(check: SpfCheck): string | undefined {
  return decidingStep(check)?.text;
}

/**
 * The trace step of `decidingTerm` (its `index` points into the checked record's terms).
 *
 * @example
 * decidingStep(check)?.index // 0: the first term of the checked record decided
 */
export function decidingStep(check: SpfCheck): Extract<TraceStep, { type: 'term' }> | undefined {
  let found: Extract<TraceStep, { type: 'term' }> | undefined;
  for (const step of check.trace) {
    if (step.type === 'term' && step.depth === 0 && step.outcome === 'match') found = step;
  }
  return found;
}

