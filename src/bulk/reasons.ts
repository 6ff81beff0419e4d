/**
 * Why a report row says what it says, as data (`RowReason`) and as one short sentence
 * (`reasonText`) in English or Dutch. The words are the message catalogue's area `bulk`
 * (src/i18n/bulk.en.ts, bulk.nl.ts); this is the one place that picks them.
 */
import { t } from '../i18n/catalog.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.ts';
import type { AddIssueCode } from '../record/reasons.ts';
import type { VerificationIssue } from '../record/verify.ts';
import { describeVerificationIssue } from '../record/words.ts';
import type { DomainProblem, SpfCauseCode, SpfResult } from '../spf/types.ts';

/** Why a row's input could not be checked. */
export type InputProblem =
  /** The value cell is empty. */
  | { code: 'empty' }
  /** Neither an e-mail address nor a domain name (spaces, several "@", no local part …). */
  | { code: 'not-an-address' }
  /** Looks like a domain name but cannot be one (RFC 7208 §4.3, RFC 1035 §2.3.4). */
  | { code: 'bad-domain'; problem: DomainProblem }
  /** CSV: a quoted field is not closed (within the lines a record may span, csv.ts `MAX_RECORD_LINES`). */
  | { code: 'unclosed-quote' }
  /** CSV: text between a closing quote and the next delimiter. */
  | { code: 'text-after-quote' }
  /** CSV: the row has fewer fields than the header's value column needs. */
  | { code: 'missing-column' }
  /** A one-value-per-line file with more than one non-empty field on the line. */
  | { code: 'extra-columns' }
  /** The service's addresses could not be derived from its mechanism for this domain. */
  | { code: 'no-test-ips' }
  /** The check itself failed (a bug or a resolver that threw); the run goes on. */
  | { code: 'check-failed'; message: string };

export type InputProblemCode = InputProblem['code'];

/** Why a row has its situation. */
export type RowReason =
  /** Seed 004 case 1: no SPF record (or no domain at all). */
  | { code: 'no-record'; dns: 'nxdomain' | 'nodata' | 'no-spf'; publish?: boolean }
  /** Seed 004 case 2: the record does not pass the service; publish the planned record. */
  | {
      code: 'publish';
      result: SpfResult;
      by?: string;
      subRecords: number;
      verified: boolean;
      /** Why the plan with the service's own mechanism did not verify (worded as `spfkit add` words it). */
      issue?: VerificationIssue;
      /** The service's fixed addresses in place of its mechanism: what is published when `issue` is the void-lookup limit. */
      alternative?: { replaces: string; mechanisms: string[] };
    }
  /** Case 2, but no plan can be made until the record is fixed (`addSender` blocked). */
  | { code: 'fix-first'; result: SpfResult; by?: string; issue: AddIssueCode }
  /** Case 2, but the record already names the service's term: its addresses changed. */
  | { code: 'listed-not-passing'; result: SpfResult; term: string }
  /** Seed 004 case 3. */
  | { code: 'authorised'; by: string }
  /** The policy ends in permerror/temperror whatever the service. */
  | { code: 'broken'; result: 'permerror' | 'temperror'; cause: SpfCauseCode }
  | { code: 'invalid'; problem: InputProblem };

function problemText(problem: InputProblem, lang: Lang): string {
  switch (problem.code) {
    case 'bad-domain':
      return t(lang, 'bulk.invalid.bad-domain', { problem: t(lang, `bulk.domain.${problem.problem}`) });
    case 'check-failed':
      return t(lang, 'bulk.invalid.check-failed', { message: problem.message });
    case 'empty':
    case 'not-an-address':
    case 'unclosed-quote':
    case 'text-after-quote':
    case 'missing-column':
    case 'extra-columns':
    case 'no-test-ips':
      return t(lang, `bulk.invalid.${problem.code}`);
    default: {
      const never: never = problem;
      throw new Error(`unhandled input problem ${String(never)}`);
    }
  }
}

const term = (by: string | undefined): { term?: string } => (by ? { term: by } : {});

/**
 * One short sentence for a report row, in `lang` (default English; area `bulk` of the
 * message catalogue, src/i18n/bulk.en.ts).
 *
 * @example
 * reasonText({ code: 'authorised', by: 'a:smtp1.blueinkt.com' }); // 'Authorised by a:smtp1.blueinkt.com.'
 * reasonText({ code: 'authorised', by: 'a:smtp1.blueinkt.com' }, 'nl'); // 'Geautoriseerd door a:smtp1.blueinkt.com.'
 * reasonText({ code: 'publish', result: 'fail', by: '-all', subRecords: 0, verified: true });
 * // 'The record gives fail for the service (by -all): publish the new record of this row.'
 */
export function reasonText(reason: RowReason, lang: Lang = DEFAULT_LANG): string {
  switch (reason.code) {
    case 'no-record':
      return t(lang, reason.dns === 'nxdomain' ? 'bulk.none.nxdomain' : reason.publish ? 'bulk.none.publish' : 'bulk.none.no-spf');
    case 'publish':
      return t(lang, 'bulk.publish', {
        result: reason.result,
        ...term(reason.by),
        subRecords: reason.subRecords,
        verified: reason.verified,
        ...(reason.issue ? { issue: describeVerificationIssue(reason.issue, lang) } : {}),
        ...(reason.alternative ? { alternative: reason.alternative } : {}),
      });
    case 'fix-first':
      return t(lang, 'bulk.fix-first', { result: reason.result, ...term(reason.by), issue: reason.issue });
    case 'listed-not-passing':
      return t(lang, 'bulk.listed-not-passing', { term: reason.term, result: reason.result });
    case 'authorised':
      return t(lang, 'bulk.authorised', term(reason.by));
    case 'broken':
      return t(lang, 'bulk.broken', { result: reason.result, cause: t(lang, `bulk.cause.${reason.cause}`) });
    case 'invalid':
      return problemText(reason.problem, lang);
    default: {
      const never: never = reason;
      throw new Error(`unhandled reason ${String(never)}`);
    }
  }
}
