/**
 * `auditDomain`: SPF, DKIM, DMARC and MX of one domain, checked through the caller's
 * resolver, with findings in words (en, nl), a verdict per area and a grade.
 */
import { t } from '../i18n/catalog.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.ts';
import { type UnreachableResolver, resolverWords } from '../spf/explain.ts';
import { bundledPublicSuffixList } from '../psl/bundled.ts';
import { canonicalDomain, domainProblem } from '../spf/domain.ts';
import type { DomainProblem } from '../spf/types.ts';
import { auditDkim } from './dkim.ts';
import { auditDmarc } from './dmarc.ts';
import { auditDns } from './dns.ts';
import { SEVERITY_RANK, makeFinding } from './findings.ts';
import { areaVerdict, gradeAudit } from './grade.ts';
import { auditMx } from './mx.ts';
import { auditSpf } from './spf.ts';
import { AUDIT_AREAS, type AreaResult, type AuditArea, type AuditOptions, type AuditResult, type Finding, type Verdict } from './types.ts';

/**
 * Thrown by `auditDomain` for a domain that is not a usable DNS name (an input error, not a finding).
 *
 * @example
 * await auditDomain('localhost', { resolver }).catch((e) => e instanceof AuditInputError); // true
 */
export class AuditInputError extends Error {
  override name = 'AuditInputError';
  constructor(
    readonly domain: string,
    readonly problem: DomainProblem,
  ) {
    super(`"${domain}" is not a usable domain name: ${t('en', `spf.domain.${problem}`)}`);
  }
}

/**
 * The audit when spfkit's own resolver could not be reached: nothing about the domain is
 * known, so no grade, and per area one `dns-resolver-unreachable` finding (not a finding per
 * failed query, each blaming the domain's DNS).
 */
function unreachableAudit(domain: string, lang: Lang, resolver: UnreachableResolver): AuditResult {
  const areas = {} as Record<AuditArea, AreaResult>;
  const findings: Finding[] = [];
  for (const area of AUDIT_AREAS) {
    const finding = makeFinding({
      id: 'dns-resolver-unreachable',
      area,
      severity: 'warning',
      message: t(lang, 'audit.dns-resolver-unreachable.message', { resolver: resolverWords(resolver) }),
      fix: t(lang, 'audit.dns-resolver-unreachable.fix'),
      evidence: { servers: resolver.servers, error: resolver.error, detail: resolver.detail ?? null },
    });
    areas[area] = { verdict: areaVerdict([finding]), summary: t(lang, 'audit.summary.resolver-unreachable'), findings: [finding] };
    findings.push(finding);
  }
  return { domain, lang, grade: null, resolver, areas, findings };
}

/**
 * Audits a domain: its SPF record and the tree of records it includes (lookup counts per
 * branch), its DKIM keys, its DMARC policy and its MX records. DNS goes only through
 * `options.resolver`; a query that times out or fails makes its area `unknown` ("could not
 * check") with a `dns-unavailable` finding — never "no record". When no query got a reply
 * and `options.probe` finds spfkit's own resolver down, the result has no grade and one
 * `dns-resolver-unreachable` finding per area. Throws `AuditInputError` only when `domain` is
 * not a domain name.
 *
 * @example
 * const result = await auditDomain('prezentklant.nl', { resolver, selectors: ['prezent-a'], lang: 'nl' });
 * result.grade;              // 'B'
 * result.areas.dmarc.verdict; // 'warning'
 * result.findings.map((f) => f.id); // ['spf-lookup-count', 'dkim-key-found', 'dmarc-policy-none']
 */
export async function auditDomain(domain: string, options: AuditOptions): Promise<AuditResult> {
  const lang = options.lang ?? DEFAULT_LANG;
  const name = canonicalDomain(domain.trim());
  const problem = domainProblem(name);
  if (problem !== undefined) throw new AuditInputError(domain, problem);
  const dns = auditDns(options.resolver);
  const suffixes = options.suffixes ?? bundledPublicSuffixList();
  const [spf, dkim, dmarc, mx] = await Promise.all([
    auditSpf(name, dns.forArea('spf'), lang),
    auditDkim(name, dns.forArea('dkim'), lang, options.selectors ?? [], options.probeSelectors),
    auditDmarc(name, dns.forArea('dmarc'), lang, suffixes),
    auditMx(name, dns.forArea('mx'), lang),
  ]);
  if (!dns.answered && dns.failures.length > 0 && options.probe) {
    const health = await options.probe();
    if (health.state === 'unreachable') return unreachableAudit(name, lang, health);
  }
  const reports = { spf, dkim, dmarc, mx };
  const areas = {} as Record<AuditArea, AreaResult>;
  const verdicts = {} as Record<AuditArea, Verdict>;
  const findings: Finding[] = [];
  for (const area of AUDIT_AREAS) {
    const failed = dns.failures
      .filter((failure) => failure.area === area)
      .map((failure) => {
        const params = { name: failure.name, type: failure.type, answer: failure.answer, ...(failure.detail === undefined ? {} : { detail: failure.detail }) };
        return makeFinding({
          id: 'dns-unavailable',
          area,
          severity: 'warning',
          message: t(lang, 'audit.dns-unavailable.message', params),
          fix: t(lang, 'audit.dns-unavailable.fix'),
          evidence: { name: failure.name, type: failure.type, answer: failure.answer, detail: failure.detail ?? null },
        });
      });
    // Worst first; the sort is stable, so findings of one severity keep the order they were found in.
    const list = [...failed, ...reports[area].findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const verdict = areaVerdict(list);
    areas[area] = { verdict, summary: reports[area].summary, findings: list };
    verdicts[area] = verdict;
    findings.push(...list);
  }
  return { domain: name, lang, grade: gradeAudit(verdicts), areas, findings };
}
