/**
 * The DMARC part of an audit (RFC 7489): policy discovery at `_dmarc.<domain>`, else at the
 * organisational domain (§6.6.3), the record's tags (parseDmarcRecord), the policy, and the
 * authorisation of report destinations outside the domain (§7.1).
 */
import type { Resolver } from '../dns/resolver.ts';
import { externalReportTargets, organizationalDomain } from '../dmarc/org-domain.ts';
import { parseDmarcRecord } from '../dmarc/parse.ts';
import type { DmarcIssue, DmarcPolicy, DmarcRecord } from '../dmarc/types.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { makeFinding } from './findings.ts';
import type { AreaReport, Finding } from './types.ts';

/**
 * RFC 7489 §6.6.3 step 3: records that do not start with a `v=` tag naming DMARC are
 * discarded. Compared loosely (case, spaces) so that `v=dmarc1` is parsed and reported
 * instead of silently dropped.
 */
const DMARC_START = /^\s*v\s*=\s*dmarc1\s*(;|$)/i;

export type DmarcLookup =
  | { kind: 'found'; name: string; records: string[] }
  | { kind: 'none' }
  | { kind: 'unavailable' };

async function discover(resolver: Resolver, domain: string): Promise<DmarcLookup> {
  const name = `_dmarc.${domain}`;
  const answer = await resolver.query(name, 'TXT');
  switch (answer.kind) {
    case 'timeout':
    case 'servfail':
      return { kind: 'unavailable' };
    case 'nxdomain':
    case 'nodata':
      return { kind: 'none' };
    case 'answer': {
      // RFC 7489 §6.6.3 step 2: the strings of one TXT record are joined.
      const records = answer.records.map((strings) => strings.join('')).filter((text) => DMARC_START.test(text));
      return records.length === 0 ? { kind: 'none' } : { kind: 'found', name, records };
    }
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
}

/** Where the DMARC policy of a domain was looked for and what was found (RFC 7489 §6.6.3). */
export interface DmarcDiscovery {
  found: DmarcLookup;
  /** The organisational domain (§3.2). */
  organization: string;
  /** The record is the organisational domain's (the domain has none of its own). */
  fromOrganization: boolean;
}

/**
 * Finds the DMARC record that applies to `domain`: at `_dmarc.<domain>`, else at the
 * organisational domain (§6.6.3). The one place the discovery rule lives; the audit and the
 * monitor both call it.
 *
 * @example
 * const { found, fromOrganization } = await discoverDmarc('mail.klant.nl', resolver, bundledPublicSuffixList());
 * found.kind === 'found' && found.name; // '_dmarc.klant.nl' (fromOrganization: true)
 */
export async function discoverDmarc(domain: string, resolver: Resolver, suffixes: PublicSuffixList): Promise<DmarcDiscovery> {
  const organization = organizationalDomain(domain, suffixes);
  const found = await discover(resolver, domain);
  // §6.6.3 step 4: only when the domain itself has no record is the organisational domain asked.
  if (found.kind === 'none' && organization !== domain) return { found: await discover(resolver, organization), organization, fromOrganization: true };
  return { found, organization, fromOrganization: false };
}

/**
 * The policy a record asks for the domain: `p=`, or — for a subdomain without a record of
 * its own — the organisational domain's `sp=` (§6.6.3).
 *
 * @example
 * appliedPolicy(parseDmarcRecord('v=DMARC1; p=reject; sp=none').record, true); // 'none'
 */
export function appliedPolicy(record: DmarcRecord, fromOrganization: boolean): DmarcPolicy {
  return fromOrganization ? record.subdomainPolicy : record.policy;
}

/** The words for one record issue: `audit.dmarc-issue.<code>`. */
function issueText(issue: DmarcIssue, lang: Lang): string {
  const params = {
    tag: 'tag' in issue ? issue.tag : '',
    value: 'value' in issue ? issue.value : '',
    reason: 'reason' in issue ? issue.reason : '',
    suggestion: 'suggestion' in issue ? (issue.suggestion ?? '') : '',
    count: 'count' in issue ? issue.count : 0,
    limit: 'limit' in issue ? issue.limit : 0,
  };
  return t(lang, `audit.dmarc-issue.${issue.code}`, params);
}

/**
 * Audits the DMARC policy of `domain`.
 *
 * @example
 * const { findings } = await auditDmarc('prezentklant.nl', resolver, 'en', bundledPublicSuffixList());
 * findings.map((f) => f.id); // ['dmarc-policy-none']
 */
export async function auditDmarc(domain: string, resolver: Resolver, lang: Lang, suffixes: PublicSuffixList): Promise<AreaReport> {
  const findings: Finding[] = [];
  const { found, organization, fromOrganization } = await discoverDmarc(domain, resolver, suffixes);
  if (found.kind === 'unavailable') return { findings, summary: t(lang, 'audit.summary.unavailable') };
  if (found.kind === 'none') {
    findings.push(
      makeFinding({
        id: 'dmarc-missing',
        severity: 'error',
        message: t(lang, 'audit.dmarc-missing.message', { domain, target: organization }),
        fix: t(lang, 'audit.dmarc-missing.fix', { domain }),
        evidence: { domain, names: organization === domain ? [`_dmarc.${domain}`] : [`_dmarc.${domain}`, `_dmarc.${organization}`] },
      }),
    );
    return { findings, summary: t(lang, 'audit.summary.dmarc-none', { domain }) };
  }
  const { name, records } = found;
  if (records.length > 1) {
    // §6.6.3 step 5: several records and "DMARC processing is not applied".
    findings.push(
      makeFinding({ id: 'dmarc-multiple-records', severity: 'error', message: t(lang, 'audit.dmarc-multiple-records.message', { name, count: records.length }), fix: t(lang, 'audit.dmarc-multiple-records.fix', { name }), evidence: { name, records } }),
    );
    return { findings, summary: t(lang, 'audit.summary.dmarc-multiple', { name, count: records.length }) };
  }
  const text = records[0] ?? '';
  const policyDomain = fromOrganization ? organization : domain;
  if (fromOrganization) {
    findings.push(makeFinding({ id: 'dmarc-org-domain', severity: 'info', message: t(lang, 'audit.dmarc-org-domain.message', { domain, target: organization }), evidence: { domain, name, organizationalDomain: organization, record: text } }));
  }
  const parsed = parseDmarcRecord(text);
  for (const issue of parsed.issues) {
    findings.push(
      makeFinding({
        id: 'dmarc-syntax',
        severity: issue.severity,
        message: t(lang, 'audit.dmarc-syntax.message', { name, problem: issueText(issue, lang) }),
        fix: t(lang, issue.severity === 'error' && !parsed.ok ? 'audit.dmarc-syntax.fix-ignored' : 'audit.dmarc-syntax.fix'),
        evidence: { name, record: text, code: issue.code, column: issue.span.start + 1, span: { start: issue.span.start, end: issue.span.end } },
      }),
    );
  }
  if (!parsed.ok) return { findings, summary: t(lang, 'audit.summary.dmarc-ignored', { name }) };
  const record = parsed.record;
  // §6.6.3: a subdomain without its own record gets the organisational domain's sp=.
  const policy = appliedPolicy(record, fromOrganization);
  if (policy === 'none') {
    findings.push(
      makeFinding({
        id: 'dmarc-policy-none',
        severity: 'warning',
        message: t(lang, 'audit.dmarc-policy-none.message', { name, tag: fromOrganization ? 'sp' : 'p' }),
        fix: t(lang, 'audit.dmarc-policy-none.fix'),
        evidence: { name, record: text, policy, tag: fromOrganization ? 'sp' : 'p' },
      }),
    );
  }
  // §7.1: reports to another organisation need its consent, published at
  // <policy domain>._report._dmarc.<destination host> as a record starting with v=DMARC1.
  const targets = externalReportTargets(policyDomain, record, suffixes);
  const checks = await Promise.all(targets.map((target) => resolver.query(target.authorizationName, 'TXT')));
  targets.forEach((target, i) => {
    const answer = checks[i];
    if (answer === undefined || answer.kind === 'timeout' || answer.kind === 'servfail') return;
    const authorised = answer.kind === 'answer' && answer.records.some((strings) => DMARC_START.test(strings.join('')));
    if (authorised) return;
    findings.push(
      makeFinding({
        id: 'dmarc-report-unauthorized',
        severity: 'warning',
        message: t(lang, 'audit.dmarc-report-unauthorized.message', { tag: target.tag, value: target.uri.uri, domain: policyDomain, name: target.authorizationName }),
        fix: t(lang, 'audit.dmarc-report-unauthorized.fix', { name: target.authorizationName, domain: policyDomain }),
        evidence: { name, tag: target.tag, uri: target.uri.uri, target: target.targetDomain, authorizationName: target.authorizationName, dns: answer.kind },
      }),
    );
  });
  return { findings, summary: t(lang, 'audit.summary.dmarc-record', { text, policy }) };
}
