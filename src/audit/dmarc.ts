/**
 * The DMARC part of an audit: policy discovery by the RFC 9989 §4.10 tree walk
 * (src/dmarc/discover.ts, with what RFC 7489's Public Suffix List reading would find
 * instead), the record's tags (parseDmarcRecord), the policy, and the authorisation of report
 * destinations outside the domain (RFC 7489 §7.1).
 */
import type { Resolver } from '../dns/resolver.ts';
import { appliedPolicy, discoverDmarc, type DmarcDiscovery } from '../dmarc/discover.ts';
import { externalReportTargets } from '../dmarc/org-domain.ts';
import { isDmarcRecordText } from '../dmarc/tree-walk.ts';
import type { DmarcIssue } from '../dmarc/types.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { makeFinding } from './findings.ts';
import type { AreaReport, Finding } from './types.ts';

/**
 * `dmarc-rfc7489-differs`: RFC 7489 receivers, which still take the organisational domain
 * from the Public Suffix List, apply another record (or none), or — when a record applies —
 * use another organisational domain for relaxed alignment. Not worded when neither reading
 * finds a record: alignment is then moot.
 */
function rfc7489Finding(found: Exclude<DmarcDiscovery, { kind: 'temporary-failure' }>, lang: Lang): Finding | undefined {
  const old = found.rfc7489Differs;
  const organization = found.organizationalDomain;
  if (old === undefined || organization === undefined) return undefined;
  if (found.kind === 'none' && old.policy.kind !== 'found') return undefined;
  const policy = old.policy.kind === 'found' ? old.policy.name : old.policy.kind;
  const current = found.kind === 'found' ? found.name : 'none';
  return makeFinding({
    id: 'dmarc-rfc7489-differs',
    severity: 'info',
    message: t(lang, 'audit.dmarc-rfc7489-differs.message', {
      domain: found.domain,
      organization,
      pslOrganization: old.organizationalDomain,
      name: current,
      pslName: policy,
    }),
    evidence: {
      domain: found.domain,
      organizationalDomain: organization,
      rfc7489OrganizationalDomain: old.organizationalDomain,
      record: found.kind === 'found' ? found.text : '',
      rfc7489Record: old.policy.kind === 'found' ? old.policy.text : '',
      rfc7489Policy: old.policy.kind,
      ...(old.extraQuery === undefined ? {} : { extraQuery: old.extraQuery }),
    },
  });
}

/** The words for one record issue: `audit.dmarc-issue.<code>`. */
/**
 * A DMARC record issue in words (the parser has none).
 *
 * @example
 * describeDmarcIssue(parseDmarcRecord('v=DMARC1; p=none; pct=150').issues[0], 'nl')
 */
export function describeDmarcIssue(issue: DmarcIssue, lang: Lang): string {
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
  const found = await discoverDmarc(domain, resolver, suffixes);
  if (found.kind === 'temporary-failure') return { findings, summary: t(lang, 'audit.summary.unavailable') };
  const queried = found.walk.steps.map((step) => step.name);
  // RFC 9989 §4.10 step 2: several records at one name are all discarded (the walk goes on).
  const multiple = found.walk.steps.flatMap((step) => (step.outcome.kind === 'multiple' ? [{ name: step.name, records: step.outcome.records }] : []));
  for (const { name, records } of multiple) {
    findings.push(
      makeFinding({ id: 'dmarc-multiple-records', severity: 'error', message: t(lang, 'audit.dmarc-multiple-records.message', { name, count: records.length }), fix: t(lang, 'audit.dmarc-multiple-records.fix', { name }), evidence: { name, records } }),
    );
  }
  const differs = rfc7489Finding(found, lang);
  if (differs !== undefined) findings.push(differs);
  if (found.kind === 'none') {
    const [first] = multiple;
    if (first !== undefined) return { findings, summary: t(lang, 'audit.summary.dmarc-multiple', { name: first.name, count: first.records.length }) };
    findings.push(
      makeFinding({
        id: 'dmarc-missing',
        severity: 'error',
        message: t(lang, 'audit.dmarc-missing.message', { domain, target: found.organizationalDomain }),
        fix: t(lang, 'audit.dmarc-missing.fix', { domain }),
        evidence: { domain, names: queried },
      }),
    );
    return { findings, summary: t(lang, 'audit.summary.dmarc-none', { domain }) };
  }
  const { name, text, parsed, source, policyDomain } = found;
  const fromOrganization = source !== 'author';
  if (found.source === 'organizational') {
    findings.push(
      makeFinding({ id: 'dmarc-org-domain', severity: 'info', message: t(lang, 'audit.dmarc-org-domain.message', { domain, target: policyDomain }), evidence: { domain, name, organizationalDomain: found.organizationalDomain, record: text, queries: queried } }),
    );
  }
  if (found.source === 'public-suffix') {
    findings.push(
      makeFinding({
        id: 'dmarc-psd-policy',
        severity: 'info',
        message: t(lang, 'audit.dmarc-psd-policy.message', { domain, target: policyDomain, organization: found.organizationalDomain }),
        evidence: { domain, name, organizationalDomain: found.organizationalDomain, record: text, queries: queried },
      }),
    );
  }
  for (const issue of parsed.issues) {
    findings.push(
      makeFinding({
        id: 'dmarc-syntax',
        severity: issue.severity,
        message: t(lang, 'audit.dmarc-syntax.message', { name, problem: describeDmarcIssue(issue, lang) }),
        fix: t(lang, issue.severity === 'error' && !parsed.ok ? 'audit.dmarc-syntax.fix-ignored' : 'audit.dmarc-syntax.fix'),
        evidence: { name, record: text, code: issue.code, column: issue.span.start + 1, span: { start: issue.span.start, end: issue.span.end } },
      }),
    );
  }
  if (!parsed.ok) return { findings, summary: t(lang, 'audit.summary.dmarc-ignored', { name }) };
  const record = parsed.record;
  // RFC 9989 §4.10.1: a domain without its own record gets the organisational domain's (or the public suffix's) sp=.
  const policy = appliedPolicy(record, source);
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
    const authorised = answer.kind === 'answer' && answer.records.some((strings) => isDmarcRecordText(strings.join('')));
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
