/**
 * The bulk checker: a sending service's whole customer list through `customerSituation`,
 * seed 004's three situations (plus broken and invalid) per customer, streamed.
 *
 * Bounded concurrency (src/bulk/pool.ts), one DNS cache for the run (the caller's
 * `cachingResolver`), and every row answered: bad input and failed checks become `invalid`
 * rows with a reason, never the end of the run.
 */
import { domainToASCII } from 'node:url';
import type { Resolver } from '../dns/resolver.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.ts';
import type { Provider } from '../record/providers.ts';
import { type Situation, type SituationIssue, type SituationResult, customerSituation } from '../record/situation.ts';
import { parseMechanism } from '../record/terms.ts';
import { parseClientIp } from '../spf/ip.ts';
import type { RecordCache } from '../spf/record-cache.ts';
import type { SpfResult } from '../spf/types.ts';
import type { Row } from './csv.ts';
import { mapConcurrent } from './pool.ts';
import { type InputProblem, type RowReason, reasonText } from './reasons.ts';

/** The situations a report row can be in: `customerSituation`'s. */
/** Parsed records a bulk run keeps: enough for every provider record, not for customers'. */
export const BULK_RECORD_CACHE = 256;

export type SituationKind = Situation['situation'];

/** Every situation, in the order summaries list them. */
export const SITUATIONS: readonly SituationKind[] = ['none', 'not-authorised', 'authorised', 'broken', 'invalid'];

/** One customer's answer. Optional fields are left out when they do not apply. */
export interface ReportRow {
  /** The line of the input file the customer is on (rows come out of order). */
  line: number;
  /** The value as read (the whole line when it could not be read). */
  input: string;
  /** The domain checked, lower case ('' when there is none). */
  domain: string;
  situation: SituationKind;
  /** One short sentence in the run's `lang` (src/bulk/reasons.ts). */
  reason: string;
  /** The term that decided: the one that authorises (authorised), or the one that does not (not-authorised). */
  by?: string;
  /** not-authorised: the SPF record the customer should publish. */
  recordToPublish?: string;
  /** The SPF result for the service: pass, fail, softfail, neutral, none, permerror or temperror. */
  result?: SpfResult;
  /** broken: the SPF cause code (`include-none` …); invalid: the input problem (`bad-domain` …). */
  cause?: string;
}

/** The service to check for: a catalogue entry, or one mechanism (and its addresses). */
export type BulkSender = { provider: Provider; testIps?: readonly string[] } | { mechanism: string; testIps?: readonly string[] };

/** The service (`provider`, or `mechanism` and `testIps`) and how to run. */
export type CheckCustomersOptions = BulkSender & BulkRunOptions;

export interface BulkRunOptions {
  /** Ask DNS through this; pass one `cachingResolver` so the run shares one cache. */
  resolver: Resolver;
  /** Customers checked at once (default 16). */
  concurrency?: number;
  /** The language of each row's `reason` (default en); the other fields are codes either way. */
  lang?: Lang;
  /**
   * Parsed records shared across rows (provider records are parsed once per run). Keep it
   * small (`BULK_RECORD_CACHE`): customers' own records are met once, so a large cache only
   * holds memory in proportion to the rows.
   */
  records?: RecordCache;
  /** Called as each row finishes, before it is handed on. */
  onProgress?: (progress: BulkProgress) => void;
  /** `input` (default): report rows in the order of the input; `finish`: as each check finishes. */
  order?: 'input' | 'finish';
}

export interface BulkProgress {
  /** Rows taken from the input so far. */
  read: number;
  /** Rows finished so far. */
  done: number;
  /** The input line of the row just finished. */
  line: number;
}

/** The service given cannot be checked for (a bad mechanism or test address). */
export class BulkSenderError extends Error {
  override name = 'BulkSenderError';
}

/**
 * Why the service cannot be checked for, or an empty list. The same rules as
 * `customerSituation`, applied once for the run instead of once per row.
 *
 * @example
 * senderProblems({ mechanism: 'include:' }); // ['"include:" is not a usable mechanism (mechanism-syntax)']
 */
export function senderProblems(sender: BulkSender): string[] {
  const problems: string[] = [];
  const text = 'provider' in sender ? sender.provider.mechanism : sender.mechanism;
  const parsed = parseMechanism(text);
  if (!parsed.ok) problems.push(`"${text}" is not a usable mechanism (${parsed.issue.code})`);
  const ips = sender.testIps ?? ('provider' in sender ? sender.provider.testIps : []);
  for (const ip of ips) if (!parseClientIp(ip)) problems.push(`"${ip}" is not an IPv4 or IPv6 address`);
  return problems;
}

/**
 * Checks every customer of `rows` for one sending service and yields one `ReportRow` per
 * row, in the order they finish (each names its `line`). At most `concurrency` checks run
 * at once and at most twice that many rows are read ahead. Throws `BulkSenderError` at once
 * when the service itself is unusable.
 *
 * @example
 * const resolver = cachingResolver(systemResolver());
 * for await (const row of checkCustomers(readCustomerRows(lines), { provider: blueinkt, resolver, concurrency: 16 })) {
 *   if (row.situation === 'not-authorised') console.log(row.domain, row.recordToPublish);
 * }
 */
export function checkCustomers(rows: AsyncIterable<Row> | Iterable<Row>, options: CheckCustomersOptions): AsyncGenerator<ReportRow> {
  const problems = senderProblems(options);
  if (problems.length > 0) throw new BulkSenderError(problems.join('; '));
  const concurrency = options.concurrency ?? 16;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
  const base = 'provider' in options ? { provider: options.provider } : { mechanism: options.mechanism };
  const service: BulkSender = options.testIps === undefined ? base : { ...base, testIps: options.testIps };
  const situationOptions: { resolver: Resolver; records?: RecordCache } = options.records ? { resolver: options.resolver, records: options.records } : { resolver: options.resolver };
  const lang = options.lang ?? DEFAULT_LANG;
  let read = 0;
  let done = 0;
  const counted = async function* (): AsyncGenerator<Row> {
    for await (const row of rows) {
      read++;
      yield row;
    }
  };
  return mapConcurrent(
    counted(),
    concurrency,
    async (row) => {
      const report = await checkRow(row, service, situationOptions, lang);
      done++;
      options.onProgress?.({ read, done, line: row.line });
      return report;
    },
    { ordered: (options.order ?? 'input') === 'input' },
  );
}

type Target = { sender: string; domain: string } | { domain: string };

/**
 * What a value asks to check: an address (`info@klant.nl`, `Jan <jan@klant.nl>`) or a
 * domain. Internationalised domains are checked in their ASCII form (RFC 5891).
 */
function targetOf(input: string): Target | InputProblem {
  let value = input.trim();
  if (value === '') return { code: 'empty' };
  const angle = /^[^<>]*<([^<>]*)>$/.exec(value);
  if (angle) value = (angle[1] ?? '').trim();
  if (/[\s<>(),;:"[\]\\]/.test(value)) return { code: 'not-an-address' };
  const at = value.indexOf('@');
  if (at !== value.lastIndexOf('@') || at === 0) return { code: 'not-an-address' };
  const local = at === -1 ? undefined : value.slice(0, at);
  const written = at === -1 ? value : value.slice(at + 1);
  if (written === '') return { code: 'not-an-address' };
  if (!/^[\p{L}\p{N}._-]+\.?$/u.test(written)) return { code: 'not-an-address' };
  // Punycode for non-ASCII names; '' when the name cannot be one. Labels are checked by customerSituation.
  const domain = /^[\x21-\x7e]*$/.test(written) ? written.toLowerCase() : domainToASCII(written);
  if (domain === '') return { code: 'not-an-address' };
  return local === undefined ? { domain } : { sender: `${local}@${domain}`, domain };
}

const isProblem = (t: Target | InputProblem): t is InputProblem => 'code' in t;

function invalidRow(row: Row, domain: string, problem: InputProblem, lang: Lang): ReportRow {
  return { line: row.line, input: row.input, domain, situation: 'invalid', reason: reasonText({ code: 'invalid', problem }, lang), cause: problem.code };
}

async function checkRow(row: Row, service: BulkSender, options: { resolver: Resolver; records?: RecordCache }, lang: Lang): Promise<ReportRow> {
  if (row.problem !== undefined) return invalidRow(row, '', { code: row.problem }, lang);
  const target = targetOf(row.input);
  if (isProblem(target)) return invalidRow(row, '', target, lang);
  try {
    const situation = await customerSituation({ ...target, ...service }, options);
    return reportOf(row, situation, lang);
  } catch (error) {
    return invalidRow(row, target.domain, { code: 'check-failed', message: error instanceof Error ? error.message : String(error) }, lang);
  }
}

/** The first test address that did not pass: the one the customer's mail is judged by. */
function firstNotPass(results: readonly SituationResult[]): SituationResult | undefined {
  return results.find((r) => r.result !== 'pass');
}

function reportOf(row: Row, s: Situation, lang: Lang): ReportRow {
  const out = (reason: RowReason, extra: Partial<ReportRow> = {}): ReportRow => ({ line: row.line, input: row.input, domain: s.domain, situation: s.situation, reason: reasonText(reason, lang), ...extra });
  switch (s.situation) {
    case 'none': {
      const plan = s.plan !== undefined && s.plan.status !== 'blocked' ? s.plan : undefined;
      if (!plan) return out({ code: 'no-record', dns: s.dns }, { result: 'none' });
      return out({ code: 'no-record', dns: s.dns, publish: true }, { result: 'none', recordToPublish: plan.after.record });
    }
    case 'authorised':
      return out({ code: 'authorised', by: s.by }, { by: s.by, result: 'pass' });
    case 'broken':
      return out({ code: 'broken', result: s.result, cause: s.cause.code }, { result: s.result, cause: s.cause.code });
    case 'not-authorised': {
      const failing = firstNotPass(s.results);
      const result = failing?.result ?? 'neutral';
      const by = failing?.decidedBy;
      const decided = by === undefined ? { result } : { result, by };
      const plan = s.plan;
      switch (plan.status) {
        case 'blocked':
          return out({ code: 'fix-first', ...decided, issue: plan.issues[0]?.code ?? 'record-syntax' }, decided);
        case 'already-authorised':
          return out({ code: 'listed-not-passing', result, term: plan.coveredBy ?? plan.mechanism }, decided);
        case 'added':
        case 'created':
        {
          // A plan that failed on the void-lookup limit offers the sender's fixed addresses instead (verified).
          const issue = plan.verification.issues[0];
          const alt = plan.alternative;
          const reason: RowReason = { code: 'publish', ...decided, subRecords: plan.subRecords.length, verified: plan.verification.ok || alt !== undefined };
          if (issue !== undefined) reason.issue = issue;
          if (alt) reason.alternative = { replaces: alt.replaces, mechanisms: alt.mechanisms };
          return out(reason, { ...decided, recordToPublish: alt ? alt.after.record : plan.after.record });
        }
        default: {
          const never: never = plan;
          throw new Error(`unhandled plan ${String(never)}`);
        }
      }
    }
    case 'invalid':
      return invalidRow(row, s.domain, s.issues[0] ? problemOf(s.issues[0]) : { code: 'not-an-address' }, lang);
    default: {
      const never: never = s;
      throw new Error(`unhandled situation ${String(never)}`);
    }
  }
}

/** A row-level reading of `customerSituation`'s input issues. */
function problemOf(issue: SituationIssue): InputProblem {
  switch (issue.code) {
    case 'bad-domain':
      return { code: 'bad-domain', problem: issue.reason };
    case 'missing-domain':
      return { code: 'not-an-address' };
    case 'no-test-ips':
      return { code: 'no-test-ips' };
    // The service's own problems are refused before the run (senderProblems); the record's
    // come back as broken or not-authorised. Kept for exhaustiveness.
    case 'missing-mechanism':
    case 'mechanism-syntax':
    case 'mechanism-not-one-term':
    case 'mechanism-is-modifier':
    case 'mechanism-is-all':
    case 'mechanism-not-pass':
    case 'bad-test-ip':
    case 'record-syntax':
    case 'multiple-records':
    case 'dns-error':
      return { code: 'check-failed', message: issue.code };
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}
