/**
 * check_host() — RFC 7208 §4 (the function), §5 (mechanisms), §6 (modifiers), §7 (macros)
 * and the §4.6.4 processing limits. Evaluates a parsed tree; every RFC outcome is returned
 * as data, never thrown. DNS comes only through the `Resolver` in the options.
 */
import type { Lang } from '../i18n/lang.ts';
import { type DnsAnswer, type RecordData, type Resolver, type RrType, withoutTrailingDot } from '../dns/resolver.ts';
import { canonicalDomain, domainProblem } from './domain.ts';
import { type ClientIp, addressMatches, ipDotted, networkMatches, parseClientIp, reverseName } from './ip.ts';
import { type MacroValues, expandDomainSpec, expandMacroString, parseMacroString, usesPtrMacro } from './macro.ts';
import { fetchSpfRecord } from './fetch.ts';
import { parseRecord } from './parse.ts';
import { describeInputIssue } from './explain.ts';
import { QUALIFIER_RESULT } from './qualifier.ts';
import type { RecordCache } from './record-cache.ts';
import { type LookAhead, startLookAhead } from './look-ahead.ts';
import {
  type ExpProblem,
  type Identity,
  type MacroString,
  type Mechanism,
  type ParseIssue,
  type ParseResult,
  RFC_LIMITS,
  type SpfCause,
  type SpfCheck,
  type SpfLimits,
  type SpfLookups,
  type SpfMatch,
  type SpfProblem,
  type SpfRecord,
  type SpfResult,
  type TraceStep,
  type Via,
} from './types.ts';

/** What is checked: the client IP and the identities from the SMTP session. */
export interface CheckInput {
  /** The SMTP client's IP address (IPv4, IPv6, or IPv4-mapped IPv6). */
  ip: string;
  /** MAIL FROM address; "" is the null reverse-path, so the HELO identity is checked (§2.4). */
  sender: string;
  /** The HELO/EHLO name. Needed when `sender` is empty; used for %{h}. */
  helo?: string;
}

export interface EvaluateOptions {
  resolver: Resolver;
  /**
   * Records to use instead of DNS, by domain (any depth: the sender's own domain, an
   * include, a redirect target). "" stands for "no SPF record".
   */
  overrides?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  limits?: Partial<SpfLimits>;
  /** The clock for %{t}, in milliseconds since the epoch. */
  now?: () => number;
  /** The receiving host's name for %{r} (default "unknown"). */
  receiver?: string;
  /** Parsed records to reuse across checks (see `recordCache`); parsed per check without. */
  records?: RecordCache;
  /**
   * Start the DNS queries a record's terms will need as soon as the record is known, in
   * parallel (src/spf/look-ahead.ts; bounded as docs/deviations.md says). The outcome is the
   * same either way; only the waiting differs. Default true.
   */
  lookAhead?: boolean;
}

/** Why a check input is unusable (not an RFC outcome: the caller gave something invalid). */
export interface CheckInputIssue {
  field: 'ip' | 'sender' | 'helo';
  code: 'bad-ip' | 'sender-without-domain' | 'missing-helo';
  /** The text given for the field. */
  value: string;
}

/** Thrown by `checkHost` for inputs that are not an IP/identity at all (see `validateCheckInput`). */
export class SpfInputError extends Error {
  readonly issues: CheckInputIssue[];
  constructor(issues: CheckInputIssue[]) {
    // The error's own text is the English catalogue's (`describeInputIssue` words it in any language).
    super(issues.map((i) => describeInputIssue(i, 'en')).join('; '));
    this.name = 'SpfInputError';
    this.issues = issues;
  }

  /** The issues in words, in `lang` (the shells' way to say it). */
  words(lang: Lang): string {
    return this.issues.map((i) => describeInputIssue(i, lang)).join('; ');
  }
}

interface ParsedInput {
  ip: ClientIp;
  identity: Identity;
  sender: string;
  local: string;
  domain: string;
  helo: string;
}

/**
 * Checks the inputs of a check without doing it. A sender needs a domain ("info@" has
 * none); a bare domain ("example.com") stands for postmaster@example.com.
 */
export function validateCheckInput(input: CheckInput): { ok: true; value: ParsedInput } | { ok: false; issues: CheckInputIssue[] } {
  const issues: CheckInputIssue[] = [];
  const ip = parseClientIp(String(input.ip ?? ''));
  if (!ip) issues.push({ field: 'ip', code: 'bad-ip', value: String(input.ip ?? '') });
  const helo = input.helo ?? '';
  const sender = input.sender ?? '';
  let local = 'postmaster';
  let domain: string;
  let identity: Identity;
  if (sender === '') {
    identity = 'helo';
    domain = helo;
    if (helo === '') issues.push({ field: 'helo', code: 'missing-helo', value: '' });
  } else {
    identity = 'mfrom';
    const at = sender.lastIndexOf('@');
    if (at === -1) {
      domain = sender;
      if (!sender.includes('.')) {
        issues.push({ field: 'sender', code: 'sender-without-domain', value: sender });
      }
    } else {
      domain = sender.slice(at + 1);
      // RFC 7208 §4.3: with no local-part, "postmaster" is used.
      if (at > 0) local = sender.slice(0, at);
      if (domain === '') issues.push({ field: 'sender', code: 'sender-without-domain', value: sender });
    }
  }
  if (issues.length > 0 || !ip) return { ok: false, issues };
  return { ok: true, value: { ip, identity, sender: `${local}@${domain}`, local, domain, helo } };
}

/** A finished (sub-)check: the result and why. */
interface Outcome {
  result: SpfResult;
  cause: SpfCause;
  matched?: SpfMatch;
  explanation?: string;
}

interface Context {
  resolver: Resolver;
  /** How records are parsed: through the caller's cache, or once per check. */
  parse: (text: string) => ParseResult;
  /** The answers started ahead (src/spf/look-ahead.ts), or undefined with `lookAhead: false`. */
  lookAhead: LookAhead | undefined;
  limits: SpfLimits;
  overrides: ReadonlyMap<string, string> | undefined;
  input: ParsedInput;
  macro: MacroValues;
  trace: TraceStep[];
  problems: SpfProblem[];
  lookups: SpfLookups;
  overridesUsed: Set<string> | undefined;
  /** The resolver record lookups go through, tracing at `fetchDepth` (made on first use). */
  traced: Resolver | undefined;
  fetchDepth: number;
  /** Validated PTR names of the client, looked up at most once per check. */
  ptrNames: Promise<string[] | Outcome> | undefined;
}

/**
 * RFC 7208 §4: check_host(<ip>, <domain>, <sender>). Never throws for an RFC outcome;
 * throws `SpfInputError` only when the IP or identity is not usable at all.
 *
 * @example
 * const check = await evaluateSpf({ ip: '212.83.209.204', sender: 'me@mydomain.nl' }, { resolver });
 * check.result; // 'pass' | 'fail' | …
 */
export async function evaluateSpf(input: CheckInput, options: EvaluateOptions): Promise<SpfCheck> {
  const valid = validateCheckInput(input);
  if (!valid.ok) throw new SpfInputError(valid.issues);
  const parsed = valid.value;
  const limits: SpfLimits = options.limits ? { ...RFC_LIMITS, ...options.limits } : RFC_LIMITS;
  const records = options.records;
  const ctx: Context = {
    resolver: options.resolver,
    parse: records ? (text) => records.parse(text) : options.lookAhead === false ? parseRecord : parseOnce(),
    lookAhead: undefined,
    limits,
    overrides: normalizeOverrides(options.overrides),
    input: parsed,
    macro: {
      sender: parsed.sender,
      local: parsed.local,
      senderDomain: parsed.domain,
      domain: parsed.domain,
      ipDotted: ipDotted(parsed.ip),
      ipReadable: parsed.ip.text,
      ipVersion: parsed.ip.family === 4 ? 'in-addr' : 'ip6',
      helo: parsed.helo,
      receiver: options.receiver ?? 'unknown',
      timestamp: Math.floor((options.now?.() ?? 0) / 1000),
      ptr: undefined,
    },
    trace: [],
    problems: [],
    lookups: { terms: 0, void: 0, mx: 0, ptr: 0 },
    overridesUsed: undefined,
    ptrNames: undefined,
    traced: undefined,
    fetchDepth: 0,
  };

  let outcome: Outcome;
  // RFC 7208 §4.3: a malformed or single-label domain gives "none" before any DNS query.
  const problem = domainProblem(parsed.domain);
  if (problem !== undefined) {
    outcome = { result: 'none', cause: { code: 'invalid-domain', domain: parsed.domain, reason: problem } };
    ctx.trace.push({ type: 'result', depth: 0, domain: parsed.domain, result: 'none', cause: outcome.cause });
  } else {
    const root = withoutTrailingDot(parsed.domain);
    if (options.lookAhead !== false) {
      ctx.lookAhead = startLookAhead(root, { resolver: ctx.resolver, ip: parsed.ip, macro: ctx.macro, limits, overrides: ctx.overrides, parse: ctx.parse });
    }
    outcome = await checkDomain(ctx, root, 0, 'root');
  }
  const check: SpfCheck = {
    result: outcome.result,
    domain: parsed.domain,
    identity: parsed.identity,
    sender: parsed.sender,
    ip: parsed.ip.text,
    cause: outcome.cause,
    trace: ctx.trace,
    lookups: ctx.lookups,
    problems: ctx.problems,
    overridesUsed: ctx.overridesUsed ? [...ctx.overridesUsed] : [],
  };
  if (outcome.explanation !== undefined) check.explanation = outcome.explanation;
  if (outcome.matched) check.matched = outcome.matched;
  return check;
}

/** A parse shared by the evaluator and its look-ahead within one check (no cache given). */
function parseOnce(): (text: string) => ParseResult {
  const parsed = new Map<string, ParseResult>();
  return (text) => {
    let result = parsed.get(text);
    if (result === undefined) parsed.set(text, (result = parseRecord(text)));
    return result;
  };
}

function normalizeOverrides(overrides: EvaluateOptions['overrides']): ReadonlyMap<string, string> | undefined {
  if (!overrides) return undefined;
  const entries = overrides instanceof Map ? [...overrides.entries()] : Object.entries(overrides);
  if (entries.length === 0) return undefined;
  return new Map(entries.map(([domain, record]) => [canonicalDomain(domain), record]));
}

function finish(ctx: Context, depth: number, domain: string, outcome: Outcome): Outcome {
  ctx.trace.push({ type: 'result', depth, domain, result: outcome.result, cause: outcome.cause });
  return outcome;
}

async function query<T extends RrType>(ctx: Context, depth: number, name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
  // An answer started ahead is taken here, in the evaluator's order (src/spf/look-ahead.ts).
  const answer = await (ctx.lookAhead?.take(name, type) ?? ctx.resolver.query(name, type));
  const step: TraceStep = { type: 'query', depth, name, rrtype: type, answer: answer.kind };
  if (answer.kind === 'answer') step.records = answer.records.map(recordText);
  else if ((answer.kind === 'timeout' || answer.kind === 'servfail') && answer.detail) step.detail = answer.detail;
  ctx.trace.push(step);
  return answer;
}

function recordText(record: RecordData[RrType]): string {
  if (typeof record === 'string') return record;
  if (Array.isArray(record)) return record.length === 1 ? (record[0] as string) : record.join('');
  return `${record.preference} ${record.exchange}`;
}

function dnsError(domain: string, name: string, type: RrType, answer: { kind: 'timeout' | 'servfail'; detail?: string; refused?: true; budget?: number }): Outcome {
  const cause: SpfCause = { code: 'dns-error', domain, name, type, answer: answer.kind };
  if (answer.detail) cause.detail = answer.detail;
  if (answer.refused) cause.refused = true;
  if (answer.budget !== undefined) cause.budget = answer.budget;
  return { result: 'temperror', cause };
}

/** RFC 7208 §4.4–§4.5: fetch and select the domain's one v=spf1 record (src/spf/fetch.ts), then parse it. */
async function fetchRecord(ctx: Context, domain: string, depth: number): Promise<SpfRecord | Outcome> {
  // Queries go through the trace like every other query of the check.
  ctx.fetchDepth = depth;
  ctx.traced ??= { query: (name, type) => query(ctx, ctx.fetchDepth, name, type) };
  const found = await fetchSpfRecord(ctx.traced, domain, ctx.overrides);
  switch (found.kind) {
    case 'dns-error':
      return dnsError(domain, found.domain, 'TXT', { kind: found.answer, ...(found.detail === undefined ? {} : { detail: found.detail }), ...(found.refused ? { refused: true as const } : {}) });
    case 'none':
      if (ctx.overrides?.has(found.domain)) (ctx.overridesUsed ??= new Set()).add(found.domain);
      return { result: 'none', cause: { code: 'no-record', domain, dns: found.dns } };
    case 'multiple':
      return { result: 'permerror', cause: { code: 'multiple-records', domain, count: found.count } };
    case 'record':
      break;
    default: {
      const never: never = found;
      throw new Error(`unhandled record lookup ${String(never)}`);
    }
  }
  if (found.source === 'override') (ctx.overridesUsed ??= new Set()).add(found.domain);
  ctx.trace.push({ type: 'record', depth, domain, record: found.text, source: found.source });
  const parsed = ctx.parse(found.text);
  if (!parsed.ok) {
    for (const issue of parsed.issues) ctx.problems.push(syntaxProblem(domain, issue));
    return { result: 'permerror', cause: { code: 'syntax', domain, record: found.text, issues: parsed.issues } };
  }
  return parsed.record;
}

/** A syntax issue of a record met along the way, as a problem of the check (no words: src/i18n has them). */
function syntaxProblem(domain: string, issue: ParseIssue): SpfProblem {
  return {
    domain,
    code: issue.code,
    span: issue.span,
    ...(issue.token !== undefined ? { token: issue.token } : {}),
    ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
  };
}

/** check_host() at one domain (root, include target or redirect target). */
async function checkDomain(ctx: Context, domain: string, depth: number, via: Via): Promise<Outcome> {
  ctx.trace.push({ type: 'check', depth, domain, via });
  const fetched = await fetchRecord(ctx, domain, depth);
  if (!('terms' in fetched)) return finish(ctx, depth, domain, fetched);
  const record = fetched;

  let outcome: Outcome | undefined;
  const terms = record.terms;
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index] as (typeof terms)[number];
    if (term.kind === 'redirect' || term.kind === 'exp' || term.kind === 'unknown-modifier') continue;
    const step: Extract<TraceStep, { type: 'term' }> = {
      type: 'term',
      depth,
      domain,
      index,
      text: record.text.slice(term.span.start, term.span.end),
      span: term.span,
      kind: term.kind,
      outcome: 'no-match',
      counted: false,
    };
    ctx.trace.push(step);
    const r = await evaluateMechanism(ctx, term, domain, depth, step);
    if (r === false) continue;
    if (r === true) {
      step.outcome = 'match';
      outcome = {
        result: QUALIFIER_RESULT[term.qualifier],
        cause: { code: 'matched', domain },
        matched: { domain, text: step.text, span: term.span, kind: term.kind, qualifier: term.qualifier, depth },
      };
      break;
    }
    step.outcome = 'error';
    return finish(ctx, depth, domain, r);
  }

  if (!outcome) {
    // RFC 7208 §6.1: redirect applies when nothing matched, and is ignored when the
    // record has an "all" mechanism anywhere.
    const redirect = record.redirect;
    if (redirect && !record.mechanisms.some((m) => m.kind === 'all')) {
      return finish(ctx, depth, domain, await followRedirect(ctx, record, redirect, domain, depth));
    }
    // RFC 7208 §4.7: no match and no redirect → neutral.
    outcome = { result: 'neutral', cause: { code: 'no-match', domain } };
  }

  // RFC 7208 §6.2: the explanation is computed for a "fail" by the record that produced
  // it — not inside an include (where "fail" only means "no match").
  if (outcome.result === 'fail' && via !== 'include' && record.exp) {
    const explanation = await explain(ctx, record.exp.domainSpec, domain, depth);
    if (explanation !== undefined) outcome.explanation = explanation;
  }
  return finish(ctx, depth, domain, outcome);
}

async function followRedirect(
  ctx: Context,
  record: SpfRecord,
  redirect: NonNullable<SpfRecord['redirect']>,
  domain: string,
  depth: number,
): Promise<Outcome> {
  const step: Extract<TraceStep, { type: 'term' }> = {
    type: 'term',
    depth,
    domain,
    index: record.terms.indexOf(redirect),
    text: record.text.slice(redirect.span.start, redirect.span.end),
    span: redirect.span,
    kind: 'redirect',
    outcome: 'no-match',
    counted: true,
  };
  ctx.trace.push(step);
  const limited = countTerm(ctx, domain);
  if (limited) {
    step.outcome = 'error';
    return limited;
  }
  const target = await expandTarget(ctx, redirect.domainSpec, domain, depth);
  if (typeof target !== 'string') {
    step.outcome = 'error';
    return target;
  }
  step.target = target;
  const problem = domainProblem(target);
  // RFC 7208 §6.1: a malformed target-name is a permerror, like a missing record.
  if (problem !== undefined) {
    step.outcome = 'error';
    return { result: 'permerror', cause: { code: 'invalid-target', domain, target, reason: problem } };
  }
  const inner = await checkDomain(ctx, target, depth + 1, 'redirect');
  if (inner.result === 'none') {
    step.outcome = 'error';
    return { result: 'permerror', cause: { code: 'redirect-none', domain, target } };
  }
  step.outcome = inner.result === 'temperror' || inner.result === 'permerror' ? 'error' : 'match';
  return inner;
}

/** RFC 7208 §4.6.4: count a DNS-querying term; over the limit → permerror. */
function countTerm(ctx: Context, domain: string): Outcome | undefined {
  ctx.lookups.terms++;
  if (ctx.lookups.terms > ctx.limits.dnsTerms) {
    return { result: 'permerror', cause: { code: 'lookup-limit', domain, limit: ctx.limits.dnsTerms } };
  }
  return undefined;
}

/**
 * RFC 7208 §4.6.4: count a void lookup; over the limit → permerror. `own` is a budget of an
 * `mx` term's exchanges under `mxHostVoids: 'mechanism'` (mailauth's reading).
 */
function countVoid(ctx: Context, domain: string, own?: { void: number }): Outcome | undefined {
  const counter = own ?? ctx.lookups;
  counter.void++;
  if (counter.void > ctx.limits.voidLookups) {
    return { result: 'permerror', cause: { code: 'void-limit', domain, limit: ctx.limits.voidLookups } };
  }
  return undefined;
}

/** Expands a domain-spec; an expansion over the size guard is a permerror outcome. */
async function expandTarget(ctx: Context, spec: MacroString, domain: string, depth: number): Promise<string | Outcome> {
  const values = spec.hasMacros ? await macroValues(ctx, spec, domain, depth) : ctx.macro;
  if (!isMacroValues(values)) return values;
  const target = expandDomainSpec(spec, values, ctx.limits.maxMacroExpansion);
  if (target === undefined) {
    return { result: 'permerror', cause: { code: 'macro-too-long', domain, length: ctx.limits.maxMacroExpansion + 1, limit: ctx.limits.maxMacroExpansion } };
  }
  if (target.truncated) {
    ctx.problems.push({ domain, code: 'macro-truncated', spec: spec.text, length: target.length, name: target.name });
  }
  return target.name;
}

/**
 * The macro values for `spec` at `domain`. %{p} looks up the validated names; a void lookup
 * over the limit there ends the check with permerror, as through ptr (RFC 7208 §4.6.4).
 */
async function macroValues(ctx: Context, spec: MacroString, domain: string, depth: number): Promise<MacroValues | Outcome> {
  const values: MacroValues = { ...ctx.macro, domain };
  if (usesPtrMacro(spec)) {
    const ptr = await validatedPtrName(ctx, domain, depth);
    if (typeof ptr !== 'string') return ptr;
    values.ptr = ptr;
  }
  return values;
}

function isMacroValues(values: MacroValues | Outcome): values is MacroValues {
  return !('result' in values);
}

/** Where the target is not a usable domain name it cannot exist: no match (see docs/deviations.md). */
function unusableTarget(ctx: Context, domain: string, target: string): boolean {
  const problem = domainProblem(target);
  if (problem === undefined) return false;
  ctx.problems.push({ domain, code: 'bad-domain-spec', target, reason: problem });
  return true;
}

async function evaluateMechanism(
  ctx: Context,
  m: Mechanism,
  domain: string,
  depth: number,
  step: Extract<TraceStep, { type: 'term' }>,
): Promise<boolean | Outcome> {
  const ip = ctx.input.ip;
  switch (m.kind) {
    case 'all':
      return true;
    case 'ip4':
    case 'ip6':
      return networkMatches(ip, m);
    default:
      break;
  }
  // Every other mechanism queries DNS (lookupKind, src/spf/lookup-rules.ts) and counts.
  step.counted = true;
  const limited = countTerm(ctx, domain);
  if (limited) return limited;
  const target = m.domainSpec ? await expandTarget(ctx, m.domainSpec, domain, depth) : domain;
  if (typeof target !== 'string') return target;
  step.target = target;
  switch (m.kind) {
    case 'include': {
      if (unusableTarget(ctx, domain, target)) return { result: 'permerror', cause: { code: 'include-none', domain, target } };
      const inner = await checkDomain(ctx, target, depth + 1, 'include');
      // RFC 7208 §5.2: the include result table.
      switch (inner.result) {
        case 'pass':
          return true;
        case 'fail':
        case 'softfail':
        case 'neutral':
          return false;
        case 'temperror':
        case 'permerror':
          return inner;
        case 'none':
          return { result: 'permerror', cause: { code: 'include-none', domain, target } };
        default: {
          const never: never = inner.result;
          throw new Error(`unhandled result ${String(never)}`);
        }
      }
    }
    case 'a': {
      if (unusableTarget(ctx, domain, target)) return false;
      const addresses = await lookupAddresses(ctx, domain, target, depth);
      if (!Array.isArray(addresses)) return addresses;
      return addresses.some((a) => addressMatches(ip, a, m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128));
    }
    case 'mx':
      if (unusableTarget(ctx, domain, target)) return false;
      return matchMx(ctx, m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128, domain, target, depth);
    case 'ptr': {
      if (unusableTarget(ctx, domain, target)) return false;
      const names = await validatedPtrNames(ctx, depth);
      if (!Array.isArray(names)) return names;
      // RFC 7208 §5.5: a validated name equal to the target or ending in ".target".
      const t = canonicalDomain(target);
      return names.some((n) => n === t || n.endsWith('.' + t));
    }
    case 'exists': {
      if (unusableTarget(ctx, domain, target)) return false;
      // RFC 7208 §5.7: always an A query, whatever the client's address family.
      const answer = await query(ctx, depth, canonicalDomain(target), 'A');
      if (answer.kind === 'timeout' || answer.kind === 'servfail') return dnsError(domain, canonicalDomain(target), 'A', answer);
      if (answer.kind === 'answer' && answer.records.length > 0) return true;
      return countVoid(ctx, domain) ?? false;
    }
    default: {
      const never: never = m;
      throw new Error(`unhandled mechanism ${String(never)}`);
    }
  }
}

/**
 * A or AAAA records of `name` for the client's family; a void lookup is counted for an
 * empty answer (see SpfLimits.voidOtherFamily).
 */
async function lookupAddresses(ctx: Context, domain: string, target: string, depth: number, own?: { void: number }): Promise<string[] | Outcome> {
  const name = canonicalDomain(target);
  const type = ctx.input.ip.family === 4 ? 'A' : 'AAAA';
  const answer = await query(ctx, depth, name, type);
  switch (answer.kind) {
    case 'answer':
      if (answer.records.length > 0) return answer.records;
      break;
    case 'timeout':
    case 'servfail':
      return dnsError(domain, name, type, answer);
    case 'nxdomain':
      break;
    case 'nodata':
      if (!ctx.limits.voidOtherFamily) {
        const other = await query(ctx, depth, name, type === 'A' ? 'AAAA' : 'A');
        if (other.kind === 'answer' && other.records.length > 0) return [];
      }
      break;
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
  return countVoid(ctx, domain, own) ?? [];
}

/** RFC 7208 §5.4: the mx mechanism. */
async function matchMx(ctx: Context, prefix4: number, prefix6: number, domain: string, target: string, depth: number): Promise<boolean | Outcome> {
  const name = canonicalDomain(target);
  const answer = await query(ctx, depth, name, 'MX');
  if (answer.kind === 'timeout' || answer.kind === 'servfail') return dnsError(domain, name, 'MX', answer);
  if (answer.kind !== 'answer' || answer.records.length === 0) return countVoid(ctx, domain) ?? false;
  const exchanges = answer.records;
  if (exchanges.length > ctx.lookups.mx) ctx.lookups.mx = exchanges.length;
  // RFC 7208 §4.6.4: more than 10 MX names in one mx mechanism is a permerror — up front, or
  // (mxOverLimit: 'cut', libspf2/mailauth) only when none of the first 10 matches.
  const over = exchanges.length > ctx.limits.mxNames;
  const limitError: Outcome = { result: 'permerror', cause: { code: 'mx-limit', domain, limit: ctx.limits.mxNames, count: exchanges.length } };
  if (over && ctx.limits.mxOverLimit !== 'cut') return limitError;
  const own = ctx.limits.mxHostVoids === 'mechanism' ? { void: 0 } : undefined;
  for (const mx of over ? exchanges.slice(0, ctx.limits.mxNames) : exchanges) {
    const exchange = withoutTrailingDot(mx.exchange);
    if (domainProblem(exchange) !== undefined) continue;
    const addresses = await lookupAddresses(ctx, domain, exchange, depth, own);
    if (!Array.isArray(addresses)) return addresses;
    if (addresses.some((a) => addressMatches(ctx.input.ip, a, prefix4, prefix6))) return true;
  }
  return over ? limitError : false;
}

/**
 * RFC 7208 §5.5: the client's validated names — PTR names (at most `ptrNames`, §4.6.4)
 * whose forward lookup contains the client IP. DNS errors skip a name. Looked up once per
 * check and shared by ptr and %{p}.
 */
function validatedPtrNames(ctx: Context, depth: number): Promise<string[] | Outcome> {
  ctx.ptrNames ??= lookupValidatedNames(ctx, depth);
  return ctx.ptrNames;
}

async function lookupValidatedNames(ctx: Context, depth: number): Promise<string[] | Outcome> {
  const ip = ctx.input.ip;
  const answer = await query(ctx, depth, reverseName(ip), 'PTR');
  if (answer.kind !== 'answer' || answer.records.length === 0) {
    // A DNS error makes ptr fail to match (§5.5); an empty answer is a void lookup.
    if (answer.kind === 'timeout' || answer.kind === 'servfail') return [];
    return countVoid(ctx, ctx.input.domain) ?? [];
  }
  let names = answer.records;
  if (names.length > ctx.limits.ptrNames) {
    ctx.problems.push({ domain: ctx.input.domain, code: 'ptr-limit', ip: ip.text, count: names.length, limit: ctx.limits.ptrNames });
    names = names.slice(0, ctx.limits.ptrNames);
  }
  if (names.length > ctx.lookups.ptr) ctx.lookups.ptr = names.length;
  const validated: string[] = [];
  const type = ip.family === 4 ? 'A' : 'AAAA';
  for (const raw of names) {
    const name = canonicalDomain(raw);
    if (domainProblem(name) !== undefined) continue;
    const forward = await query(ctx, depth, name, type);
    if (forward.kind !== 'answer') continue;
    if (forward.records.some((a) => addressMatches(ip, a, 32, 128))) validated.push(name);
  }
  return validated;
}

/** RFC 7208 §7.3 "p": a validated name equal to or under <domain>, else any, else "unknown". */
async function validatedPtrName(ctx: Context, domain: string, depth: number): Promise<string | Outcome> {
  const names = await validatedPtrNames(ctx, depth);
  if (!Array.isArray(names)) return names;
  if (names.length === 0) return 'unknown';
  const d = canonicalDomain(domain);
  return names.find((n) => n === d) ?? names.find((n) => n.endsWith('.' + d)) ?? (names[0] as string);
}

/**
 * RFC 7208 §6.2: fetch and expand the exp= explanation. Any failure (DNS error, no or
 * several TXT records, a syntax error) means no explanation — never a different result.
 * The lookup does not count against the limits (§4.6.4).
 */
async function explain(ctx: Context, spec: MacroString, domain: string, depth: number): Promise<string | undefined> {
  const target = await expandTarget(ctx, spec, domain, depth);
  const step: Extract<TraceStep, { type: 'explanation' }> = { type: 'explanation', depth, domain, target: typeof target === 'string' ? target : spec.text };
  const fail = (problem: ExpProblem): undefined => {
    step.problem = problem;
    ctx.trace.push(step);
    ctx.problems.push(problem);
    return undefined;
  };
  if (typeof target !== 'string') return fail({ code: 'exp-failed', domain, target: spec.text, reason: 'not-expanded' });
  if (domainProblem(target) !== undefined) return fail({ code: 'exp-failed', domain, target, reason: 'bad-target' });
  const answer = await query(ctx, depth, canonicalDomain(target), 'TXT');
  if (answer.kind !== 'answer' || answer.records.length === 0) return fail({ code: 'exp-failed', domain, target, reason: 'no-txt', answer: answer.kind });
  if (answer.records.length > 1) return fail({ code: 'exp-multiple', domain, target, count: answer.records.length });
  const text = (answer.records[0] as string[]).join('');
  const issues: ParseIssue[] = [];
  const ms = parseMacroString(text, 0, text.length, issues, { explain: true });
  const [issue] = issues;
  if (issue !== undefined) return fail({ code: 'exp-syntax', domain, target, issue });
  const values = await macroValues(ctx, ms, domain, depth);
  // RFC 7208 §6.2: a failure while expanding the explanation only loses the explanation.
  if (!isMacroValues(values)) return fail({ code: 'exp-failed', domain, target, reason: 'expansion-failed', cause: values.cause.code });
  const expanded = expandMacroString(ms, values, ctx.limits.maxMacroExpansion);
  if (expanded === undefined) return fail({ code: 'exp-failed', domain, target, reason: 'too-long', limit: ctx.limits.maxMacroExpansion });
  step.text = expanded;
  ctx.trace.push(step);
  return expanded;
}
