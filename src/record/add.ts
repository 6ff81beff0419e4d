/**
 * Onboarding a sending service: the record change a provider's help page asks its customers
 * to make by hand (seeds 000–004), computed, checked and verified.
 *
 * `addSender` starts from the given or the published record, skips a sender that is already
 * authorised, inserts the mechanism where it takes effect (before `all` / `redirect`),
 * keeps everything else, keeps the record within 10 lookups (flattening) and 450 octets
 * (sub-records), and verifies the result with the engine before anything is published.
 */
import { type Resolver, normalizeName } from '../dns/resolver.ts';
import { domainProblem } from '../spf/domain.ts';
import { evaluateSpf } from '../spf/evaluate.ts';
import { parseClientIp } from '../spf/ip.ts';
import { parseRecord } from '../spf/parse.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import { renderRecord, renderTerm } from '../spf/render.ts';
import { RFC_LIMITS, type Mechanism, type SpfRecord, type Term } from '../spf/types.ts';
import { cidrContains, cidrText, firstAddress, lastAddress, parseCidr } from '../spf/cidr.ts';
import { fetchSpfRecord } from '../spf/fetch.ts';
import { type FlattenResult, flattenRecord } from './flatten.ts';
import { type LookupTree, countLookups } from './lookups.ts';
import { type TermChange, diffRecords } from './publish.ts';
import { mechanismRanges } from './ranges.ts';
import type { AddIssue, AddReason, AddWarning } from './reasons.ts';
import { MAX_RECORD_BYTES, type SubRecord, proposeSubRecords, splitTxtStrings } from './split.ts';
import { allTerm, byteLength, parseMechanism, termCidr, termKey } from './terms.ts';
import { OUTSIDE_IPS, type Verification, decidingStep, verifyCandidate } from './verify.ts';

export interface AddSenderInput {
  /** The record to start from; omitted = the one published at `domain`. "" = no record. */
  record?: string;
  /** The domain the record is (to be) published at: the MAIL FROM domain. */
  domain: string;
  /** One mechanism: `include:spf.coachview.net`, `ip4:82.94.214.5`, `a:smtp1.blueinkt.com`, `mx` … */
  mechanism: string;
  /** Addresses the sender mails from (the provider's test IPs). Omitted = derived from the mechanism. */
  testIps?: readonly string[];
}

export interface AddSenderOptions {
  resolver: Resolver;
  /**
   * A record with neither `all` nor `redirect`: `add-softfail` (default) appends `~all`,
   * `keep` leaves it without (see the reasons `softfail-all-added` / `no-all-kept`).
   */
  allPolicy?: 'add-softfail' | 'keep';
  /** Addresses that must keep their result; default `OUTSIDE_IPS`. */
  outsideIps?: readonly string[];
  /** Parsed records shared across plans (bulk runs); see `recordCache`. */
  records?: RecordCache;
}

/** A record with its size and lookup count. */
export interface RecordState {
  record: string;
  /** §4.6.4 DNS-querying terms, whole tree (countLookups). */
  lookups: number;
  /** Octets of the record text. */
  bytes: number;
  /** The TXT character-strings to publish (≤ 255 octets each). */
  strings: string[];
}

/** A plan that can be carried out. */
export interface AddPlanReady {
  /** `created`: there was no record; `added`: the mechanism was inserted; `already-authorised`: nothing to change. */
  status: 'added' | 'already-authorised' | 'created';
  domain: string;
  /** The mechanism, canonical. */
  mechanism: string;
  /** Where the starting record came from. */
  source: 'given' | 'dns' | 'none';
  before: RecordState | undefined;
  /** The record to publish at `domain` (equal to `before` when nothing changes). */
  after: RecordState;
  /** Records to publish next to it (`_spf.<domain>` …), when the record was too long. */
  subRecords: SubRecord[];
  /** The term added (canonical). */
  added?: string;
  /** The existing term that already authorises the sender. */
  coveredBy?: string;
  /** The record with the mechanism inserted, before flattening and splitting (when those changed it). */
  unflattened?: string;
  flattening?: Extract<FlattenResult, { status: 'flattened' | 'insufficient' }>;
  testIps: string[];
  reasons: AddReason[];
  warnings: AddWarning[];
  verification: Verification;
  /** Terms of `before` vs `after`. */
  diff: TermChange[];
  /** When the plan failed on the void-lookup limit: the sender's fixed addresses instead, verified. */
  alternative?: AddAlternative;
}

/**
 * The same sender as fixed addresses (`ip4:5.255.64.53` for `a:smtp1.blueinkt.com`): no
 * lookup, so nothing that can come back empty for a client of the other family (RFC 7208
 * §4.6.4's void-lookup limit). Offered only when it verifies; it goes stale when the
 * provider renumbers, which the provider's own mechanism would follow.
 */
export interface AddAlternative {
  /** The mechanism asked for. */
  replaces: string;
  /** The fixed-address term(s) in its place. */
  mechanisms: string[];
  after: RecordState;
  verification: Verification;
}

/** No plan: the input or the record must be fixed first. */
export interface AddPlanBlocked {
  status: 'blocked';
  domain: string;
  mechanism: string;
  issues: AddIssue[];
}

export type AddPlan = AddPlanReady | AddPlanBlocked;

/** At most this many addresses are derived from a mechanism's networks to test with. */
const MAX_DERIVED_IPS = 8;
/** At most this many addresses of flattened or moved ranges are compared. */
const MAX_SAMPLE_IPS = 16;

/**
 * Plans adding one sending service to a domain's SPF record, and verifies the plan.
 *
 * @example
 * const plan = await addSender(
 *   { domain: 'klant.nl', record: 'v=spf1 include:spf.protection.outlook.com', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] },
 *   { resolver },
 * );
 * plan.status === 'added' && plan.after.record; // 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com ~all'
 * plan.status === 'added' && plan.reasons;      // [{ code: 'softfail-all-added' }, { code: 'inserted', before: 'end', position: 1 }, …]
 */
export async function addSender(input: AddSenderInput, options: AddSenderOptions): Promise<AddPlan> {
  const { resolver, records } = options;
  const verifyOptions = records ? { resolver, records } : { resolver };
  const domain = normalizeName(input.domain.trim());
  const issues: AddIssue[] = [];
  const problem = domainProblem(domain);
  if (problem !== undefined) issues.push({ code: 'bad-domain', domain: input.domain, reason: problem });
  const parsedMechanism = parseMechanism(input.mechanism);
  if (!parsedMechanism.ok) issues.push(parsedMechanism.issue);
  const givenIps: string[] = [];
  for (const ip of input.testIps ?? []) {
    const parsed = parseClientIp(ip);
    if (parsed) givenIps.push(parsed.text);
    else issues.push({ code: 'bad-test-ip', ip });
  }
  const mechanismText = parsedMechanism.ok ? renderTerm(parsedMechanism.mechanism) : input.mechanism.trim();
  if (issues.length > 0 || !parsedMechanism.ok) return { status: 'blocked', domain, mechanism: mechanismText, issues };
  const mechanism = parsedMechanism.mechanism;

  // The starting record.
  let source: AddPlanReady['source'];
  let beforeText: string | undefined;
  let beforeStrings: string[] | undefined;
  if (input.record !== undefined) {
    const text = input.record.trim();
    source = text === '' ? 'none' : 'given';
    if (text !== '') beforeText = text;
  } else {
    const found = await fetchSpfRecord(resolver, domain);
    switch (found.kind) {
      case 'record':
        source = 'dns';
        beforeText = found.text;
        beforeStrings = found.strings;
        break;
      case 'none':
        source = 'none';
        break;
      case 'multiple':
        return { status: 'blocked', domain, mechanism: mechanismText, issues: [{ code: 'multiple-records', domain, count: found.count }] };
      case 'dns-error':
        return { status: 'blocked', domain, mechanism: mechanismText, issues: [{ code: 'dns-error', domain, answer: found.answer }] };
      default: {
        const never: never = found;
        throw new Error(`unhandled fetch ${String(never)}`);
      }
    }
  }
  let beforeRecord: SpfRecord | undefined;
  if (beforeText !== undefined) {
    const parsed = parseRecord(beforeText);
    if (!parsed.ok) {
      return { status: 'blocked', domain, mechanism: mechanismText, issues: [{ code: 'record-syntax', record: beforeText, source: source === 'dns' ? 'dns' : 'given', issues: parsed.issues }] };
    }
    beforeRecord = parsed.record;
  }

  const reasons: AddReason[] = [];
  const warnings: AddWarning[] = [];

  // The addresses to verify with.
  let testIps = givenIps;
  if (testIps.length > 0) {
    reasons.push({ code: 'test-ips-given', ips: testIps });
  } else {
    const ranges = await mechanismRanges(mechanism, domain, resolver);
    if (ranges.ok && ranges.cidrs.length > 0) {
      testIps = sampleAddresses(ranges.cidrs.map((c) => [firstAddress(c), lastAddress(c)]), MAX_DERIVED_IPS);
      reasons.push({ code: 'test-ips-derived', from: derivedFrom(mechanism), ips: testIps });
    } else {
      warnings.push(ranges.ok ? { code: 'no-test-ips', mechanism: mechanismText } : { code: 'no-test-ips', mechanism: mechanismText, problem: ranges.problem });
    }
  }

  const before = beforeText === undefined ? undefined : await recordState(beforeText, domain, resolver, beforeStrings);
  if (beforeRecord && before) warnings.push(...structureWarnings(beforeRecord, before.tree));
  const outsideIps = options.outsideIps ?? OUTSIDE_IPS;

  // Already authorised?
  if (beforeRecord && before && beforeText !== undefined) {
    const covered = await findCoverage(beforeRecord, beforeText, mechanism, domain, testIps, resolver, warnings, records);
    if (covered) {
      reasons.push(covered.reason);
      if (covered.warning) warnings.push(covered.warning);
      if (!hasAllOrRedirect(beforeRecord)) warnings.push({ code: 'no-all' });
      const verification = await verifyCandidate({ domain, candidate: beforeText, before: beforeText, baseline: beforeText, testIps, outsideIps }, verifyOptions);
      return {
        status: 'already-authorised',
        domain,
        mechanism: mechanismText,
        source,
        before: publicState(before),
        after: publicState(before),
        subRecords: [],
        coveredBy: covered.term,
        testIps,
        reasons,
        warnings,
        verification,
        diff: diffRecords(beforeText, beforeText),
      };
    }
  }

  // Insert the mechanism.
  const inserted = insertMechanism(beforeRecord, mechanism, options.allPolicy ?? 'add-softfail');
  reasons.push(...inserted.reasons);
  if (!beforeRecord) warnings.push({ code: 'other-senders-unlisted' });
  const candidate = renderRecord({ terms: inserted.terms });
  const baseline = renderRecord({ terms: inserted.baseline });

  // Keep it within 10 lookups and 450 octets.
  const fitted = await fitRecord(candidate, domain, resolver, [termKey(mechanism)]);
  reasons.push(...fitted.reasons);
  warnings.push(...fitted.warnings);
  for (const sub of fitted.subRecords) {
    const existing = await fetchSpfRecord(resolver, sub.name);
    if (existing.kind === 'record') warnings.push({ code: 'sub-record-name-taken', name: sub.name });
  }
  const after = await recordState(fitted.record, domain, resolver, undefined, fitted.subRecords);
  if (!after.tree.complete) warnings.push({ code: 'lookups-uncertain', problems: after.tree.problems });
  if (after.strings.length > 1) reasons.push({ code: 'strings-split', count: after.strings.length });

  // Addresses of flattened or moved ranges must get the same result as before the rewrite.
  const rewritten = [...(fitted.flattening?.flattened.flatMap((f) => f.ranges) ?? []), ...fitted.subRecords.flatMap((s) => rangesOf(s.record))];
  const sampleIps = sampleAddresses(
    rewritten
      .map((r) => parseCidr(r))
      .filter((c) => c !== undefined)
      .map((c) => [firstAddress(c), lastAddress(c)] as const),
    MAX_SAMPLE_IPS,
  );
  const verification = await verifyCandidate(
    {
      domain,
      candidate: fitted.record,
      subRecords: fitted.subRecords,
      before: beforeText,
      baseline,
      reference: candidate,
      testIps,
      outsideIps,
      sampleIps,
    },
    verifyOptions,
  );

  const plan: AddPlanReady = {
    status: beforeRecord ? 'added' : 'created',
    domain,
    mechanism: mechanismText,
    source,
    before: before ? publicState(before) : undefined,
    after: publicState(after),
    subRecords: fitted.subRecords,
    added: mechanismText,
    testIps,
    reasons,
    warnings,
    verification,
    diff: diffRecords(beforeText, fitted.record),
  };
  if (fitted.record !== candidate) plan.unflattened = candidate;
  if (fitted.flattening) plan.flattening = fitted.flattening;
  if (verification.issues.some((i) => i.code === 'void-limit')) {
    const alternative = await fixedAddressAlternative(mechanism, domain, testIps, beforeText, options);
    if (alternative) plan.alternative = alternative;
  }
  return plan;
}

/** At most this many fixed-address terms replace one `a`/`mx` in an alternative. */
const MAX_ALTERNATIVE_TERMS = 4;

/** `a`/`mx` replaced by the addresses it resolves to now, planned and verified like the original; undefined when that does not verify. */
async function fixedAddressAlternative(
  mechanism: Mechanism,
  domain: string,
  testIps: string[],
  beforeText: string | undefined,
  options: AddSenderOptions,
): Promise<AddAlternative | undefined> {
  if ((mechanism.kind !== 'a' && mechanism.kind !== 'mx') || mechanism.qualifier !== '+') return undefined;
  const ranges = await mechanismRanges(mechanism, domain, options.resolver);
  if (!ranges.ok || ranges.cidrs.length === 0 || ranges.cidrs.length > MAX_ALTERNATIVE_TERMS) return undefined;
  const mechanisms = ranges.cidrs.map((c) => `ip${c.family}:${cidrText(c)}`);
  // One term at a time through the same planner; each next one starts from the last plan.
  let record = beforeText ?? '';
  let plan: AddPlan | undefined;
  for (const term of mechanisms) {
    plan = await addSender({ domain, record, mechanism: term, testIps }, options);
    if (plan.status === 'blocked') return undefined;
    record = plan.after.record;
  }
  if (!plan || plan.status === 'blocked' || !plan.verification.ok || plan.subRecords.length > 0) return undefined;
  return { replaces: renderTerm(mechanism), mechanisms, after: plan.after, verification: plan.verification };
}

interface CountedState extends RecordState {
  tree: LookupTree;
}

async function recordState(record: string, domain: string, resolver: Resolver, strings?: string[], subRecords: readonly SubRecord[] = []): Promise<CountedState> {
  const overrides = new Map(subRecords.map((s) => [s.name, s.record]));
  const tree = await countLookups(record, resolver, { domain, overrides });
  return { record, lookups: tree.total, bytes: byteLength(record), strings: strings ?? splitTxtStrings(record), tree };
}

function publicState(state: CountedState): RecordState {
  return { record: state.record, lookups: state.lookups, bytes: state.bytes, strings: state.strings };
}

/** Up to `max` addresses, taking each network's first address before any last address. */
function sampleAddresses(pairs: ReadonlyArray<readonly [string, string]>, max: number): string[] {
  const out: string[] = [];
  for (const pass of [0, 1] as const) {
    for (const pair of pairs) {
      const ip = pair[pass];
      if (out.length < max && !out.includes(ip)) out.push(ip);
    }
  }
  return out;
}

function derivedFrom(mechanism: Mechanism): Extract<AddReason, { code: 'test-ips-derived' }>['from'] {
  switch (mechanism.kind) {
    case 'ip4':
    case 'ip6':
    case 'a':
    case 'mx':
    case 'include':
      return mechanism.kind;
    case 'ptr':
    case 'exists':
    case 'all':
      // mechanismRanges never resolves these; listed for exhaustiveness.
      throw new Error(`no addresses can be derived from ${mechanism.kind}`);
    default: {
      const never: never = mechanism;
      throw new Error(`unhandled mechanism ${String(never)}`);
    }
  }
}

function hasAllOrRedirect(record: SpfRecord): boolean {
  return record.redirect !== undefined || record.mechanisms.some((m) => m.kind === 'all');
}

/** Warnings about the record as it stands. */
function structureWarnings(record: SpfRecord, tree: LookupTree): AddWarning[] {
  const out: AddWarning[] = [];
  const allIndex = record.terms.findIndex((t) => t.kind === 'all');
  const all = record.terms[allIndex];
  if (all && all.kind === 'all') {
    const after = record.terms.slice(allIndex + 1).filter((t) => t.kind !== 'redirect' && t.kind !== 'exp' && t.kind !== 'unknown-modifier');
    if (after.length > 0) out.push({ code: 'terms-after-all', terms: after.map((t) => renderTerm(t)) });
    if (all.qualifier === '+' || all.qualifier === '?') out.push({ code: 'permissive-all', qualifier: all.qualifier });
    if (record.redirect) out.push({ code: 'redirect-ignored', target: record.redirect.domainSpec.text });
  }
  if (!tree.withinLimit) out.push({ code: 'lookups-over-limit-before', count: tree.total, limit: tree.limit });
  return out;
}

/** The mechanisms that are evaluated: those before the first `all` (§5.1). */
function liveMechanisms(record: SpfRecord): Mechanism[] {
  const out: Mechanism[] = [];
  for (const m of record.mechanisms) {
    if (m.kind === 'all') break;
    out.push(m);
  }
  return out;
}

interface Coverage {
  term: string;
  reason: AddReason;
  warning?: AddWarning;
}

/**
 * Whether the record already authorises the sender: the same term, an ip range inside one
 * of the record's, or — by evaluation — every test address already passing.
 */
async function findCoverage(
  record: SpfRecord,
  text: string,
  mechanism: Mechanism,
  domain: string,
  testIps: readonly string[],
  resolver: Resolver,
  warningsOut: AddWarning[],
  records: RecordCache | undefined,
): Promise<Coverage | undefined> {
  const key = termKey(mechanism);
  const live = liveMechanisms(record);
  const same = live.find((m) => termKey(m) === key);
  if (same) return { term: renderTerm(same), reason: { code: 'duplicate', term: renderTerm(same) } };

  if (mechanism.kind === 'ip4' || mechanism.kind === 'ip6') {
    const wanted = termCidr(mechanism);
    for (const m of live) {
      // Past a non-pass term the order matters (§4.6.2): leave that to the evaluation below.
      if (m.qualifier !== '+') break;
      const range = m.kind === 'ip4' || m.kind === 'ip6' ? termCidr(m) : undefined;
      if (wanted && range && cidrContains(range, wanted)) {
        return { term: renderTerm(m), reason: { code: 'inside-range', term: renderTerm(m), range: renderTerm(mechanism) } };
      }
    }
  }

  if (testIps.length === 0) return undefined;
  let decider: Term | undefined;
  for (const ip of testIps) {
    const check = await evaluateSpf({ ip, sender: `postmaster@${domain}` }, { resolver, overrides: { [domain]: text }, ...(records ? { records } : {}) });
    if (check.result === 'temperror' || check.result === 'permerror') {
      warningsOut.push({ code: 'current-policy-error', ip, result: check.result, cause: check.cause.code });
    }
    if (check.result !== 'pass') return undefined;
    const step = decidingStep(check);
    decider ??= step === undefined ? undefined : record.terms[step.index];
  }
  const term = decider ? renderTerm(decider) : '';
  const coverage: Coverage = { term, reason: { code: 'covered', term, ips: [...testIps] } };
  if ((decider?.kind === 'ip4' || decider?.kind === 'ip6') && mechanism.kind !== 'ip4' && mechanism.kind !== 'ip6') {
    coverage.warning = { code: 'covered-by-static-range', term };
  }
  return coverage;
}

/**
 * The new terms: the mechanism before `all`, else before `redirect`, else after the last
 * mechanism (modifiers stay where they are). `baseline` is the old record with only the
 * change to `all` — what unrelated addresses must still get.
 */
function insertMechanism(
  record: SpfRecord | undefined,
  mechanism: Mechanism,
  allPolicy: 'add-softfail' | 'keep',
): { terms: Term[]; baseline: Term[]; reasons: AddReason[] } {
  if (!record) {
    return { terms: [mechanism, allTerm('~')], baseline: [allTerm('~')], reasons: [{ code: 'created-softfail' }, { code: 'inserted', before: 'end', position: 0 }] };
  }
  const terms = [...record.terms];
  const allIndex = terms.findIndex((t) => t.kind === 'all');
  const all = terms[allIndex];
  if (all && all.kind === 'all') {
    terms.splice(allIndex, 0, mechanism);
    return { terms, baseline: record.terms, reasons: [{ code: 'all-kept', qualifier: all.qualifier }, { code: 'inserted', before: 'all', position: allIndex }] };
  }
  const redirect = record.redirect;
  if (redirect) {
    // RFC 7208 §6.1: the redirect applies only when no mechanism matched, so a mechanism in
    // front of it is evaluated first; the redirect itself still counts as a lookup.
    const at = terms.indexOf(redirect);
    terms.splice(at, 0, mechanism);
    return { terms, baseline: record.terms, reasons: [{ code: 'redirect-kept', target: redirect.domainSpec.text }, { code: 'inserted', before: 'redirect', position: at }] };
  }
  let at = 0;
  terms.forEach((t, i) => {
    if (t.kind !== 'exp' && t.kind !== 'unknown-modifier') at = i + 1;
  });
  const baseline = [...terms];
  if (allPolicy === 'add-softfail') {
    terms.splice(at, 0, mechanism, allTerm('~'));
    baseline.splice(at, 0, allTerm('~'));
    return { terms, baseline, reasons: [{ code: 'softfail-all-added' }, { code: 'inserted', before: 'end', position: at }] };
  }
  terms.splice(at, 0, mechanism);
  return { terms, baseline, reasons: [{ code: 'no-all-kept' }, { code: 'inserted', before: 'end', position: at }] };
}

interface Fitted {
  record: string;
  subRecords: SubRecord[];
  flattening?: Extract<FlattenResult, { status: 'flattened' | 'insufficient' }>;
  reasons: AddReason[];
  warnings: AddWarning[];
}

/**
 * Flattens when over 10 lookups, then moves ranges to sub-records when over 450 octets.
 * Each sub-record include costs a lookup, so flattening is redone with that much less
 * room until both fit (or nothing more can be flattened).
 */
async function fitRecord(candidate: string, domain: string, resolver: Resolver, protect: string[]): Promise<Fitted> {
  const reasons: AddReason[] = [];
  const warnings: AddWarning[] = [];
  // RFC 7208 §4.6.4: at most 10 terms that cause DNS lookups.
  let limit = RFC_LIMITS.dnsTerms;
  let result: Fitted = { record: candidate, subRecords: [], reasons, warnings };
  for (let attempt = 0; attempt < 4; attempt++) {
    const flat = await flattenRecord(candidate, resolver, { domain, limit, protect });
    const flattening = flat.status === 'flattened' || flat.status === 'insufficient' ? flat : undefined;
    const record = flattening ? flattening.record : candidate;
    const split = proposeSubRecords(record, domain);
    result = { record, subRecords: [], reasons, warnings };
    if (flattening) result.flattening = flattening;
    if (split.status !== 'proposed') break;
    result.record = split.main;
    result.subRecords = split.subRecords;
    const tree = await countLookups(split.main, resolver, { domain, overrides: new Map(split.subRecords.map((s) => [s.name, s.record])) });
    if (tree.withinLimit) break;
    const nextLimit = RFC_LIMITS.dnsTerms - split.subRecords.length;
    if (nextLimit >= limit || nextLimit < 0) break;
    limit = nextLimit;
  }
  const flattening = result.flattening;
  if (flattening) {
    reasons.push({ code: 'flattened', includes: flattening.flattened.map((f) => f.term), lookups: { before: flattening.lookups.before, after: flattening.lookups.after } });
    warnings.push(flattening.watch.ttl === undefined ? { code: 'flattened-ranges-go-stale', includes: flattening.watch.includes } : { code: 'flattened-ranges-go-stale', includes: flattening.watch.includes, ttl: flattening.watch.ttl });
    if (flattening.status === 'insufficient') warnings.push({ code: 'flatten-insufficient', lookups: flattening.lookups.after, limit: flattening.lookups.limit });
  }
  if (result.subRecords.length > 0) {
    reasons.push({ code: 'sub-records', names: result.subRecords.map((s) => s.name), moved: result.subRecords.reduce((n, s) => n + rangesOf(s.record).length, 0) });
  }
  const bytes = byteLength(result.record);
  if (bytes > MAX_RECORD_BYTES) warnings.push({ code: 'record-too-long', bytes, limit: MAX_RECORD_BYTES });
  return result;
}

/** The ip4/ip6 networks of a record, as `address[/prefix]`. */
function rangesOf(record: string): string[] {
  const parsed = parseRecord(record);
  if (!parsed.ok) return [];
  return parsed.record.terms.flatMap((t) => (t.kind === 'ip4' || t.kind === 'ip6' ? [t.prefix === undefined ? t.address : `${t.address}/${t.prefix}`] : []));
}
