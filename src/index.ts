/**
 * spfkit — the public API. Everything a program needs to check, explain and edit SPF, and
 * the DNS resolvers to do it with.
 *
 * @example
 * import { checkHost, systemResolver } from 'spfkit';
 * const check = await checkHost(
 *   { ip: '212.83.209.204', sender: 'me@mydomain.nl' },
 *   { resolver: systemResolver({ servers: ['127.0.0.1:5353'] }) },
 * );
 * console.log(check.result, check.matched?.text);
 */
import { systemResolver } from './dns/system.ts';
import type { Resolver } from './dns/resolver.ts';
import { type CheckInput, evaluateSpf } from './spf/evaluate.ts';
import type { SpfCheck, SpfLimits } from './spf/types.ts';
import type { RecordCache } from './spf/record-cache.ts';

export type { DnsAnswer, DnsAnswerKind, MxRecord, RecordData, Resolver, RrType } from './dns/resolver.ts';
export { isTemporaryFailure, isVoid, normalizeName } from './dns/resolver.ts';
export { systemResolver, parseDnsServer, DEFAULT_TIMEOUT, type SystemResolverOptions } from './dns/system.ts';
export { zoneResolver, zoneFromText, zoneFromConformance, zoneToText, type Zone, type ZoneResolver } from './dns/zone.ts';
export { cachingResolver } from './dns/cache.ts';
export { recordingResolver } from './dns/recorder.ts';
export { budgetResolver, type BudgetResolver } from './dns/budget.ts';

export { parseRecord, isSpfRecordText } from './spf/parse.ts';
export { renderRecord, renderTerm } from './spf/render.ts';
export { validateCheckInput, SpfInputError, type CheckInput, type CheckInputIssue } from './spf/evaluate.ts';
export { RFC_LIMITS, SPF_RESULTS } from './spf/types.ts';
export { recordCache, type RecordCache } from './spf/record-cache.ts';
export { evaluationTree, branchLookups, type TreeNode, type TreeTerm } from './spf/tree.ts';
export { explainCheck, describeInputIssue, type CheckExplanation, type ExplainOptions } from './spf/explain.ts';
export { explainRecord, renderRecordExplanation, lookupPtrName } from './spf/describe.ts';
export { detectLang, t, type Lang } from './i18n/index.ts';
export type {
  DomainProblem,
  Identity,
  MacroString,
  Mechanism,
  MechanismKind,
  Modifier,
  ParseIssue,
  ParseIssueCode,
  ParseResult,
  Qualifier,
  Span,
  SpfCause,
  SpfCauseCode,
  SpfCheck,
  SpfLimits,
  SpfLookups,
  SpfMatch,
  SpfProblem,
  SpfRecord,
  SpfResult,
  Term,
  TraceStep,
} from './spf/types.ts';

/** Options of `checkHost`. */
export interface CheckOptions {
  /** Where DNS answers come from; default: the system's resolvers (node:dns). */
  resolver?: Resolver;
  /** Candidate records by domain, used instead of DNS ("test before you publish"). "" = no record. */
  overrides?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** The §4.6.4 limits; defaults are the RFC's (`RFC_LIMITS`). */
  limits?: Partial<SpfLimits>;
  /** The time for %{t}: a Date, milliseconds since the epoch, or a clock. Default: now. */
  now?: Date | number | (() => number);
  /** This host's name for %{r} in explanations. Default "unknown". */
  receiver?: string;
  /** A parsed-record cache to share across checks (`recordCache()`), for bulk and servers. */
  records?: RecordCache;
  /**
   * Start the queries a record's terms need as soon as it is known, in parallel, so a check
   * waits about as long as its include tree is deep (same outcome either way; see
   * docs/deviations.md). Default true.
   */
  lookAhead?: boolean;
}

/**
 * RFC 7208 check_host() for a client IP and the MAIL FROM (or, with an empty sender, the
 * HELO) identity. Resolves with the result, the reason as data, the deciding term, the
 * evaluation trace and lookup counts; rejects only with `SpfInputError` when the IP or
 * identity is not usable at all.
 *
 * @example
 * const check = await checkHost(
 *   { ip: '5.255.64.53', sender: 'info@example.com' },
 *   { overrides: { 'example.com': 'v=spf1 a:smtp1.blueinkt.com -all' } },
 * );
 */
export function checkHost(input: CheckInput, options: CheckOptions = {}): Promise<SpfCheck> {
  const { now } = options;
  const clock = typeof now === 'function' ? now : now instanceof Date ? () => now.getTime() : typeof now === 'number' ? () => now : () => Date.now();
  return evaluateSpf(input, {
    resolver: options.resolver ?? systemResolver(),
    overrides: options.overrides,
    limits: options.limits,
    receiver: options.receiver,
    records: options.records,
    now: clock,
    ...(options.lookAhead === undefined ? {} : { lookAhead: options.lookAhead }),
  });
}

// Onboarding: add a sender, count lookups, flatten, split, publish, provider catalogue.
export * from './record/index.ts';
// DMARC (RFC 7489) and DKIM (RFC 6376) record parsing and validation.
export * from './dmarc/index.ts';
export * from './dkim/index.ts';
export { bundledPublicSuffixList, type PublicSuffixList } from './psl/index.ts';
// The receiving side: Postfix policy service (protocol, decisions) and trace header formatters.
export {
  receivedSpfHeader,
  authResultsHeader,
  decidePolicy,
  newConnectionState,
  defaultSettings,
  RequestReader,
  formatRequest,
  formatResponse,
  formatDecisionLog,
  type ReceivedSpfOptions,
  type AuthResultsOptions,
  type PolicyDecision,
  type PolicySettings,
  type PolicyRequest,
  type RejectLevel,
} from './policyd/index.ts';
// Will this mail be accepted? The DMARC outcome of a sending setup, from DNS (issue 13).
export { predictDelivery, VerdictInputError, dmarcOutcome, policyLookupOf } from './verdict/index.ts';
export type { DeliveryPrediction, VerdictInput, VerdictFix, DmarcOutcome, DmarcOutcomeInput, VerdictDeps } from './verdict/index.ts';
// The domain audit (SPF, DKIM, DMARC, MX findings).
export { auditDomain } from './audit/index.ts';
export type { AuditResult, Finding } from './audit/index.ts';
