/**
 * The MX part of an audit: the domain's mail exchangers (RFC 5321 §5.1) and whether each has
 * an address. A domain that receives no mail can say so with a null MX (RFC 7505).
 */
import type { Resolver } from '../dns/resolver.ts';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { canonicalDomain } from '../spf/domain.ts';
import { makeFinding } from './findings.ts';
import type { AreaReport, Finding } from './types.ts';

/**
 * Audits the MX records of `domain`.
 *
 * @example
 * const { findings, summary } = await auditMx('prezentklant.nl', resolver, 'en');
 * summary; // 'mx.prezentklant.nl (10)'
 */
export async function auditMx(domain: string, resolver: Resolver, lang: Lang): Promise<AreaReport> {
  const findings: Finding[] = [];
  const answer = await resolver.query(domain, 'MX');
  switch (answer.kind) {
    case 'timeout':
    case 'servfail':
      return { findings, summary: t(lang, 'audit.summary.unavailable') };
    case 'nxdomain':
    case 'nodata':
      // RFC 5321 §5.1: without MX records, mail goes to the domain's own address (implicit MX).
      findings.push(makeFinding({ id: 'mx-missing', severity: 'warning', message: t(lang, 'audit.mx-missing.message', { domain }), fix: t(lang, 'audit.mx-missing.fix', { domain }), evidence: { domain, dns: answer.kind } }));
      return { findings, summary: t(lang, 'audit.summary.mx-none', { domain }) };
    case 'answer':
      break;
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
  const exchanges = [...answer.records].sort((a, b) => a.preference - b.preference).map((mx) => ({ preference: mx.preference, exchange: canonicalDomain(mx.exchange) }));
  // RFC 7505 §3: a null MX is a single record with the root as exchange.
  if (exchanges.length === 1 && exchanges[0]?.exchange === '') {
    findings.push(makeFinding({ id: 'mx-null', severity: 'info', message: t(lang, 'audit.mx-null.message', { domain }), evidence: { domain, mx: [{ preference: exchanges[0].preference, exchange: '.' }] } }));
    return { findings, summary: t(lang, 'audit.summary.mx-null', { domain }) };
  }
  const addresses = await Promise.all(
    exchanges.map(async ({ exchange }) => {
      if (exchange === '') return 'void' as const;
      const [a, aaaa] = await Promise.all([resolver.query(exchange, 'A'), resolver.query(exchange, 'AAAA')]);
      if ((a.kind === 'answer' && a.records.length > 0) || (aaaa.kind === 'answer' && aaaa.records.length > 0)) return 'found' as const;
      if (a.kind === 'timeout' || a.kind === 'servfail' || aaaa.kind === 'timeout' || aaaa.kind === 'servfail') return 'unavailable' as const;
      return 'void' as const;
    }),
  );
  exchanges.forEach(({ preference, exchange }, i) => {
    if (addresses[i] !== 'void') return;
    const shown = exchange === '' ? '.' : exchange;
    findings.push(
      makeFinding({
        id: 'mx-unresolvable',
        severity: 'error',
        message: t(lang, 'audit.mx-unresolvable.message', { domain, name: shown, count: preference }),
        fix: t(lang, 'audit.mx-unresolvable.fix', { name: shown }),
        evidence: { domain, exchange: shown, preference },
      }),
    );
  });
  return { findings, summary: t(lang, 'audit.summary.mx-hosts', { names: exchanges.map(({ preference, exchange }) => `${exchange === '' ? '.' : exchange} (${preference})`) }) };
}
