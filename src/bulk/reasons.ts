/**
 * Why a report row says what it says, as data (`RowReason`) and as one short English
 * sentence (`reasonText`). Every word of the bulk report is made here — the one place an
 * i18n area (`bulk.*` in src/i18n) would take over.
 */
import type { AddIssueCode } from '../record/reasons.ts';
import type { DomainProblem, SpfCauseCode, SpfResult } from '../spf/types.ts';

/** Why a row's input could not be checked. */
export type InputProblem =
  /** The value cell is empty. */
  | { code: 'empty' }
  /** Neither an e-mail address nor a domain name (spaces, several "@", no local part …). */
  | { code: 'not-an-address' }
  /** Looks like a domain name but cannot be one (RFC 7208 §4.3, RFC 1035 §2.3.4). */
  | { code: 'bad-domain'; problem: DomainProblem }
  /** CSV: a quoted field is not closed on its line (fields spanning lines are not read). */
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
  | { code: 'no-record'; dns: 'nxdomain' | 'nodata' | 'no-spf' }
  /** Seed 004 case 2: the record does not pass the service; publish the planned record. */
  | { code: 'publish'; result: SpfResult; by?: string; subRecords: number; verified: boolean }
  /** Case 2, but no plan can be made until the record is fixed (`addSender` blocked). */
  | { code: 'fix-first'; result: SpfResult; by?: string; issue: AddIssueCode }
  /** Case 2, but the record already names the service's term: its addresses changed. */
  | { code: 'listed-not-passing'; result: SpfResult; term: string }
  /** Seed 004 case 3. */
  | { code: 'authorised'; by: string }
  /** The policy ends in permerror/temperror whatever the service. */
  | { code: 'broken'; result: 'permerror' | 'temperror'; cause: SpfCauseCode }
  | { code: 'invalid'; problem: InputProblem };

/** Short words for each cause of a broken policy (RFC 7208 section in brackets). */
const CAUSE_TEXT: Record<SpfCauseCode, string> = {
  matched: 'a term matched',
  'no-match': 'nothing matched',
  'invalid-domain': 'the domain is not usable (§4.3)',
  'no-record': 'no SPF record (§4.5)',
  'multiple-records': 'more than one SPF record (§4.5)',
  syntax: 'a syntax error in the record (§4.6)',
  'dns-error': 'a DNS lookup timed out or failed (§2.6.6)',
  'lookup-limit': 'more than 10 DNS lookups (§4.6.4)',
  'void-limit': 'more than 2 lookups found nothing (§4.6.4)',
  'mx-limit': 'an mx has more than 10 mail servers (§4.6.4)',
  'include-none': 'an include points at a domain without SPF record (§5.2)',
  'redirect-none': 'the redirect points at a domain without SPF record (§6.1)',
  'invalid-target': 'a macro expands to an unusable name (§4.8)',
  'macro-too-long': 'a macro expands too long',
};

const DOMAIN_TEXT: Record<DomainProblem, string> = {
  empty: 'it is empty',
  'empty-label': 'it has an empty label',
  'label-too-long': 'a label is longer than 63 characters',
  'too-long': 'it is longer than 253 characters',
  'single-label': 'it has only one label',
  'bad-character': 'it has a control character',
  'address-literal': 'it is an address literal',
};

function problemText(problem: InputProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'Empty value: no address or domain to check.';
    case 'not-an-address':
      return 'Not an e-mail address or domain name.';
    case 'bad-domain':
      return `Not a usable domain name: ${DOMAIN_TEXT[problem.problem]}.`;
    case 'unclosed-quote':
      return 'Unreadable CSV line: a quote is not closed.';
    case 'text-after-quote':
      return 'Unreadable CSV line: text after a closing quote.';
    case 'missing-column':
      return 'The line has too few columns.';
    case 'extra-columns':
      return 'More than one value on the line.';
    case 'no-test-ips':
      return 'No address of the service to test with; give --test-ip.';
    case 'check-failed':
      return `The check failed: ${problem.message}.`;
    default: {
      const never: never = problem;
      throw new Error(`unhandled input problem ${String(never)}`);
    }
  }
}

const by = (term: string | undefined): string => (term ? ` (by ${term})` : '');

/**
 * One short English sentence for a report row.
 *
 * @example
 * reasonText({ code: 'authorised', by: 'a:smtp1.blueinkt.com' }); // 'Authorised by a:smtp1.blueinkt.com.'
 * reasonText({ code: 'publish', result: 'fail', by: '-all', subRecords: 0, verified: true });
 * // 'The record gives fail for the service (by -all): publish recordToPublish.'
 */
export function reasonText(reason: RowReason): string {
  switch (reason.code) {
    case 'no-record':
      return reason.dns === 'nxdomain'
        ? 'The domain does not exist (NXDOMAIN): many receivers reject its mail whatever SPF says.'
        : 'No SPF record: receivers decide on other grounds; nothing to publish.';
    case 'publish': {
      const extra = reason.subRecords > 0 ? ` and its ${reason.subRecords} sub-record${reason.subRecords === 1 ? '' : 's'} (see spfkit add)` : '';
      const check = reason.verified ? '' : ' The plan did not verify: check it with spfkit add.';
      return `The record gives ${reason.result} for the service${by(reason.by)}: publish the record in recordToPublish${extra}.${check}`;
    }
    case 'fix-first':
      return `The record gives ${reason.result} for the service${by(reason.by)}, and must be fixed before it can be extended (${reason.issue}).`;
    case 'listed-not-passing':
      return `The record lists ${reason.term}, yet the service's address gets ${reason.result}: check the service's addresses.`;
    case 'authorised':
      return `Authorised${reason.by ? ` by ${reason.by}` : ''}.`;
    case 'broken':
      return `The record ends in ${reason.result}: ${CAUSE_TEXT[reason.cause]}. Receivers may ${reason.result === 'permerror' ? 'reject' : 'defer'} mail whatever the service; fix it first.`;
    case 'invalid':
      return problemText(reason.problem);
    default: {
      const never: never = reason;
      throw new Error(`unhandled reason ${String(never)}`);
    }
  }
}
