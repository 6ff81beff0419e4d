/**
 * The reason of each row of the bulk report (`spfkit bulk`, src/bulk/reasons.ts) and the
 * summary's labels in English. The report's machine fields (situation, cause) stay codes.
 */
import type { AreaMessages } from './types.ts';

const by = (term: string | undefined): string => (term ? ` (by ${term})` : '');

export const bulkEn = {
  // ── Reasons, per situation ───────────────────────────────────────────────────────────
  'bulk.none.nxdomain': () => 'The domain does not exist (NXDOMAIN): many receivers reject its mail whatever SPF says.',
  'bulk.none.no-spf': () => 'No SPF record: receivers decide on other grounds; nothing to publish.',
  'bulk.none.publish': () =>
    'No SPF record: receivers decide on other grounds. Publish the new record of this row: the service, and ~all for the rest (list the other senders, then -all).',
  'bulk.publish': (p: { result: string; term?: string; subRecords: number; verified: boolean; issue?: string; alternative?: { replaces: string; mechanisms: readonly string[] } }) =>
    `The record gives ${p.result} for the service${by(p.term)}: publish the new record of this row` +
    `${p.subRecords > 0 ? ` and its ${p.subRecords} sub-record${p.subRecords === 1 ? '' : 's'} (see spfkit add)` : ''}.` +
    (p.alternative
      ? ` It lists ${p.alternative.mechanisms.join(' ')} in place of ${p.alternative.replaces}; with ${p.alternative.replaces}: ${p.issue ?? 'the plan does not verify'}.`
      : p.verified
        ? ''
        : ` The plan did not verify: ${p.issue ?? 'check it with spfkit add'}.`),
  'bulk.fix-first': (p: { result: string; term?: string; issue: string }) =>
    `The record gives ${p.result} for the service${by(p.term)}, and must be fixed before it can be extended (${p.issue}).`,
  'bulk.listed-not-passing': (p: { term: string; result: string }) =>
    `The record lists ${p.term}, yet the service's address gets ${p.result}: check the service's addresses.`,
  'bulk.authorised': (p: { term?: string }) => `Authorised${p.term ? ` by ${p.term}` : ''}.`,
  'bulk.broken': (p: { result: string; cause: string }) =>
    `The record ends in ${p.result}: ${p.cause}. Receivers may ${p.result === 'permerror' ? 'reject' : 'defer'} mail whatever the service; fix it first.`,

  // ── Why a policy is broken (RFC 7208 section in brackets), inside bulk.broken ─────────
  'bulk.cause.matched': () => 'a term matched',
  'bulk.cause.no-match': () => 'nothing matched',
  'bulk.cause.invalid-domain': () => 'the domain is not usable (§4.3)',
  'bulk.cause.no-record': () => 'no SPF record (§4.5)',
  'bulk.cause.multiple-records': () => 'more than one SPF record (§4.5)',
  'bulk.cause.syntax': () => 'a syntax error in the record (§4.6)',
  'bulk.cause.dns-error': () => 'a DNS lookup timed out or failed (§2.6.6)',
  'bulk.cause.lookup-limit': () => 'more than 10 DNS lookups (§4.6.4)',
  'bulk.cause.void-limit': () => 'more than 2 lookups found nothing (§4.6.4)',
  'bulk.cause.mx-limit': () => 'an mx has more than 10 mail servers (§4.6.4)',
  'bulk.cause.include-none': () => 'an include points at a domain without SPF record (§5.2)',
  'bulk.cause.redirect-none': () => 'the redirect points at a domain without SPF record (§6.1)',
  'bulk.cause.invalid-target': () => 'a macro expands to an unusable name (§4.8)',
  'bulk.cause.macro-too-long': () => 'a macro expands too long',

  // ── Why a row could not be checked (situation invalid) ───────────────────────────────
  'bulk.invalid.empty': () => 'Empty value: no address or domain to check.',
  'bulk.invalid.not-an-address': () => 'Not an e-mail address or domain name.',
  'bulk.invalid.bad-domain': (p: { problem: string }) => `Not a usable domain name: ${p.problem}.`,
  'bulk.invalid.unclosed-quote': () => 'Unreadable CSV line: a quote is not closed.',
  'bulk.invalid.text-after-quote': () => 'Unreadable CSV line: text after a closing quote.',
  'bulk.invalid.missing-column': () => 'The line has too few columns.',
  'bulk.invalid.extra-columns': () => 'More than one value on the line.',
  'bulk.invalid.no-test-ips': () => 'No address of the service to test with; give --test-ip.',
  'bulk.invalid.check-failed': (p: { message: string }) => `The check failed: ${p.message}.`,

  // ── Why a name is not a usable domain, inside bulk.invalid.bad-domain ─────────────────
  'bulk.domain.empty': () => 'it is empty',
  'bulk.domain.empty-label': () => 'it has an empty label',
  'bulk.domain.label-too-long': () => 'a label is longer than 63 characters',
  'bulk.domain.too-long': () => 'it is longer than 253 characters',
  'bulk.domain.single-label': () => 'it has only one label',
  'bulk.domain.bad-idn': () => 'a label has no valid international (IDNA) form',
  'bulk.domain.bad-character': () => 'it has a control character',
  'bulk.domain.address-literal': () => 'it is an address literal',

  // ── The summary on stderr ────────────────────────────────────────────────────────────
  'bulk.summary.checked': (p: { count: number; seconds: number; rate: number; out?: string }) =>
    `Checked ${p.count} customer${p.count === 1 ? '' : 's'} in ${p.seconds.toFixed(1)} s (${Math.round(p.rate)}/s)${p.out ? `; report: ${p.out}` : ''}`,
  'bulk.progress': (p: { percent: number; count: number; rate: number; left?: string }) =>
    `${p.percent}% · ${p.count} checked · ${Math.round(p.rate)}/s${p.left ? ` · ${p.left} left` : ''}`,
  'bulk.summary.none': () => 'none',
  'bulk.summary.not-authorised': () => 'not-authorised',
  'bulk.summary.authorised': () => 'authorised',
  'bulk.summary.broken': () => 'broken',
  'bulk.summary.invalid': () => 'invalid',
  'bulk.summary.total': () => 'total',
  'bulk.summary.skipped': () => 'skipped (resume)',
} satisfies AreaMessages<'bulk'>;
